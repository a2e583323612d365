-- ASB types and the custom questions asked for each: data, not code.
CREATE TYPE asb_category AS ENUM ('personal', 'nuisance', 'environmental');

CREATE TABLE asb_type (
	id		bigserial PRIMARY KEY,
	code		text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,48}$'),
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	category	asb_category NOT NULL,
	parent_id	bigint REFERENCES asb_type(id),
	hint		text,
	-- Evidence is kept this many days after the incident is closed.
	retention_days	integer NOT NULL DEFAULT 730 CHECK (retention_days > 0),
	sort_order	integer NOT NULL DEFAULT 0,
	active		boolean NOT NULL DEFAULT true
);

CREATE TYPE question_kind AS ENUM ('short_text', 'long_text', 'yes_no',
    'single_choice', 'multiple_choice', 'date', 'time', 'number');

CREATE TABLE question (
	id		bigserial PRIMARY KEY,
	asb_type_id	bigint NOT NULL REFERENCES asb_type(id),
	key		text NOT NULL CHECK (key ~ '^[a-z0-9_]{1,48}$'),
	label		text NOT NULL CHECK (length(label) BETWEEN 1 AND 500),
	hint		text,
	kind		question_kind NOT NULL,
	-- For choices: [{"value": "...", "label": "..."}].
	options		jsonb NOT NULL DEFAULT '[]',
	required	boolean NOT NULL DEFAULT false,
	triage_weight	integer NOT NULL DEFAULT 0,
	-- A notice shown for a given answer: {"answer": "yes", "text": "..."}.
	notice		jsonb,
	sort_order	integer NOT NULL DEFAULT 0,
	-- Bumped on every edit; answers store the wording they were given to.
	version		integer NOT NULL DEFAULT 1,
	active		boolean NOT NULL DEFAULT true,
	UNIQUE (asb_type_id, key)
);

GRANT SELECT, INSERT, UPDATE ON asb_type, question TO concord_app;
GRANT USAGE ON SEQUENCE asb_type_id_seq, question_id_seq TO concord_app;
