-- The catalog version: changes, in the same transaction, whenever anything the analysis reads of the catalog
-- changes — plans, domains, goals, indicators, lead units, units and their former names, towns, settings. The
-- analysis keeps the catalog it reads (loadMeta in src/features/analysis/compute.ts) in memory under it: the
-- recompute after each save asked eight queries for a catalog that had not changed (issue 16, saves at 50
-- connections). A random value rather than a counter, so two databases served by one process never share a version
-- for different contents (a copy shares it only while its contents are the same).
CREATE TABLE catalog_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version uuid NOT NULL
);

CREATE FUNCTION catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_version (id, version) VALUES (true, gen_random_uuid())
  ON CONFLICT (id) DO UPDATE SET version = excluded.version;
  RETURN NULL;
END $$;

CREATE TRIGGER plan_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER domain_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON domain
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER goal_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON goal
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER indicator_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER responsibility_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON responsibility
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER org_unit_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER org_unit_former_name_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_former_name
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER area_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER app_setting_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_setting
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();

INSERT INTO catalog_version (id, version) VALUES (true, gen_random_uuid());
