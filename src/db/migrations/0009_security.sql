-- Security findings of issue 15: an audit log that cannot be truncated, login failures counted per account and
-- client, sessions bound to the mode they were opened in, and a password history.

-- TRUNCATE fires no row trigger: refuse it with a statement trigger (the row trigger audit_log_guard stays).
CREATE FUNCTION audit_log_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: TRUNCATE is refused';
END;
$$;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();

-- Failed logins per (username as typed, client address): a lock stops only that client, so nobody can lock a
-- real user out from elsewhere; unknown usernames are counted the same way, so the answers reveal nothing.
CREATE TABLE login_failure (
  username text NOT NULL,
  client text NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  -- How many times this client was locked on this account (each lock lasts twice as long as the one before).
  locks integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (username, client)
);

-- Sessions remember whether they were opened in demo mode; a session of the other mode is never accepted.
ALTER TABLE user_session ADD COLUMN mode text NOT NULL DEFAULT 'production' CHECK (mode IN ('demo', 'production'));
DELETE FROM user_session;

-- The last password hashes of each user, so a recent password cannot be taken again.
CREATE TABLE password_history (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  password_hash text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_history_user_idx ON password_history (user_id, id);
