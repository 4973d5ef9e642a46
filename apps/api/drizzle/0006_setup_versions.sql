CREATE TABLE "setup_versions" (
	"kommunenummer" char(4) PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "members_coordinators" ON "members" USING btree ("kommunenummer") WHERE "members"."is_coordinator" and "members"."erased_at" is null;
--> statement-breakpoint
CREATE FUNCTION "bump_setup_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One upsert per audited statement, in the writer's transaction; in kommunenummer order, so two
  -- writers touching the same municipalities lock their rows in the same order.
  INSERT INTO setup_versions AS sv (kommunenummer, version)
  SELECT DISTINCT n.kommunenummer, 1 FROM audited_rows n WHERE n.kommunenummer IS NOT NULL ORDER BY 1
  ON CONFLICT (kommunenummer) DO UPDATE SET version = sv.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_bumps_setup_version" AFTER INSERT ON "audit_log"
  REFERENCING NEW TABLE AS audited_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_setup_versions"();
