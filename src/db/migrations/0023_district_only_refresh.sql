-- An approval of a unit's values at national scale (3,000 towns) recomputed each of its indicators whole — the
-- towns' values too, though only the district's changed: 35 indicators, 1.3–2 s (issue 16 asks ≤ 200 ms). The
-- queue now says whether an indicator's towns changed, and each result row keeps the towns' share of its counts,
-- so a change of district values alone recomputes the district's series and keeps the stored town lists.
ALTER TABLE analysis_dirty ADD COLUMN towns boolean NOT NULL DEFAULT true;
ALTER TABLE assessment_result
  ADD COLUMN town_count integer NOT NULL DEFAULT 0,
  ADD COLUMN town_last_year integer,
  ADD COLUMN town_demo boolean NOT NULL DEFAULT false;

CREATE OR REPLACE FUNCTION analysis_mark_values() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analysis_dirty (indicator_id, towns)
    SELECT indicator_id, bool_or(area_id IS NOT NULL) FROM new_rows GROUP BY indicator_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analysis_dirty (indicator_id, towns)
    SELECT indicator_id, bool_or(area_id IS NOT NULL) FROM old_rows GROUP BY indicator_id;
  ELSE
    -- Only changes the analysis sees: a comment or a return reason does not make results stale.
    INSERT INTO analysis_dirty (indicator_id, towns)
    SELECT x.indicator_id, bool_or(x.towns) FROM (
      SELECT n.indicator_id, (n.area_id IS NOT NULL OR o.area_id IS NOT NULL) AS towns
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.indicator_id, n.year, n.area_id, n.sex, n.value, n.numerator, n.denominator, n.reference, n.locked, n.is_demo)
        IS DISTINCT FROM (o.indicator_id, o.year, o.area_id, o.sex, o.value, o.numerator, o.denominator, o.reference, o.locked, o.is_demo)
      UNION ALL
      SELECT o.indicator_id, o.area_id IS NOT NULL FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.indicator_id <> o.indicator_id
    ) x GROUP BY x.indicator_id;
  END IF;
  -- A predecessor's values are its successors' base values (migration 0019): they go stale with it, towns alike.
  INSERT INTO analysis_dirty (indicator_id, towns)
  SELECT x.id, x.towns FROM (
    SELECT s.id, bool_or(q.towns) AS towns FROM indicator s
    JOIN analysis_dirty q ON q.tx = txid_current() AND q.indicator_id = s.predecessor_id
    GROUP BY s.id
  ) x
  WHERE NOT EXISTS (
    SELECT 1 FROM analysis_dirty d WHERE d.tx = txid_current() AND d.indicator_id = x.id AND d.towns >= x.towns);
  RETURN NULL;
END $$;

-- Results without the towns' share: rebuilt at the next read.
DELETE FROM assessment_result;
INSERT INTO analysis_dirty (indicator_id) VALUES (NULL);
