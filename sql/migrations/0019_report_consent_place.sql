-- Each report keeps its own place and times, and a report that joins
-- another agency's incident hands over only what the reporter agreed to.
-- (Open311's public read, open311_requests(), publishes each report at
-- these columns: 0021_open311_idempotency.sql.)

-- Where and when, as this report told it. A report that joins an earlier
-- incident was posted at its own point, which may be in another street or
-- ward: the incident keeps its own place, the report keeps this one.
ALTER TABLE report
	ADD COLUMN location	geometry(Point, 4326),
	ADD COLUMN address	text,
	ADD COLUMN postcode	text,
	ADD COLUMN occurred_at	timestamptz,
	ADD COLUMN recurring	jsonb;
CREATE INDEX report_location ON report USING gist (location);

-- Reports made before: the one that made its incident (they share the
-- reference) told the incident's place. Where a report joined, its own
-- place was never stored and stays unknown rather than borrowed.
UPDATE report r
SET location = i.location, address = i.address, postcode = i.postcode,
    occurred_at = i.occurred_at, recurring = i.recurring
FROM incident i
WHERE i.id = r.incident_id AND i.reference = r.reference;

-- The open incident a new report of this type at this point joins: the
-- same type, within 150 m and 2 hours (REPORT_DEDUP_METRES and
-- REPORT_DEDUP_SECONDS in fcgi/domain/report.h, which the Redis index
-- uses), nearest first. Row security would hide another agency's incident
-- from the agency taking the report, so this looks at all of them; it
-- answers only a core partner's intake (a partner's report joins only its
-- own, which row security shows it) and gives only the incident's id and
-- owner: the intake writes the report's files under that owner, and shares
-- the reporter with it only when they agreed.
DROP FUNCTION report_duplicate_of(bigint, float8, float8, float8, integer);
CREATE FUNCTION report_duplicate_of(type_id bigint, lon float8, lat float8)
RETURNS TABLE (incident_id bigint, owner bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
	metres constant float8 := 150;
	window_ constant interval := interval '2 hours';
	pt geometry := ST_SetSRID(ST_MakePoint(lon, lat), 4326);
	-- Degrees that hold `metres` in every direction (with a margin), so
	-- the spatial index does the work.
	dlat float8 := metres * 1.1 / 111320.0;
	dlon float8 := metres * 1.1 / (111320.0 * greatest(cos(radians(lat)), 0.05));
BEGIN
	IF NOT EXISTS (SELECT 1 FROM agency a
	    WHERE a.id = concord_agency() AND a.core_partner AND a.active) THEN
		RAISE EXCEPTION 'report_duplicate_of needs a core partner''s settings'
		    USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN QUERY
	SELECT i.id, i.owning_agency_id
	FROM incident i
	WHERE i.asb_type_id = type_id AND i.status <> 'closed'
	  AND i.reported_at > now() - window_
	  AND i.location && ST_MakeEnvelope(lon - dlon, lat - dlat, lon + dlon,
	      lat + dlat, 4326)
	  AND ST_DWithin(i.location::geography, pt::geography, metres)
	ORDER BY i.location::geography <-> pt::geography
	LIMIT 1;
END
$$;
REVOKE ALL ON FUNCTION report_duplicate_of(bigint, float8, float8) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_duplicate_of(bigint, float8, float8) TO concord_app;
