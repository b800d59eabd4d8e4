-- Unit documents (三、组织实施（三）（四）; 四、监测评估（二）): each member unit's 实施方案 once per cycle, its 年度工作报告
-- every year, and its 评估报告 in the final evaluation; their attachments and the history of every save.
-- Reminders: in-app notices to units and towns with open tasks, one per target, kind and day.

CREATE TABLE unit_document (
  id serial PRIMARY KEY,
  folder_id text NOT NULL,
  unit_id integer NOT NULL REFERENCES org_unit (id),
  kind text NOT NULL CHECK (kind IN ('implementation_plan', 'annual_work_report', 'evaluation_report')),
  -- NULL for the implementation plan (one per cycle); the report year otherwise.
  year integer,
  round_id integer REFERENCES reporting_round (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  -- annual_work_report: { implementation, problems, causes, countermeasures, nextYear }; others: { summary }.
  sections jsonb NOT NULL DEFAULT '{}'::jsonb,
  submitted_at timestamptz,
  submitted_by integer REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  CHECK ((kind = 'implementation_plan') = (year IS NULL))
);
CREATE UNIQUE INDEX unit_document_key ON unit_document (folder_id, unit_id, kind, COALESCE(year, 0));
CREATE INDEX unit_document_year_idx ON unit_document (year);

CREATE TABLE document_attachment (
  id serial PRIMARY KEY,
  document_id integer NOT NULL REFERENCES unit_document (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  -- Detected from the content (magic bytes), never taken from the name or the browser.
  mime_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  bytes bytea NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  uploaded_by integer REFERENCES app_user (id)
);
CREATE INDEX document_attachment_document_idx ON document_attachment (document_id);

CREATE TABLE unit_document_history (
  id bigserial PRIMARY KEY,
  document_id integer NOT NULL REFERENCES unit_document (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES app_user (id),
  username text,
  action text NOT NULL,
  old_sections jsonb,
  new_sections jsonb,
  old_status text,
  new_status text
);
CREATE INDEX unit_document_history_document_idx ON unit_document_history (document_id);

-- A notice goes to one user, or to everyone of one unit, or of one town.
CREATE TABLE notice (
  id serial PRIMARY KEY,
  user_id integer REFERENCES app_user (id) ON DELETE CASCADE,
  unit_id integer REFERENCES org_unit (id),
  area_id integer REFERENCES area (id),
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text,
  -- Makes reminders idempotent: e.g. round:3:unit:5:due_1:2026-03-30. NULL for one-off notices.
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When someone it is for first read it (so the office can see a unit has seen it); each user's own reading
  -- is in notice_read, since a unit or town notice goes to several users.
  read_at timestamptz,
  CHECK (num_nonnulls(user_id, unit_id, area_id) = 1)
);
CREATE INDEX notice_unit_idx ON notice (unit_id);
CREATE INDEX notice_area_idx ON notice (area_id);
CREATE INDEX notice_user_idx ON notice (user_id);

CREATE TABLE notice_read (
  notice_id integer NOT NULL REFERENCES notice (id) ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notice_id, user_id)
);
