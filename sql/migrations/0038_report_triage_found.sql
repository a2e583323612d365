-- What a joining report finds on its incident, found with the incident
-- (issue 9: a report's SQL was to cost at most three TPC-B transactions).
-- 0035 kept incident.report_triage by a trigger on report, which read the
-- incident again for every report and told the insert what it found
-- through two settings: a tenth of a report's time. The look-up that
-- finds the incident to join reads its row anyway; it now also says
-- whether the report's triage answers add anything to the incident's
-- (`adds`) and what flags the incident has (`flags`, as the trigger did).
-- The report's insert (fcgi/domain/report.c, report_insert, the only
-- statement that inserts into report) calls report_triage_add only when
-- `adds`. triage_or only ever adds, so an answer found to add nothing
-- still adds nothing when another report has changed the incident since.
-- A report that makes its incident writes report_triage with it.

DROP TRIGGER report_triage_keep ON report;
DROP FUNCTION report_triage_keep();
COMMENT ON COLUMN incident.report_triage IS
    'Each yes/no triage answer its reports gave (report.impact): true when '
    'any said yes. NULL when it has no report. Written with the incident, '
    'and by report_triage_add when a report that joins adds to it.';

-- The incident's flags in enum flag's order (fcgi/domain/flags.h), as 't'
-- and 'f': what the intake compares the report's own flags with.
CREATE FUNCTION incident_flag_letters(i incident) RETURNS text
LANGUAGE sql STABLE AS $$
SELECT concat(left(i.urgent::text, 1), left(i.vulnerable::text, 1),
    left(i.repeat_victim::text, 1), left(i.repeat_location::text, 1),
    left(i.repeat_subject::text, 1), left(i.hate::text, 1))
$$;
GRANT EXECUTE ON FUNCTION incident_flag_letters(incident) TO concord_app;

-- The look-up of 0019 with the report's triage answers (`impact`) and what
-- it finds. Still VOLATILE and ROWS 1 (0035).
DROP FUNCTION report_duplicate_of(bigint, float8, float8);
CREATE FUNCTION report_duplicate_of(type_id bigint, lon float8, lat float8, impact jsonb)
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
REVOKE ALL ON FUNCTION report_duplicate_of(bigint, float8, float8, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_duplicate_of(bigint, float8, float8, jsonb) TO concord_app;

-- A report that the calling transaction inserted (its xmin is this
-- transaction's; the intake uses no savepoints), or insufficient_privilege:
-- what the definers below may act for, so that they do what a trigger on
-- the insert would and no more. VOLATILE, so that it sees the rows the
-- calling statement has inserted. Not granted: only they call it.
CREATE FUNCTION report_inserted_here(report_id bigint) RETURNS report
LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
	r report;
BEGIN
	SELECT * INTO r FROM report x
	WHERE x.id = report_id
	  AND x.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'report % was not inserted by this transaction', report_id
		    USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN r;
END
$$;
REVOKE ALL ON FUNCTION report_inserted_here(bigint) FROM PUBLIC;

-- Adds a report's triage answers to its incident's. Definer: the
-- reporter's agency may not be one allowed to change the incident it
-- joins. It takes only a report this transaction inserted.
CREATE FUNCTION report_triage_add(report_id bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	r report := report_inserted_here(report_id);
BEGIN
	UPDATE incident SET report_triage = triage_or(report_triage, r.impact)
	WHERE id = r.incident_id
	  AND triage_or(report_triage, r.impact) IS DISTINCT FROM report_triage;
END
$$;
REVOKE ALL ON FUNCTION report_triage_add(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_triage_add(bigint) TO concord_app;

-- flag_add (0035) took any incident: the web role could add flags to an
-- incident it may not change. Like report_triage_add it now takes the
-- report that joined, which this transaction must have inserted, and adds
-- to that report's incident.
DROP FUNCTION flag_add(bigint, boolean, boolean, boolean, boolean, boolean, boolean);
CREATE FUNCTION flag_add(report_id bigint, urgent_ boolean, vulnerable_ boolean,
    repeat_victim_ boolean, repeat_location_ boolean, repeat_subject_ boolean,
    hate_ boolean)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	inc bigint;
BEGIN
	PERFORM concord_actor_required();
	inc := (report_inserted_here(report_id)).incident_id;
	UPDATE incident i SET urgent = i.urgent OR urgent_,
	    vulnerable = i.vulnerable OR vulnerable_,
	    repeat_victim = i.repeat_victim OR repeat_victim_,
	    repeat_location = i.repeat_location OR repeat_location_,
	    repeat_subject = i.repeat_subject OR repeat_subject_,
	    hate = i.hate OR hate_
	WHERE i.id = inc
	  AND ((urgent_ AND NOT i.urgent) OR (vulnerable_ AND NOT i.vulnerable)
	      OR (repeat_victim_ AND NOT i.repeat_victim)
	      OR (repeat_location_ AND NOT i.repeat_location)
	      OR (repeat_subject_ AND NOT i.repeat_subject) OR (hate_ AND NOT i.hate));
END
$$;
REVOKE ALL ON FUNCTION flag_add(bigint, boolean, boolean, boolean, boolean,
    boolean, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flag_add(bigint, boolean, boolean, boolean, boolean,
    boolean, boolean) TO concord_app;
