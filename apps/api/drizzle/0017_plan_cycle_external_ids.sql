ALTER TABLE "plans" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "status_analyses" ADD COLUMN "external_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "plans_external_key" ON "plans" USING btree ("kommunenummer",coalesce("external_id", "id"::text));--> statement-breakpoint
CREATE UNIQUE INDEX "grant_applications_external_key" ON "grant_applications" USING btree ("kommunenummer",coalesce("external_id", "id"::text));--> statement-breakpoint
CREATE UNIQUE INDEX "status_analyses_external_key" ON "status_analyses" USING btree ("kommunenummer",coalesce("external_id", "id"::text));