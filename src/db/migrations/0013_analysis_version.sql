-- The analysis version (issue 16): one number that changes, in the same transaction, whenever anything an
-- analysis reads changes — the stored results, the catalog, the lead units, the towns, the settings. Servers keep
-- analyses in memory under this number (src/features/analysis/shared.ts); another instance's write is seen at
-- the next request because the new number becomes visible with the data it stands for, at commit.
-- The value comes from a sequence, so it never repeats: not after the row is deleted (a restore empties it as a
-- derived table), and not after a rolled-back transaction.
CREATE SEQUENCE analysis_version_seq;
CREATE TABLE analysis_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);

CREATE FUNCTION analysis_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_version (id, version) VALUES (true, nextval('analysis_version_seq'))
  ON CONFLICT (id) DO UPDATE SET version = excluded.version;
  RETURN NULL;
END $$;

CREATE TRIGGER assessment_result_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessment_result
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump();
CREATE TRIGGER plan_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump();
CREATE TRIGGER domain_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON domain
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump();
CREATE TRIGGER goal_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON goal
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump();
CREATE TRIGGER indicator_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump();
CREATE TRIGGER responsibility_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON responsibility
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump();
CREATE TRIGGER org_unit_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump();
CREATE TRIGGER area_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump();
CREATE TRIGGER app_setting_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_setting
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump();
