-- Imported history (issue 11, concordctl import police-uk): years of a
-- force's incidents brought in through the one intake, channel 'import'
-- (0041), each report a row of the force's published records.
--
-- What an imported incident is:
--   * reported_at is its occurred_at: the record says when it happened
--     (to the month; fcgi/ctl/police_uk.c spreads it over the month) and
--     nothing later; a report of ASB is made as it happens. Every window
--     that reads reported_at (repeat location, repeat victim, the
--     duplicate look-up's) then sees the history where it happened, not
--     years of it inside the minute of the import.
--   * it is closed when it is made (closed_at the import's time, and
--     closure_reason says so): history is finished business, so it is in
--     no team's open work, and its clocks (clock_due of a reported_at
--     years ago) are never due: queues and the overdue sweep look at
--     open incidents, and imported history never notifies. Its
--     allocations are made as at creation (allocate_incident, by the
--     intake), so where each incident would have gone is on record.
-- One trigger says so for every insert, whichever statement makes it.

CREATE FUNCTION incident_history_at_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.occurred_at IS NULL THEN
		RAISE EXCEPTION 'an imported incident needs the time it occurred'
		    USING ERRCODE = 'check_violation';
	END IF;
	NEW.reported_at := NEW.occurred_at;
	NEW.status := 'closed';
	NEW.closed_at := now();
	NEW.closure_reason := 'Imported history: closed when it was imported';
	RETURN NEW;
END
$$;
CREATE TRIGGER incident_history_at_insert BEFORE INSERT ON incident
    FOR EACH ROW WHEN (NEW.channel = 'import')
    EXECUTE FUNCTION incident_history_at_insert();

-- The duplicate look-up of 0038 with the time the report's incident
-- occurred (`at`) for imported history: the same radius and window, applied
-- to the occurrence times of the history imported, whatever its status
-- (all of it is closed). Without `at` (every live channel) it is 0038's
-- look-up unchanged: open incidents reported within the window of now.
-- History joins only history: a live incident is its owner's to link.
-- Two queries, not one with an OR: each keeps the plan its own indexes
-- give (the live one is 0035's, costed for issue 9).
DROP FUNCTION report_duplicate_of(bigint, float8, float8, jsonb);
CREATE FUNCTION report_duplicate_of(type_id bigint, lon float8, lat float8, impact jsonb,
    at timestamptz DEFAULT NULL)
RETURNS TABLE (incident_id bigint, owner bigint, adds boolean, flags text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER ROWS 1 SET search_path = public, pg_temp AS $$
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
	IF at IS NOT NULL THEN
		RETURN QUERY
		SELECT i.id, i.owning_agency_id,
		    triage_or(i.report_triage, impact) IS DISTINCT FROM i.report_triage,
		    incident_flag_letters(i)
		FROM incident i
		WHERE i.asb_type_id = type_id AND i.channel = 'import'
		  AND i.occurred_at BETWEEN at - window_ AND at + window_
		  AND i.location && ST_MakeEnvelope(lon - dlon, lat - dlat, lon + dlon,
		      lat + dlat, 4326)
		  AND ST_DWithin(i.location::geography, pt::geography, metres)
		ORDER BY i.location::geography <-> pt::geography,
		    abs(extract(epoch FROM i.occurred_at - at)), i.id
		LIMIT 1;
		RETURN;
	END IF;
	RETURN QUERY
	SELECT i.id, i.owning_agency_id,
	    triage_or(i.report_triage, impact) IS DISTINCT FROM i.report_triage,
	    incident_flag_letters(i)
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
REVOKE ALL ON FUNCTION report_duplicate_of(bigint, float8, float8, jsonb, timestamptz)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_duplicate_of(bigint, float8, float8, jsonb, timestamptz)
    TO concord_app;

-- The history's look-up: a type's imported incidents by when they occurred.
CREATE INDEX incident_history_occurred ON incident (asb_type_id, occurred_at)
    WHERE channel = 'import';
