-- Indexes for the foreign keys of the inspection tables used in joins and deletes (test/foundation/indexes.test.ts
-- lists any foreign key without one).
CREATE INDEX inspection_finding_target_idx ON inspection_finding (target_id);
CREATE INDEX inspection_target_area_idx ON inspection_target (area_id);
CREATE INDEX work_task_finding_idx ON work_task (finding_id);
