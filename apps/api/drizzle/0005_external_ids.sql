CREATE TABLE "idempotency_keys" (
	"kommunenummer" char(4) NOT NULL,
	"key" text NOT NULL,
	"request_hash" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"status" integer,
	"content_type" text,
	"response" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_kommunenummer_key_pk" PRIMARY KEY("kommunenummer","key")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "focus_areas" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "target_groups" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_external_key" ON "organizations" USING btree ("kommunenummer",coalesce("external_id", "id"::text));--> statement-breakpoint
CREATE UNIQUE INDEX "tiers_external_key" ON "tiers" USING btree ("kommunenummer",coalesce("external_id", "id"::text));--> statement-breakpoint
CREATE UNIQUE INDEX "members_external_key" ON "members" USING btree ("kommunenummer",coalesce("external_id", "id"::text));--> statement-breakpoint
CREATE UNIQUE INDEX "focus_areas_external_key" ON "focus_areas" USING btree ("kommunenummer",coalesce("external_id", "id"::text));--> statement-breakpoint
CREATE UNIQUE INDEX "target_groups_external_key" ON "target_groups" USING btree ("kommunenummer",coalesce("external_id", "id"::text));--> statement-breakpoint
CREATE UNIQUE INDEX "goals_external_key" ON "goals" USING btree ("kommunenummer",coalesce("external_id", "id"::text));--> statement-breakpoint
CREATE UNIQUE INDEX "measures_external_key" ON "measures" USING btree ("kommunenummer",coalesce("external_id", "id"::text));--> statement-breakpoint
CREATE UNIQUE INDEX "action_items_external_key" ON "action_items" USING btree ("kommunenummer",coalesce("external_id", "id"::text));--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_external_key" ON "meetings" USING btree ("kommunenummer",coalesce("external_id", "id"::text));