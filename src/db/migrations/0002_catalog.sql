-- The plan catalog (src/core/catalog): plans, domains, goals, measures, indicators, imported from plan folders.
-- Surrogate integer ids; the plan's own codes are unique within a plan, so another cycle may reuse them.
CREATE TABLE plan (
  id text PRIMARY KEY,
  folder_id text NOT NULL,
  title text NOT NULL,
  short_title text NOT NULL,
  issuer text NOT NULL,
  issued_on date NOT NULL,
  cycle_start integer NOT NULL,
  cycle_end integer NOT NULL,
  base_year integer NOT NULL,
  sections jsonb NOT NULL,
  position integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE domain (
  id serial PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  code text NOT NULL,
  name text NOT NULL,
  position integer NOT NULL,
  UNIQUE (plan_id, code)
);

CREATE TABLE goal (
  id serial PRIMARY KEY,
  domain_id integer NOT NULL REFERENCES domain (id) ON DELETE CASCADE,
  number integer NOT NULL,
  text text NOT NULL,
  UNIQUE (domain_id, number)
);

CREATE TABLE measure (
  id serial PRIMARY KEY,
  domain_id integer NOT NULL REFERENCES domain (id) ON DELETE CASCADE,
  number integer NOT NULL,
  title text NOT NULL,
  text text NOT NULL,
  UNIQUE (domain_id, number)
);

-- An indicator dropped from its plan file is retired, never deleted: data reported against it stay.
CREATE TABLE indicator (
  id serial PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plan (id) ON DELETE RESTRICT,
  domain_id integer NOT NULL REFERENCES domain (id) ON DELETE RESTRICT,
  code text NOT NULL,
  name text NOT NULL,
  unit text NOT NULL,
  better text NOT NULL CHECK (better IN ('higher', 'lower')),
  rule jsonb NOT NULL,
  source_kind text NOT NULL CHECK (source_kind IN ('goal', 'measure')),
  source_number integer NOT NULL,
  quote text NOT NULL,
  disaggregations jsonb NOT NULL,
  precision integer NOT NULL,
  limits jsonb NOT NULL,
  floor double precision NOT NULL,
  counts jsonb,
  note text,
  position integer NOT NULL,
  retired_at timestamptz,
  UNIQUE (plan_id, code)
);
CREATE INDEX indicator_domain_idx ON indicator (domain_id);
