-- Open311: a post sent again makes no second report, and the public read
-- of requests shows only what may be public.

-- A post as a client sent it, kept with the report it made and in the
-- same transaction, so that a client whose answer was lost (a worker that
-- died after the commit: a 502) and which sends the post again gets the
-- first answer. Named by the client's Idempotency-Key header when it sent
-- one, else by the bytes of the body; body_hash tells a reused key from a
-- retry. Kept 24 hours (OPEN311_RETRY_HOURS in fcgi/domain/open311.h):
-- the web workers delete a client's expired rows as they add one.
CREATE TABLE open311_request_key (
	client_id	bigint NOT NULL REFERENCES api_client (id) ON DELETE CASCADE,
	key_hash	text NOT NULL CHECK (key_hash ~ '^[0-9a-f]{64}$'),
	body_hash	text NOT NULL CHECK (body_hash ~ '^[0-9a-f]{64}$'),
	report_id	bigint NOT NULL REFERENCES report (id) ON DELETE CASCADE,
	reference	text NOT NULL,
	linked		boolean NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (client_id, key_hash)
);
CREATE INDEX open311_request_key_report ON open311_request_key (report_id);
CREATE INDEX open311_request_key_age ON open311_request_key (client_id, created_at);

-- Hashes and a public reference only: no row security needed.
GRANT SELECT, INSERT, DELETE ON open311_request_key TO concord_app;

-- The public list of service requests (0013_open311.sql; each report at
-- its own place since 0019_report_consent_place.sql). Anyone may read it,
-- with no key, so it shows:
--   * no personal ASB: types aimed at a person or a household (harassment,
--     nuisance neighbours) are left out altogether, as even a rough point
--     can lead to a victim's door;
--   * no address typed into the public form (browsers fill in the person's
--     own address there); an Open311 client's address_string is shown, as
--     the client published it already;
--   * for a report that joined an incident which did not come in from the
--     public (a police or partner record), the status only (open or
--     closed, as the reporter's tracking page has it): none of that
--     incident's updates or times;
--   * otherwise, as the latest status note, only an update staff shared
--     with the reporters.
-- service: one code or several, comma-separated.
CREATE OR REPLACE FUNCTION open311_requests(ids text, service text, from_at timestamptz,
    to_at timestamptz, state text, max_rows integer)
RETURNS TABLE (reference text, status text, status_notes text, service_name text,
    service_code text, description text, requested text, updated text,
    address text, lat float8, lon float8)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	WITH found AS (
		SELECT r.reference, r.id, r.created_at, r.description AS rdesc, i.status AS istatus,
		    r.location, t.name AS tname, t.code AS tcode,
		    CASE WHEN r.channel = 'open311' THEN r.address END AS raddress,
		    i.channel IN ('public', 'open311') AS public_origin, i.updated_at,
		    (SELECT u.text FROM incident_update u
		     WHERE u.incident_id = i.id AND u.public
		     ORDER BY u.at DESC, u.id DESC LIMIT 1) AS note,
		    (SELECT max(u.at) FROM incident_update u
		     WHERE u.incident_id = i.id AND u.public) AS note_at
		FROM report r JOIN incident i ON i.id = r.incident_id
		JOIN asb_type t ON t.id = i.asb_type_id
		LEFT JOIN asb_type p ON p.id = t.parent_id
		WHERE r.channel IN ('public', 'open311')
		  AND t.category <> 'personal' AND coalesce(p.category <> 'personal', true)
		  AND CASE WHEN ids IS NOT NULL THEN
			r.reference = ANY (regexp_split_to_array(btrim(ids), '\s*,\s*'))
		  ELSE
			(service IS NULL OR
			 t.code = ANY (regexp_split_to_array(btrim(service), '\s*,\s*')))
			AND r.created_at >= coalesce(from_at,
			    coalesce(to_at, now()) - interval '90 days')
			AND (to_at IS NULL OR r.created_at <= to_at)
			AND (state IS NULL OR (state = 'closed') = (i.status = 'closed'))
		  END
		ORDER BY r.created_at DESC, r.id DESC
		LIMIT least(greatest(coalesce(max_rows, 1000), 0), 1000)
	)
	SELECT f.reference,
	    CASE WHEN f.istatus = 'closed' THEN 'closed' ELSE 'open' END,
	    CASE WHEN f.public_origin THEN f.note END, f.tname, f.tcode, f.rdesc,
	    to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
	    to_char(CASE WHEN f.public_origin
	        THEN greatest(f.created_at, f.updated_at, f.note_at)
	        ELSE f.created_at END AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
	    f.raddress, ST_Y(f.location), ST_X(f.location)
	FROM found f
	ORDER BY f.created_at DESC, f.id DESC
$$;
