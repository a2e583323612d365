-- Agencies in the partnership, their teams, staff and roles.
CREATE TYPE agency_kind AS ENUM
    ('police', 'local_authority', 'housing_provider', 'third_sector');

CREATE TABLE agency (
	id		bigserial PRIMARY KEY,
	code		text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,32}$'),
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	kind		agency_kind NOT NULL,
	-- Core partners see records shared at the 'partnership' level.
	core_partner	boolean NOT NULL DEFAULT false,
	active		boolean NOT NULL DEFAULT true,
	created_at	timestamptz NOT NULL DEFAULT now()
);

-- A team is a queue of work owned by one agency (a beat team, an ASB unit).
CREATE TABLE team (
	id		bigserial PRIMARY KEY,
	agency_id	bigint NOT NULL REFERENCES agency(id),
	code		text NOT NULL CHECK (code ~ '^[a-z0-9-]{2,32}$'),
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	specialist	boolean NOT NULL DEFAULT false,
	active		boolean NOT NULL DEFAULT true,
	created_at	timestamptz NOT NULL DEFAULT now(),
	UNIQUE (agency_id, code)
);

CREATE TABLE app_user (
	id		bigserial PRIMARY KEY,
	agency_id	bigint NOT NULL REFERENCES agency(id),
	team_id		bigint REFERENCES team(id),
	email		text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	-- scrypt, with its parameters, in one self-describing string.
	password_hash	text,
	totp_secret	text,
	totp_last_step	bigint,
	disabled_at	timestamptz,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

CREATE TABLE role (
	id		bigserial PRIMARY KEY,
	code		text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9_]{2,32}$'),
	name		text NOT NULL,
	-- Which agency kinds may hold the role; empty means any.
	agency_kinds	agency_kind[] NOT NULL DEFAULT '{}',
	permissions	text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE user_role (
	user_id		bigint NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
	role_id		bigint NOT NULL REFERENCES role(id),
	agency_id	bigint NOT NULL REFERENCES agency(id),
	granted_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (user_id, role_id, agency_id)
);

GRANT SELECT, INSERT, UPDATE ON agency, team, app_user, role TO concord_app;
GRANT SELECT, INSERT, DELETE ON user_role TO concord_app;
GRANT USAGE ON SEQUENCE agency_id_seq, team_id_seq, app_user_id_seq, role_id_seq
    TO concord_app;
