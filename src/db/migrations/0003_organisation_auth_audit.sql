-- Who does what: member units, towns and streets, accounts, sessions, responsibility, and the audit log.

CREATE TABLE org_unit (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL UNIQUE,
  -- office: 妇儿工委办公室; member: 成员单位 (区统计局 among them, leading the monitoring group)
  kind text NOT NULL CHECK (kind IN ('office', 'member')),
  contact_name text,
  contact_phone text,
  position integer NOT NULL,
  active boolean NOT NULL DEFAULT true,
  -- Shipped as a default; the office confirms the list in the UI.
  confirmed boolean NOT NULL DEFAULT false
);

CREATE TABLE area (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('street', 'town')),
  position integer NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE TABLE app_user (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('office', 'statistics', 'unit_reporter', 'unit_leader', 'town_reporter', 'district_leader', 'admin')),
  unit_id integer REFERENCES org_unit (id),
  area_id integer REFERENCES area (id),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  -- A user belongs to one unit or one town, never both.
  CHECK (NOT (unit_id IS NOT NULL AND area_id IS NOT NULL)),
  CHECK (role <> 'town_reporter' OR area_id IS NOT NULL),
  CHECK (role NOT IN ('unit_reporter', 'unit_leader', 'office', 'statistics') OR unit_id IS NOT NULL)
);

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
CREATE TABLE user_session (
  id text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip text,
  user_agent text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- 目标管理责任制: one lead unit and any partners per indicator or measure.
CREATE TABLE responsibility (
  id serial PRIMARY KEY,
  indicator_id integer REFERENCES indicator (id) ON DELETE CASCADE,
  measure_id integer REFERENCES measure (id) ON DELETE CASCADE,
  unit_id integer NOT NULL REFERENCES org_unit (id),
  role text NOT NULL CHECK (role IN ('lead', 'partner')),
  CHECK ((indicator_id IS NULL) <> (measure_id IS NULL)),
  UNIQUE (indicator_id, unit_id),
  UNIQUE (measure_id, unit_id)
);
CREATE UNIQUE INDEX responsibility_one_lead_indicator ON responsibility (indicator_id) WHERE role = 'lead' AND indicator_id IS NOT NULL;
CREATE UNIQUE INDEX responsibility_one_lead_measure ON responsibility (measure_id) WHERE role = 'lead' AND measure_id IS NOT NULL;
CREATE INDEX responsibility_unit_idx ON responsibility (unit_id);

-- Append-only audit log. Rows are never updated; a row younger than 180 days (the legal minimum retention)
-- can never be deleted, whatever the purge is asked to do.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer,
  username text,
  unit_name text,
  ip text,
  action text NOT NULL,
  object_type text,
  object_id text,
  result text NOT NULL CHECK (result IN ('success', 'failure', 'denied')),
  before jsonb,
  after jsonb,
  detail text
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_action_idx ON audit_log (action);

CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  IF OLD.at > now() - interval '180 days' THEN
    RAISE EXCEPTION 'audit_log rows younger than 180 days cannot be deleted';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
