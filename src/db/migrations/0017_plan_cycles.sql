-- Plan cycles (issue 13): every plan folder published into the system is a cycle (规划周期) of its own, kept whole
-- beside the others — 2021–2025 stays complete and readable when 2026–2030 is published. Rounds, documents and
-- 对比数据 already carry their folder; this table names the folders, so pages can list the cycles and a request
-- can ask for one of them (src/platform/cycles.ts). The folder's texts stay in the plan files; this is its head.
CREATE TABLE plan_folder (
  id text PRIMARY KEY,
  name text NOT NULL,
  region text NOT NULL,
  cycle_start integer NOT NULL,
  cycle_end integer NOT NULL,
  base_year integer NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Folders imported before this migration: their heads are completed by the next import (every start).
INSERT INTO plan_folder (id, name, region, cycle_start, cycle_end, base_year)
  SELECT folder_id, folder_id, '', min(cycle_start), max(cycle_end), min(base_year) FROM plan GROUP BY folder_id;

ALTER TABLE plan ADD CONSTRAINT plan_folder_id_fkey FOREIGN KEY (folder_id) REFERENCES plan_folder (id);
CREATE INDEX plan_folder_id_idx ON plan (folder_id);

-- The list of cycles is read on every request (the cycle a page asks for is checked against it): remembered under
-- the change clock of migration 0015.
CREATE TRIGGER plan_folder_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_folder
  FOR EACH STATEMENT EXECUTE FUNCTION change_notice();

-- A report's editable texts belong to its cycle: the 2026 annual report of one cycle never reuses another's.
ALTER TABLE report_draft ADD COLUMN folder_id text REFERENCES plan_folder (id);
UPDATE report_draft SET folder_id = COALESCE(
  (SELECT value #>> '{}' FROM app_setting WHERE key = 'activeFolder'),
  (SELECT min(id) FROM plan_folder));
ALTER TABLE report_draft ALTER COLUMN folder_id SET NOT NULL;
ALTER TABLE report_draft DROP CONSTRAINT report_draft_kind_year_scope_key;
ALTER TABLE report_draft ADD CONSTRAINT report_draft_folder_kind_year_scope_key UNIQUE (folder_id, kind, year, scope);
