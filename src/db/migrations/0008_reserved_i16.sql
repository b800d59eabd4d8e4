-- Placeholder kept only so that this branch (issue 16, migration 0010) applies in order: migrations must be
-- numbered without gaps. Numbers 0008 and 0009 belong to other branches; delete this file when they merge.
SELECT 1;
