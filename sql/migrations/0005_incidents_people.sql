-- Incidents and the people linked to them.
CREATE TYPE sharing_level AS ENUM ('partnership', 'agency', 'named');
CREATE TYPE incident_channel AS ENUM
    ('public', 'partner', 'police', 'call_handler', 'cad', 'open311');
CREATE TYPE incident_status AS ENUM
    ('new', 'open', 'allocated', 'in_progress', 'monitoring', 'closed');
CREATE TYPE risk_level AS ENUM ('standard', 'medium', 'high');

CREATE TABLE person (
	id			bigserial PRIMARY KEY,
	owning_agency_id	bigint NOT NULL REFERENCES agency(id),
	sharing			sharing_level NOT NULL DEFAULT 'partnership',
	shared_with		bigint[] NOT NULL DEFAULT '{}',
	given_name		text,
	family_name		text,
	email			text,
	phone			text,
	address			text,
	postcode		text,
	preferred_contact	text CHECK (preferred_contact IN ('email', 'phone', 'post', 'none')),
	contact_consent		boolean NOT NULL DEFAULT false,
	share_consent		boolean NOT NULL DEFAULT false,
	vulnerable		boolean NOT NULL DEFAULT false,
	created_at		timestamptz NOT NULL DEFAULT now(),
	updated_at		timestamptz NOT NULL DEFAULT now()
);

-- References look like ASB-2026-000123: the year, and a number that never repeats.
CREATE SEQUENCE incident_ref_seq;

CREATE TABLE incident (
	id			bigserial PRIMARY KEY,
	reference		text NOT NULL UNIQUE CHECK (reference ~ '^ASB-[0-9]{4}-[0-9]{6,}$'),
	channel			incident_channel NOT NULL,
	asb_type_id		bigint NOT NULL REFERENCES asb_type(id),
	description		text,
	occurred_at		timestamptz,
	occurred_to		timestamptz,
	-- "It keeps happening": {"how_often": ..., "times_of_day": [...]}.
	recurring		jsonb,
	reported_at		timestamptz NOT NULL DEFAULT now(),
	location		geometry(Point, 4326),
	address			text,
	postcode		text,
	uprn			text,
	beat_id			bigint REFERENCES beat(id),
	la_area_id		bigint REFERENCES la_area(id),
	team_id			bigint REFERENCES team(id),
	status			incident_status NOT NULL DEFAULT 'new',
	risk_level		risk_level,
	risk_score		integer,
	vulnerable		boolean NOT NULL DEFAULT false,
	repeat_victim		boolean NOT NULL DEFAULT false,
	repeat_location		boolean NOT NULL DEFAULT false,
	-- The police OEL / incident log number, when there is one.
	log_number		text,
	-- Answers to the type's questions, with the wording as asked.
	answers			jsonb NOT NULL DEFAULT '{}',
	reporter_id		bigint REFERENCES person(id),
	victim_id		bigint REFERENCES person(id),
	owning_agency_id	bigint NOT NULL REFERENCES agency(id),
	sharing			sharing_level NOT NULL DEFAULT 'partnership',
	shared_with		bigint[] NOT NULL DEFAULT '{}',
	created_by		bigint REFERENCES app_user(id),
	created_at		timestamptz NOT NULL DEFAULT now(),
	updated_at		timestamptz NOT NULL DEFAULT now(),
	version			integer NOT NULL DEFAULT 1
);
CREATE INDEX incident_location ON incident USING gist (location);
CREATE INDEX incident_reported ON incident (reported_at DESC);
CREATE INDEX incident_status_team ON incident (status, team_id);

GRANT SELECT, INSERT, UPDATE ON person, incident TO concord_app;
GRANT USAGE ON SEQUENCE person_id_seq, incident_id_seq, incident_ref_seq
    TO concord_app;
