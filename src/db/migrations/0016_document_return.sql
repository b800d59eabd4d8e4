-- The office sends a submitted document back with its reasons (issue 14): the document is a draft again, the
-- reasons stay on it until the unit submits again, and the history keeps them for good.
ALTER TABLE unit_document ADD COLUMN return_comment text;
ALTER TABLE unit_document_history ADD COLUMN comment text;
