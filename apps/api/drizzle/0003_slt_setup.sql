CREATE TYPE "public"."tier_level" AS ENUM('strategic', 'coordinating', 'operational');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('chair', 'secretary', 'member', 'observer');--> statement-breakpoint
CREATE TYPE "public"."goal_direction" AS ENUM('increase', 'decrease', 'maintain');--> statement-breakpoint
CREATE TYPE "public"."indicator_unit" AS ENUM('count', 'percent', 'rate_per_1000', 'other');--> statement-breakpoint
CREATE TYPE "public"."evaluation_outcome" AS ENUM('achieved', 'partly_achieved', 'not_achieved', 'inconclusive');--> statement-breakpoint
CREATE TYPE "public"."evidence_level" AS ENUM('not_assessed', 'described', 'theoretically_grounded', 'probable_effect', 'documented_effect');--> statement-breakpoint
CREATE TYPE "public"."measure_status" AS ENUM('idea', 'planned', 'active', 'completed', 'discontinued');--> statement-breakpoint
CREATE TABLE "tiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"level" "tier_level" NOT NULL,
	"name" text NOT NULL,
	"mandate" text,
	"responsibilities" text,
	"chair_member_id" uuid,
	"secretary_member_id" uuid,
	"individual_cases" boolean DEFAULT false NOT NULL,
	"display_order" integer DEFAULT 0 NOT NULL,
	"meeting_rule" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"name" text,
	"role_title" text,
	"organization_id" uuid,
	"email" text,
	"email_public" boolean DEFAULT false NOT NULL,
	"phone" text,
	"phone_public" boolean DEFAULT false NOT NULL,
	"is_coordinator" boolean DEFAULT false NOT NULL,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_named_unless_erased" CHECK ("members"."erased_at" is not null or "members"."name" is not null)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tier_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_period_ordered" CHECK ("memberships"."end_date" is null or "memberships"."end_date" >= "memberships"."start_date")
);
--> statement-breakpoint
CREATE TABLE "focus_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"decision_reference" text,
	"decision_date" date,
	"display_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"age_from" integer,
	"age_to" integer,
	"risk_criteria" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_groups_age_ordered" CHECK ("target_groups"."age_from" is null or "target_groups"."age_to" is null or "target_groups"."age_from" <= "target_groups"."age_to")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"focus_area_id" uuid,
	"display_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" "indicator_unit" NOT NULL,
	"direction" "goal_direction" NOT NULL,
	"target_value" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" double precision NOT NULL,
	"group_size" integer,
	"source" text,
	"caveat" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measurements_period_ordered" CHECK ("measurements"."period_end" >= "measurements"."period_start")
);
--> statement-breakpoint
CREATE TABLE "measure_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"date" date NOT NULL,
	"outcome" "evaluation_outcome" NOT NULL,
	"text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_focus_areas" (
	"measure_id" uuid NOT NULL,
	"focus_area_id" uuid NOT NULL,
	CONSTRAINT "measure_focus_areas_measure_id_focus_area_id_pk" PRIMARY KEY("measure_id","focus_area_id")
);
--> statement-breakpoint
CREATE TABLE "measure_goals" (
	"measure_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "measure_goals_measure_id_goal_id_pk" PRIMARY KEY("measure_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "measure_target_groups" (
	"measure_id" uuid NOT NULL,
	"target_group_id" uuid NOT NULL,
	CONSTRAINT "measure_target_groups_measure_id_target_group_id_pk" PRIMARY KEY("measure_id","target_group_id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommunenummer" char(4) NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" "measure_status" DEFAULT 'idea' NOT NULL,
	"start_date" date,
	"end_date" date,
	"responsible_organization_id" uuid,
	"responsible_member_id" uuid,
	"decided_by_tier_id" uuid,
	"evidence_level" "evidence_level" DEFAULT 'not_assessed' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_period_ordered" CHECK ("measures"."start_date" is null or "measures"."end_date" is null or "measures"."end_date" >= "measures"."start_date")
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"partner_kommunenummer" char(4) PRIMARY KEY NOT NULL,
	"host_kommunenummer" char(4) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnerships_not_self" CHECK ("partnerships"."partner_kommunenummer" <> "partnerships"."host_kommunenummer")
);
--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_chair_member_id_members_id_fk" FOREIGN KEY ("chair_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_secretary_member_id_members_id_fk" FOREIGN KEY ("secretary_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_areas" ADD CONSTRAINT "focus_areas_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_groups" ADD CONSTRAINT "target_groups_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_evaluations" ADD CONSTRAINT "measure_evaluations_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_focus_areas" ADD CONSTRAINT "measure_focus_areas_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_focus_areas" ADD CONSTRAINT "measure_focus_areas_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_goals" ADD CONSTRAINT "measure_goals_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_goals" ADD CONSTRAINT "measure_goals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_target_groups" ADD CONSTRAINT "measure_target_groups_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_target_groups" ADD CONSTRAINT "measure_target_groups_target_group_id_target_groups_id_fk" FOREIGN KEY ("target_group_id") REFERENCES "public"."target_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_responsible_organization_id_organizations_id_fk" FOREIGN KEY ("responsible_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_responsible_member_id_members_id_fk" FOREIGN KEY ("responsible_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_decided_by_tier_id_tiers_id_fk" FOREIGN KEY ("decided_by_tier_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_partner_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("partner_kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_host_kommunenummer_municipalities_kommunenummer_fk" FOREIGN KEY ("host_kommunenummer") REFERENCES "public"."municipalities"("kommunenummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tiers_kommunenummer_index" ON "tiers" USING btree ("kommunenummer");--> statement-breakpoint
CREATE INDEX "members_kommunenummer_index" ON "members" USING btree ("kommunenummer");--> statement-breakpoint
CREATE INDEX "members_organization_id_index" ON "members" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "memberships_tier_id_index" ON "memberships" USING btree ("tier_id");--> statement-breakpoint
CREATE INDEX "memberships_member_id_index" ON "memberships" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "focus_areas_kommunenummer_index" ON "focus_areas" USING btree ("kommunenummer");--> statement-breakpoint
CREATE INDEX "target_groups_kommunenummer_index" ON "target_groups" USING btree ("kommunenummer");--> statement-breakpoint
CREATE INDEX "goals_kommunenummer_index" ON "goals" USING btree ("kommunenummer");--> statement-breakpoint
CREATE INDEX "indicators_goal_id_index" ON "indicators" USING btree ("goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_indicator_id_period_start_period_end_index" ON "measurements" USING btree ("indicator_id","period_start","period_end");--> statement-breakpoint
CREATE INDEX "measure_evaluations_measure_id_index" ON "measure_evaluations" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "measure_focus_areas_focus_area_id_index" ON "measure_focus_areas" USING btree ("focus_area_id");--> statement-breakpoint
CREATE INDEX "measure_goals_goal_id_index" ON "measure_goals" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "measure_target_groups_target_group_id_index" ON "measure_target_groups" USING btree ("target_group_id");--> statement-breakpoint
CREATE INDEX "measures_kommunenummer_title_id_index" ON "measures" USING btree ("kommunenummer","title","id");--> statement-breakpoint
CREATE INDEX "partnerships_host_kommunenummer_index" ON "partnerships" USING btree ("host_kommunenummer");