CREATE TABLE "annual_report_texts" (
	"kommunenummer" char(4) NOT NULL,
	"year" integer NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_report_texts_kommunenummer_year_pk" PRIMARY KEY("kommunenummer","year")
);
--> statement-breakpoint
CREATE TABLE "grant_application_goals" (
	"grant_application_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "grant_application_goals_grant_application_id_goal_id_pk" PRIMARY KEY("grant_application_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "grant_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"applied_amount" integer NOT NULL,
	"granted_amount" integer,
	"own_funding" integer NOT NULL,
	"budget_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_applications_period_ordered" CHECK ("grant_applications"."period_end" >= "grant_applications"."period_start")
);
--> statement-breakpoint
CREATE TABLE "status_analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"summary" text,
	"observations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"priorities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_analyses_period_ordered" CHECK ("status_analyses"."period_end" >= "status_analyses"."period_start")
);
--> statement-breakpoint
ALTER TABLE "annual_report_texts" ADD CONSTRAINT "annual_report_texts_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_application_goals" ADD CONSTRAINT "grant_application_goals_grant_application_id_grant_applications_id_fk" FOREIGN KEY ("grant_application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_application_goals" ADD CONSTRAINT "grant_application_goals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_analyses" ADD CONSTRAINT "status_analyses_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_analyses" ADD CONSTRAINT "status_analyses_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_application_goals_goal_id_index" ON "grant_application_goals" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "grant_applications_kommunenummer_period_start_index" ON "grant_applications" USING btree ("kommunenummer","period_start");--> statement-breakpoint
CREATE INDEX "status_analyses_kommunenummer_period_start_index" ON "status_analyses" USING btree ("kommunenummer","period_start");--> statement-breakpoint
CREATE INDEX "status_analyses_agenda_item_id_index" ON "status_analyses" USING btree ("agenda_item_id");