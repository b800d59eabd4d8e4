-- 机构更名 between cycles (issue 13: 区教育局 → 区教育体育局): a unit keeps its id, its users, its documents and the
-- data it reported; the names it had before are kept with the moment each stopped being used, so that a finished
-- cycle's analysis and reports name the unit as it was then. A spelling correction is made without a former name.
CREATE TABLE org_unit_former_name (
  id serial PRIMARY KEY,
  unit_id integer NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  name text NOT NULL,
  until timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_unit_former_name_unit ON org_unit_former_name (unit_id);

-- The analysis pages remembered in memory name lead units: a former name written by plain SQL is seen at once.
CREATE TRIGGER org_unit_former_name_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_former_name
  FOR EACH STATEMENT EXECUTE FUNCTION change_notice();
