-- Reports: each arrival of a report of ASB (public form, partner, Open311),
-- with its own reference and tracking token, linked to the incident it
-- describes. Reports of the same thing join one incident.
CREATE TABLE report (
	id			bigserial PRIMARY KEY,
	reference		text NOT NULL UNIQUE CHECK (reference ~ '^ASB-[0-9]{4}-[0-9]{6,}$'),
	incident_id		bigint NOT NULL REFERENCES incident(id),
	channel			incident_channel NOT NULL,
	-- SHA-256 (hex) of the tracking token; the token is only in the link.
	tracking_hash		text NOT NULL CHECK (tracking_hash ~ '^[0-9a-f]{64}$'),
	reporter_id		bigint REFERENCES person(id),
	description		text CHECK (length(description) <= 10000),
	answers			jsonb NOT NULL DEFAULT '{}',
	-- How it affects them and the vulnerability prompts.
	impact			jsonb NOT NULL DEFAULT '{}',
	-- Partner route: their reference, tenancy reference, tenants involved.
	partner			jsonb,
	email_updates		boolean NOT NULL DEFAULT false,
	-- One report per form submission, however often it is sent.
	idempotency_key		text UNIQUE CHECK (length(idempotency_key) <= 100),
	client_ref		text CHECK (length(client_ref) <= 200),
	owning_agency_id	bigint NOT NULL REFERENCES agency(id),
	sharing			sharing_level NOT NULL DEFAULT 'partnership',
	shared_with		bigint[] NOT NULL DEFAULT '{}',
	created_by		bigint REFERENCES app_user(id),
	created_at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_incident ON report (incident_id);
CREATE INDEX incident_open_type ON incident (asb_type_id, reported_at)
    WHERE status <> 'closed';

-- Updates staff chose to share with the people who reported an incident.
CREATE TABLE incident_update (
	id		bigserial PRIMARY KEY,
	incident_id	bigint NOT NULL REFERENCES incident(id),
	at		timestamptz NOT NULL DEFAULT now(),
	text		text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
	public		boolean NOT NULL DEFAULT false,
	created_by	bigint REFERENCES app_user(id)
);
CREATE INDEX incident_update_incident ON incident_update (incident_id, at DESC);

ALTER TABLE report ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_read ON report FOR SELECT TO concord_app
    USING (concord_visible(owning_agency_id, sharing, shared_with));
CREATE POLICY report_create ON report FOR INSERT TO concord_app
    WITH CHECK (owning_agency_id = concord_agency());

ALTER TABLE incident_update ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_update_read ON incident_update FOR SELECT TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));
CREATE POLICY incident_update_create ON incident_update FOR INSERT TO concord_app
    WITH CHECK (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));

GRANT SELECT, INSERT ON report, incident_update TO concord_app;
GRANT USAGE ON SEQUENCE report_id_seq, incident_update_id_seq TO concord_app;

-- The next reference: the year and a number that never repeats.
CREATE FUNCTION next_reference() RETURNS text
LANGUAGE sql VOLATILE AS $$
	SELECT 'ASB-' || to_char(now() AT TIME ZONE 'Europe/London', 'YYYY') || '-' ||
	    lpad(nextval('incident_ref_seq')::text, 6, '0')
$$;

-- An open incident of this type reported within `seconds` and `metres` of
-- the point, nearest first: a new report of the same thing joins it. Row
-- security would hide another agency's incident from the agency taking the
-- report, so this looks at all of them and returns only what linking
-- needs (the report then takes the incident's owner and sharing).
CREATE FUNCTION report_duplicate_of(type_id bigint, lon float8, lat float8,
    metres float8, seconds integer)
RETURNS TABLE (incident_id bigint, reference text, owner bigint,
    sharing sharing_level, shared_with bigint[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT i.id, i.reference, i.owning_agency_id, i.sharing, i.shared_with
	FROM incident i
	WHERE i.asb_type_id = type_id AND i.status <> 'closed'
	  AND i.reported_at > now() - make_interval(secs => seconds)
	  AND i.location IS NOT NULL
	  AND ST_DWithin(i.location::geography,
	      ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, metres)
	ORDER BY i.location::geography <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography
	LIMIT 1
$$;

-- The tracking page: only with the right token does a report show itself.
CREATE FUNCTION report_tracking(ref text, token_hash text)
RETURNS TABLE (reference text, type text, status incident_status, reported text,
    incident_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT r.reference, t.name, i.status,
	    to_char(r.created_at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY "at" HH24:MI'),
	    i.id
	FROM report r JOIN incident i ON i.id = r.incident_id
	JOIN asb_type t ON t.id = i.asb_type_id
	WHERE r.reference = ref AND r.tracking_hash = token_hash
$$;

CREATE FUNCTION report_tracking_updates(ref text, token_hash text)
RETURNS TABLE (at text, text text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT to_char(u.at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY "at" HH24:MI'), u.text
	FROM report r JOIN incident_update u ON u.incident_id = r.incident_id
	WHERE r.reference = ref AND r.tracking_hash = token_hash AND u.public
	ORDER BY u.at DESC
	LIMIT 100
$$;

-- The report a form submission already made (a double click, a resubmitted
-- form): whoever sends the same idempotency key again gets the same answer.
CREATE FUNCTION report_by_idempotency_key(k text)
RETURNS TABLE (id bigint, reference text, incident_id bigint, incident_reference text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT r.id, r.reference, r.incident_id, i.reference
	FROM report r JOIN incident i ON i.id = r.incident_id
	WHERE r.idempotency_key = k
$$;

REVOKE ALL ON FUNCTION report_by_idempotency_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_by_idempotency_key(text) TO concord_app;

REVOKE ALL ON FUNCTION report_duplicate_of(bigint, float8, float8, float8, integer),
    report_tracking(text, text), report_tracking_updates(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_duplicate_of(bigint, float8, float8, float8, integer),
    report_tracking(text, text), report_tracking_updates(text, text), next_reference()
    TO concord_app;
