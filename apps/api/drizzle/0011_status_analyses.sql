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
ALTER TABLE "status_analyses" ADD CONSTRAINT "status_analyses_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_analyses" ADD CONSTRAINT "status_analyses_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_analyses_kommunenummer_period_start_index" ON "status_analyses" USING btree ("kommunenummer","period_start");--> statement-breakpoint
CREATE INDEX "status_analyses_agenda_item_id_index" ON "status_analyses" USING btree ("agenda_item_id");