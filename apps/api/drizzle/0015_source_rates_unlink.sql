ALTER TABLE "indicator_sources" ADD COLUMN "rate_per1000" jsonb;--> statement-breakpoint
ALTER TABLE "indicator_sources" ADD COLUMN "unlinked_at" timestamp with time zone;