CREATE TYPE "public"."malform" AS ENUM('nb', 'nn');--> statement-breakpoint
CREATE TYPE "public"."police_district" AS ENUM('oslo', 'ost', 'innlandet', 'sor-ost', 'agder', 'sor-vest', 'vest', 'more-og-romsdal', 'trondelag', 'nordland', 'troms', 'finnmark');--> statement-breakpoint
CREATE TABLE "counties" (
	"number" char(2) PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"kommunenummer" char(4) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_search" text NOT NULL,
	"county_number" char(2) NOT NULL,
	"police_district" "police_district",
	"malform" "malform" DEFAULT 'nb' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_county_number_counties_number_fk" FOREIGN KEY ("county_number") REFERENCES "public"."counties"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "municipalities_county_number_index" ON "municipalities" USING btree ("county_number");