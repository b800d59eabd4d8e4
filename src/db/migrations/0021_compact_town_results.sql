-- Stored results keep the towns as ranked ids and values (names are looked up when read): at national scale (3,000
-- towns) the names were two thirds of what a rebuild wrote and every indicator page read. Results of the earlier
-- shape are dropped and a full rebuild is queued; the next read of the analysis makes them again.
DELETE FROM assessment_result;
INSERT INTO analysis_dirty (indicator_id) VALUES (NULL);
