-- 督办: from an early warning, the office issues a supervision notice to the indicator's lead unit; the unit
-- answers with causes, measures and expected effect (整改情况); the office closes it or asks again.
CREATE TABLE supervision_notice (
  id serial PRIMARY KEY,
  indicator_id integer NOT NULL REFERENCES indicator (id),
  unit_id integer NOT NULL REFERENCES org_unit (id),
  -- The warning as it stood when the notice was issued (kinds, reasons, status, year).
  warning jsonb NOT NULL,
  requirement text NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'answered', 'closed')),
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX supervision_notice_indicator_idx ON supervision_notice (indicator_id);
CREATE INDEX supervision_notice_unit_idx ON supervision_notice (unit_id);

CREATE TABLE supervision_step (
  id serial PRIMARY KEY,
  notice_id integer NOT NULL REFERENCES supervision_notice (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES app_user (id),
  username text,
  kind text NOT NULL CHECK (kind IN ('issue', 'answer', 'close', 'ask_again')),
  -- issue / ask_again: requirement and deadline; answer: causes, measures, expected effect; close: comment.
  content jsonb NOT NULL
);
CREATE INDEX supervision_step_notice_idx ON supervision_step (notice_id);
