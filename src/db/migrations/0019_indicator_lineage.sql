-- Lineage between cycles (issue 13): an indicator of 2026–2030 may name its predecessor of 2021–2025 — the same
-- statistic — so its series continues: the previous cycle's values up to the new base year (the 2025 final value)
-- are the new indicator's, unless it has its own. The folder names the cycle it follows.
ALTER TABLE plan_folder ADD COLUMN predecessor text REFERENCES plan_folder (id);
CREATE INDEX plan_folder_predecessor_idx ON plan_folder (predecessor);
ALTER TABLE indicator ADD COLUMN predecessor_id integer REFERENCES indicator (id);
CREATE INDEX indicator_predecessor_idx ON indicator (predecessor_id);

-- A predecessor's values are its successors' base values: a change makes both stale (migration 0010's queue).
CREATE OR REPLACE FUNCTION analysis_mark_values() RETURNS trigger LANGUAGE plpgsql AS $$
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
  -- Successors in later cycles (only rows queued by this statement: their ids are the newest).
  INSERT INTO analysis_dirty (indicator_id)
  SELECT DISTINCT s.id FROM indicator s
  WHERE s.predecessor_id IN (SELECT indicator_id FROM analysis_dirty WHERE tx = txid_current() AND indicator_id IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM analysis_dirty q WHERE q.tx = txid_current() AND q.indicator_id = s.id);
  RETURN NULL;
END $$;
