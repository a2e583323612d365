-- Open311 GeoReport v2: the API clients (FixMyStreet and other civic apps)
-- that may send reports in, and the public read of requests.
--
-- A client's key is shown once, when it is made (concordctl api-client
-- add); only its SHA-256 (hex) is kept.
CREATE TABLE api_client (
	id		bigserial PRIMARY KEY,
	name		text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$'),
	key_hash	text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
	kind		text NOT NULL DEFAULT 'open311' CHECK (kind IN ('open311')),
	active		boolean NOT NULL DEFAULT true,
	created_at	timestamptz NOT NULL DEFAULT now()
);

-- The web workers only look keys up; concordctl (as db_admin) adds them.
GRANT SELECT ON api_client TO concord_app;

-- The public list of service requests. Row security hides every report
-- from the public, so this reads them as their owner and returns only what
-- Open311 publishes: never a name, an e-mail address or a phone number, and
-- only reports that came in through Open311 or the public form — never a
-- partner's or the police's. Where is only shown when the incident itself
-- came in that way (a report that joined a police incident does not reveal
-- where the police's incident is), and for personal ASB (aimed at someone)
-- only to about 100 m, with no address.
--
-- ids (comma-separated references) overrides every other filter. Without
-- from_at, the 90 days before to_at (or now).
CREATE FUNCTION open311_requests(ids text, service text, from_at timestamptz,
    to_at timestamptz, state text, max_rows integer)
RETURNS TABLE (reference text, status text, status_notes text, service_name text,
    service_code text, description text, requested text, updated text,
    address text, lat float8, lon float8)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	WITH found AS (
		SELECT r.reference, r.id, r.created_at, r.description AS rdesc, i.status AS istatus,
		    i.updated_at, i.address AS iaddress, i.location,
		    i.channel IN ('public', 'open311') AS own_place,
		    t.category = 'personal' AS personal, t.name AS tname, t.code AS tcode,
		    (SELECT u.text FROM incident_update u
		     WHERE u.incident_id = i.id AND u.public ORDER BY u.at DESC LIMIT 1) AS note,
		    (SELECT max(u.at) FROM incident_update u
		     WHERE u.incident_id = i.id AND u.public) AS note_at
		FROM report r JOIN incident i ON i.id = r.incident_id
		JOIN asb_type t ON t.id = i.asb_type_id
		WHERE r.channel IN ('public', 'open311')
		  AND CASE WHEN ids IS NOT NULL THEN
			r.reference = ANY (regexp_split_to_array(btrim(ids), '\s*,\s*'))
		  ELSE
			(service IS NULL OR t.code = service)
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
	    f.note, f.tname, f.tcode, f.rdesc,
	    to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
	    to_char(greatest(f.created_at, f.updated_at, f.note_at) AT TIME ZONE 'UTC',
	        'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
	    CASE WHEN f.own_place AND NOT f.personal THEN f.iaddress END,
	    CASE WHEN NOT f.own_place OR f.location IS NULL THEN NULL
	        WHEN f.personal THEN round(ST_Y(f.location)::numeric, 3)::float8
	        ELSE ST_Y(f.location) END,
	    CASE WHEN NOT f.own_place OR f.location IS NULL THEN NULL
	        WHEN f.personal THEN round(ST_X(f.location)::numeric, 3)::float8
	        ELSE ST_X(f.location) END
	FROM found f
	ORDER BY f.created_at DESC, f.id DESC
$$;

REVOKE ALL ON FUNCTION open311_requests(text, text, timestamptz, timestamptz, text,
    integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION open311_requests(text, text, timestamptz, timestamptz, text,
    integer) TO concord_app;
