CREATE TYPE "public"."measurement_origin" AS ENUM('manual', 'file');--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "origin" "measurement_origin" DEFAULT 'manual' NOT NULL;--> statement-breakpoint
-- Backfill: a value a coordinator typed in has its own audit row (entity 'measurement'); one a
-- setup document brought in has none, but its goal's import has. Values with neither (seeded
-- data) stay 'manual'.
UPDATE "measurements" m SET "origin" = 'file'
WHERE NOT EXISTS (SELECT 1 FROM "audit_log" a WHERE a."entity" = 'measurement' AND a."entity_id" = m."id"::text)
  AND EXISTS (
    SELECT 1 FROM "indicators" i JOIN "audit_log" a ON a."entity" = 'goal' AND a."entity_id" = i."goal_id"::text
    WHERE i."id" = m."indicator_id"
  );
