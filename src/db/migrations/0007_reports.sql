-- Reports generated from the data (docs/reports.md): a draft per report (kind, year, scope) holds the editable
-- texts; every generated file is kept with its version, time, author, the data basis and the texts it was made from.
CREATE TABLE report_draft (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('annual_monitoring', 'final_monitoring', 'annual_evaluation', 'final_evaluation', 'stat_tables')),
  year integer NOT NULL,
  -- 'both' or a plan id
  scope text NOT NULL,
  -- [{ key, label, text, edited }]: the drafted texts, as the office edited them
  sections jsonb NOT NULL DEFAULT '[]'::jsonb,
  version integer NOT NULL DEFAULT 1,
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, year, scope)
);

CREATE TABLE report_file (
  id serial PRIMARY KEY,
  draft_id integer NOT NULL REFERENCES report_draft (id) ON DELETE CASCADE,
  version integer NOT NULL,
  format text NOT NULL CHECK (format IN ('docx', 'xlsx')),
  file_name text NOT NULL,
  bytes bytea NOT NULL,
  sha256 text NOT NULL,
  size integer NOT NULL,
  -- The texts the file was generated from (the draft's sections at that moment).
  sections jsonb NOT NULL DEFAULT '[]'::jsonb,
  basis text NOT NULL CHECK (basis IN ('approved', 'preliminary')),
  demo boolean NOT NULL DEFAULT false,
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (draft_id, version)
);
CREATE INDEX report_file_draft_idx ON report_file (draft_id);
