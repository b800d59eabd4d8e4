-- Derived assessment results (issue 16): the engine's judgement of the stored values, kept current instead of
-- recomputed on every request. Never edited by hand and never a source of truth: every row can be rebuilt from
-- data_value and the catalog (`tianping analysis rebuild`). Requests read these rows, not the raw values.

-- One row per indicator, basis and "as of" year: the series the pages show and the engine's result.
CREATE TABLE assessment_result (
  indicator_id integer NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  basis text NOT NULL CHECK (basis IN ('approved', 'preliminary')),
  as_of integer NOT NULL,
  -- The same in every as_of row of an indicator and basis: the latest year with a value (any area or sex), the
  -- number of values on this basis, and whether any value of the indicator is demo data.
  last_year integer,
  value_count integer NOT NULL,
  has_demo boolean NOT NULL,
  -- years' district totals, female, male, sex gap and the engine's result (small); towns and their disparity
  -- (as large as the number of towns) apart, read only when a page needs them.
  summary jsonb NOT NULL,
  towns jsonb,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (basis, as_of, indicator_id)
);
CREATE INDEX assessment_result_indicator_idx ON assessment_result (indicator_id);

-- The queue of indicators whose results are stale: filled by the triggers below in the transaction that changes
-- the data (whatever wrote it: the app, an import, plain SQL), emptied by the refresh. indicator_id NULL = all.
CREATE TABLE analysis_dirty (
  id bigserial PRIMARY KEY,
  indicator_id integer,
  tx bigint NOT NULL DEFAULT txid_current()
);
CREATE INDEX analysis_dirty_tx_idx ON analysis_dirty (tx);

CREATE FUNCTION analysis_mark_values() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analysis_dirty (indicator_id) SELECT DISTINCT indicator_id FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analysis_dirty (indicator_id) SELECT DISTINCT indicator_id FROM old_rows;
  ELSE
    -- Only changes the analysis sees: a comment or a return reason does not make results stale.
    INSERT INTO analysis_dirty (indicator_id)
    SELECT DISTINCT x.indicator_id FROM (
      SELECT n.indicator_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.indicator_id, n.year, n.area_id, n.sex, n.value, n.numerator, n.denominator, n.reference, n.locked, n.is_demo)
        IS DISTINCT FROM (o.indicator_id, o.year, o.area_id, o.sex, o.value, o.numerator, o.denominator, o.reference, o.locked, o.is_demo)
      UNION ALL
      SELECT o.indicator_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.indicator_id <> o.indicator_id
    ) x;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER data_value_analysis_insert AFTER INSERT ON data_value
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_mark_values();
CREATE TRIGGER data_value_analysis_update AFTER UPDATE ON data_value
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_mark_values();
CREATE TRIGGER data_value_analysis_delete AFTER DELETE ON data_value
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_mark_values();

-- Catalog changes: an indicator's rule, target or retirement; a plan's years; a town's name (in the town lists).
CREATE FUNCTION analysis_mark_indicator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_dirty (indicator_id) VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
  RETURN NULL;
END $$;
CREATE TRIGGER indicator_analysis AFTER INSERT OR UPDATE OR DELETE ON indicator
  FOR EACH ROW EXECUTE FUNCTION analysis_mark_indicator();

CREATE FUNCTION analysis_mark_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_dirty (indicator_id) VALUES (NULL);
  RETURN NULL;
END $$;
CREATE TRIGGER plan_analysis AFTER UPDATE OF base_year, cycle_end, folder_id, short_title ON plan
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_mark_all();
CREATE TRIGGER area_analysis AFTER INSERT OR DELETE OR UPDATE OF name ON area
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_mark_all();

-- A database migrated with values already in it: build everything on the first refresh.
INSERT INTO analysis_dirty (indicator_id) VALUES (NULL);

-- Indexes for the foreign keys used in joins and deletes (test/foundation/indexes.test.ts lists any missing).
-- References to app_user (who did it) are left out: users are deactivated, never deleted, and nothing joins
-- on them at scale.
CREATE INDEX data_value_area_idx ON data_value (area_id) WHERE area_id IS NOT NULL;
CREATE INDEX data_value_unit_idx ON data_value (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX app_user_area_idx ON app_user (area_id);
CREATE INDEX app_user_unit_idx ON app_user (unit_id);
CREATE INDEX submission_area_idx ON submission (area_id);
CREATE INDEX submission_unit_idx ON submission (unit_id);
CREATE INDEX unit_document_round_idx ON unit_document (round_id);
CREATE INDEX unit_document_unit_idx ON unit_document (unit_id);
