-- 督导检查 and 议事协调 (规划 三、组织实施): the office inspects units or towns and turns findings into 整改 items;
-- it holds meetings whose decisions are tasks for units. 整改 items and meeting decisions are one kind of record,
-- work_task, with the same closed loop as 督办 (issued → answered → closed, or asked again) and its steps kept.

CREATE TABLE inspection (
  id serial PRIMARY KEY,
  title text NOT NULL,
  year integer NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  inspectors text NOT NULL,
  focus text NOT NULL DEFAULT '',
  -- Linked goals, measures and indicators: [{ "kind": "goal" | "measure" | "indicator", "id": 1 }].
  links jsonb NOT NULL DEFAULT '[]',
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (end_date >= start_date)
);
CREATE INDEX inspection_year_idx ON inspection (year);

-- Who is inspected: a member unit or a town, one row each.
CREATE TABLE inspection_target (
  id serial PRIMARY KEY,
  inspection_id integer NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
  unit_id integer REFERENCES org_unit (id),
  area_id integer REFERENCES area (id),
  CHECK ((unit_id IS NULL) <> (area_id IS NULL))
);
CREATE INDEX inspection_target_inspection_idx ON inspection_target (inspection_id);
CREATE INDEX inspection_target_unit_idx ON inspection_target (unit_id);

CREATE TABLE inspection_finding (
  id serial PRIMARY KEY,
  inspection_id integer NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
  target_id integer NOT NULL REFERENCES inspection_target (id) ON DELETE CASCADE,
  text text NOT NULL,
  rating text CHECK (rating IN ('good', 'fair', 'average', 'poor')),
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_finding_inspection_idx ON inspection_finding (inspection_id);

-- Photos and documents of a finding, checked by content as unit documents' attachments are.
CREATE TABLE inspection_attachment (
  id serial PRIMARY KEY,
  finding_id integer NOT NULL REFERENCES inspection_finding (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  mime_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  bytes bytea NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  uploaded_by integer REFERENCES app_user (id)
);
CREATE INDEX inspection_attachment_finding_idx ON inspection_attachment (finding_id);

CREATE TABLE meeting (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('work_conference', 'plenary', 'liaison', 'other')),
  title text NOT NULL,
  held_on date NOT NULL,
  place text NOT NULL DEFAULT '',
  host text NOT NULL DEFAULT '',
  -- People present who are not counted by unit (区领导, invited experts …), as written.
  attendee_people text NOT NULL DEFAULT '',
  -- [{ "title": "…", "links": [{ "kind": "goal" | "indicator" | "warning" | "supervision", "id": 1 }] }]
  agenda jsonb NOT NULL DEFAULT '[]',
  minutes text NOT NULL DEFAULT '',
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX meeting_held_on_idx ON meeting (held_on);

CREATE TABLE meeting_unit (
  meeting_id integer NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  unit_id integer NOT NULL REFERENCES org_unit (id),
  PRIMARY KEY (meeting_id, unit_id)
);
CREATE INDEX meeting_unit_unit_idx ON meeting_unit (unit_id);

CREATE TABLE work_task (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('rectification', 'decision')),
  inspection_id integer REFERENCES inspection (id) ON DELETE CASCADE,
  finding_id integer REFERENCES inspection_finding (id) ON DELETE CASCADE,
  meeting_id integer REFERENCES meeting (id) ON DELETE CASCADE,
  unit_id integer NOT NULL REFERENCES org_unit (id),
  content text NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'answered', 'closed')),
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (
    (kind = 'rectification' AND finding_id IS NOT NULL AND inspection_id IS NOT NULL AND meeting_id IS NULL)
    OR (kind = 'decision' AND meeting_id IS NOT NULL AND finding_id IS NULL AND inspection_id IS NULL)
  )
);
CREATE INDEX work_task_unit_idx ON work_task (unit_id);
CREATE INDEX work_task_inspection_idx ON work_task (inspection_id);
CREATE INDEX work_task_meeting_idx ON work_task (meeting_id);

CREATE TABLE work_task_step (
  id serial PRIMARY KEY,
  task_id integer NOT NULL REFERENCES work_task (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES app_user (id),
  username text,
  kind text NOT NULL CHECK (kind IN ('issue', 'answer', 'close', 'ask_again')),
  -- issue / ask_again: content and deadline; answer: measures and result; close: comment.
  content jsonb NOT NULL
);
CREATE INDEX work_task_step_task_idx ON work_task_step (task_id);
