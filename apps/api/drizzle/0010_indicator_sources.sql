CREATE TYPE "public"."region_level" AS ENUM('municipality', 'county', 'country', 'peer');--> statement-breakpoint
CREATE TYPE "public"."source_import_status" AS ENUM('never', 'ok', 'failed');--> statement-breakpoint
CREATE TYPE "public"."source_value_status" AS ENUM('ok', 'suppressed', 'missing');--> statement-breakpoint
CREATE TYPE "public"."statistics_provider" AS ENUM('ssb', 'fhi');--> statement-breakpoint
CREATE TYPE "public"."value_origin" AS ENUM('ssb', 'fhi', 'file');--> statement-breakpoint
CREATE TABLE "indicator_source_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"region" text NOT NULL,
	"region_level" "region_level" NOT NULL,
	"region_label" text,
	"series" text NOT NULL,
	"series_label" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" double precision,
	"status" "source_value_status" NOT NULL,
	"symbol" text,
	"origin" "value_origin" NOT NULL,
	"provider" "statistics_provider" NOT NULL,
	"table_id" text NOT NULL,
	"source_url" text NOT NULL,
	"licence" text NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "indicator_source_values_value_iff_ok" CHECK (("indicator_source_values"."status" = 'ok') = ("indicator_source_values"."value" is not null))
);
--> statement-breakpoint
CREATE TABLE "indicator_sources" (
	"indicator_id" uuid PRIMARY KEY NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"provider" "statistics_provider" NOT NULL,
	"table_id" text NOT NULL,
	"fhi_source" text,
	"selection" jsonb NOT NULL,
	"region_dimension" text NOT NULL,
	"time_dimension" text NOT NULL,
	"periods" integer NOT NULL,
	"compare_county" boolean NOT NULL,
	"compare_country" boolean NOT NULL,
	"peers" jsonb NOT NULL,
	"last_status" "source_import_status" DEFAULT 'never' NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_source_values" ADD CONSTRAINT "indicator_source_values_indicator_id_indicator_sources_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator_sources"("indicator_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_sources" ADD CONSTRAINT "indicator_sources_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_sources" ADD CONSTRAINT "indicator_sources_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_source_values_indicator_id_series_region_period_index" ON "indicator_source_values" USING btree ("indicator_id","series","region","period");--> statement-breakpoint
CREATE INDEX "indicator_sources_kommunenummer_index" ON "indicator_sources" USING btree ("kommunenummer");--> statement-breakpoint
CREATE INDEX "indicator_sources_next_run_at_index" ON "indicator_sources" USING btree ("next_run_at");