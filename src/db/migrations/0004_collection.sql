-- Yearly data collection: reporting rounds, each unit's (or town's) submission, the values, and their history.

CREATE TABLE reporting_round (
  id serial PRIMARY KEY,
  folder_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('annual', 'final')),
  -- The data year the round collects (for the final evaluation: the cycle's last year).
  year integer NOT NULL,
  title text NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_by integer REFERENCES app_user (id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  UNIQUE (folder_id, kind, year)
);

CREATE TABLE submission (
  id serial PRIMARY KEY,
  round_id integer NOT NULL REFERENCES reporting_round (id) ON DELETE CASCADE,
  unit_id integer REFERENCES org_unit (id),
  area_id integer REFERENCES area (id),
  status text NOT NULL DEFAULT 'not_started'
    CHECK (status IN ('not_started', 'in_progress', 'awaiting_confirmation', 'submitted', 'returned', 'approved')),
  reason text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES app_user (id),
  CHECK ((unit_id IS NULL) <> (area_id IS NULL)),
  UNIQUE (round_id, unit_id),
  UNIQUE (round_id, area_id)
);

-- Every step of a submission: who moved it, from what, to what, why.
CREATE TABLE submission_event (
  id serial PRIMARY KEY,
  submission_id integer NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES app_user (id),
  action text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  reason text
);
CREATE INDEX submission_event_submission_idx ON submission_event (submission_id);

-- A fact: one indicator, year, area (NULL = the whole district) and sex. Never overwritten silently: every change
-- writes data_value_history in the same transaction; version guards against concurrent edits.
CREATE TABLE data_value (
  id serial PRIMARY KEY,
  indicator_id integer NOT NULL REFERENCES indicator (id),
  year integer NOT NULL,
  area_id integer REFERENCES area (id),
  sex text NOT NULL DEFAULT 'total' CHECK (sex IN ('total', 'female', 'male')),
  value double precision,
  numerator double precision,
  denominator double precision,
  -- For a relational target whose reference is not itself an indicator (女职工比例): the reference value.
  reference double precision,
  source text,
  caliber_note text,
  comment text,
  -- 强制上报说明: the explanation a soft rule asked for.
  explanation text,
  -- Why the statistics bureau returned this value, until the unit changes it.
  return_reason text,
  locked boolean NOT NULL DEFAULT false,
  unit_id integer REFERENCES org_unit (id),
  round_id integer REFERENCES reporting_round (id),
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES app_user (id)
);
CREATE UNIQUE INDEX data_value_key ON data_value (indicator_id, year, COALESCE(area_id, 0), sex);
CREATE INDEX data_value_round_idx ON data_value (round_id);

CREATE TABLE data_value_history (
  id bigserial PRIMARY KEY,
  value_id integer NOT NULL REFERENCES data_value (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES app_user (id),
  username text,
  action text NOT NULL,
  old jsonb,
  new jsonb,
  reason text
);
CREATE INDEX data_value_history_value_idx ON data_value_history (value_id);
