CREATE TYPE "public"."organization_kind" AS ENUM('municipal_unit', 'police', 'county', 'state_agency', 'school', 'health', 'child_welfare', 'volunteer', 'business', 'faith_community', 'other');--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"name" text NOT NULL,
	"kind" "organization_kind" NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_kommunenummer_name_index" ON "organizations" USING btree ("kommunenummer","name");