CREATE TABLE "annual_report_texts" (
	"kommunenummer" char(4) NOT NULL,
	"year" integer NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_report_texts_kommunenummer_year_pk" PRIMARY KEY("kommunenummer","year")
);
--> statement-breakpoint
ALTER TABLE "annual_report_texts" ADD CONSTRAINT "annual_report_texts_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;