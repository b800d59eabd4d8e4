-- Change notices (issue 16): servers keep a few small, hot reads in memory (sessions, settings, the analysis
-- version: src/db/changes.ts) instead of asking the database on every request. A write to a table those reads
-- come from sends a notice on the channel tianping_change; PostgreSQL delivers it to every listening server at
-- commit (never for a rolled-back transaction, once per transaction), so another instance's write, a
-- `tianping analysis rebuild` or plain SQL is seen at the next request. A cached read may come only from these
-- tables (test/foundation/change-notice.test.ts keeps the list).
CREATE FUNCTION change_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tianping_change', '');
  RETURN NULL;
END $$;

CREATE TRIGGER app_setting_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_setting
  FOR EACH STATEMENT EXECUTE FUNCTION change_notice();
CREATE TRIGGER user_session_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_session
  FOR EACH STATEMENT EXECUTE FUNCTION change_notice();
CREATE TRIGGER app_user_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_user
  FOR EACH STATEMENT EXECUTE FUNCTION change_notice();
CREATE TRIGGER org_unit_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION change_notice();
CREATE TRIGGER area_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area
  FOR EACH STATEMENT EXECUTE FUNCTION change_notice();
CREATE TRIGGER analysis_version_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON analysis_version
  FOR EACH STATEMENT EXECUTE FUNCTION change_notice();
CREATE TRIGGER analysis_dirty_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON analysis_dirty
  FOR EACH STATEMENT EXECUTE FUNCTION change_notice();

-- 对比数据 (migration 0014) are shown on the analysis pages, which are kept per analysis version.
CREATE TRIGGER reference_value_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reference_value
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump();
