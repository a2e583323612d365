-- The look-ups every report submission makes, in PL/pgSQL: a SQL function
-- that is SECURITY DEFINER is never inlined, and its query was planned
-- again on every call (a third of a millisecond or more each time, under
-- load); PL/pgSQL keeps its plans for the session. The duplicate search
-- also narrows by bounding box first, so the spatial index on
-- incident.location does the work when many incidents are open.
CREATE OR REPLACE FUNCTION report_duplicate_of(type_id bigint, lon float8, lat float8,
    metres float8, seconds integer)
RETURNS TABLE (incident_id bigint, reference text, owner bigint,
    sharing sharing_level, shared_with bigint[])
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
	pt geometry := ST_SetSRID(ST_MakePoint(lon, lat), 4326);
	-- Degrees that hold `metres` in every direction (with a margin).
	dlat float8 := metres * 1.1 / 111320.0;
	dlon float8 := metres * 1.1 / (111320.0 * greatest(cos(radians(lat)), 0.05));
BEGIN
	RETURN QUERY
	SELECT i.id, i.reference, i.owning_agency_id, i.sharing, i.shared_with
	FROM incident i
	WHERE i.asb_type_id = type_id AND i.status <> 'closed'
	  AND i.reported_at > now() - make_interval(secs => seconds)
	  AND i.location && ST_MakeEnvelope(lon - dlon, lat - dlat, lon + dlon,
	      lat + dlat, 4326)
	  AND ST_DWithin(i.location::geography, pt::geography, metres)
	ORDER BY i.location::geography <-> pt::geography
	LIMIT 1;
END
$$;

CREATE OR REPLACE FUNCTION report_by_idempotency_key(k text)
RETURNS TABLE (id bigint, reference text, incident_id bigint, incident_reference text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT r.id, r.reference, r.incident_id, i.reference
	FROM report r JOIN incident i ON i.id = r.incident_id
	WHERE r.idempotency_key = k;
END
$$;
