-- 规划管理 (issue 13): a plan draft drafted from an uploaded plan document and curated by the office in the UI.
-- `draft` is the drafter's output as it came (PlanDraft JSON: folder, plans with goals and measures word for word,
-- the organisation skeleton and the candidate indicators) and never changes; what the office enters is kept beside
-- it: `settings` (folder id, name, region, cycle; plan details; organisation) and `decisions` (per candidate index:
-- accepted / rejected / pending, the edited fields, lead and partner units, a revision, who and when). Several
-- drafts may exist; a published draft records the folder it became, when and by whom, and is kept read-only.
CREATE TABLE plan_draft (
  id serial PRIMARY KEY,
  file_name text NOT NULL,
  draft jsonb NOT NULL,
  settings jsonb NOT NULL,
  settings_revision integer NOT NULL DEFAULT 0,
  decisions jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by integer REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_folder_id text,
  published_at timestamptz,
  published_by integer REFERENCES app_user (id),
  CHECK ((published_folder_id IS NULL) = (published_at IS NULL))
);
CREATE INDEX plan_draft_created_by_idx ON plan_draft (created_by);
CREATE INDEX plan_draft_updated_by_idx ON plan_draft (updated_by);
CREATE INDEX plan_draft_published_by_idx ON plan_draft (published_by);
