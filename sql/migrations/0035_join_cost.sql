-- A report that joins an open incident (issue 9: a public report's SQL
-- was to cost at most three TPC-B transactions). Most public reports join
-- one, and what a join cost grew with the incident: the provisional score
-- read the triage answers of every report of it, and the flags read every
-- report's answers, every reporter and their parts elsewhere, and every
-- incident nearby, for the incident and for each one related to it. With
-- forty reports on an incident that was two thirds of the transaction.
--
-- 1. What the reports' triage answers said is kept on the incident
--    (report_triage: each yes/no answer any report gave, yes when any said
--    yes), by a trigger on every new report, whichever channel sent it.
--    The provisional score (fcgi/domain/risk_provisional.c) and the flags
--    (flag_facts) read that one value instead of every report, and a
--    report that joins and changes nothing there leaves the score as it
--    is without reading it.
-- 2. A report that joins adds what it says itself to the incident's flags
--    (flag_add) instead of the flags being worked out again from every
--    fact: its reporter is always a new person, in no other incident, and
--    the incident's place and time do not change, so nothing else the
--    flags depend on changes, here or in any related incident
--    (fcgi/domain/intake.c, join_refresh).

ALTER TABLE incident ADD COLUMN report_triage jsonb;
COMMENT ON COLUMN incident.report_triage IS
    'Each yes/no triage answer its reports gave (report.impact): true when '
    'any said yes. NULL when it has no report. Kept by report_triage_keep.';

-- Two sets of yes/no answers as one: a key is true when either says true,
-- false when one says false and neither true; other values are left out.
-- PL/pgSQL, not SQL: a SQL function with a FROM is planned again at every
-- call from the trigger, which cost a report a sixth of its time.
CREATE FUNCTION triage_or(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	out_ jsonb := '{}';
	k text;
	v jsonb;
BEGIN
	FOR k, v IN SELECT e.key, e.value FROM jsonb_each(CASE WHEN jsonb_typeof(a) = 'object'
	        THEN a ELSE '{}' END) AS e
	    UNION ALL
	    SELECT e.key, e.value FROM jsonb_each(CASE WHEN jsonb_typeof(b) = 'object'
	        THEN b ELSE '{}' END) AS e LOOP
		IF jsonb_typeof(v) = 'boolean' THEN
			out_ := out_ || jsonb_build_object(k,
			    v = 'true'::jsonb OR coalesce(out_ -> k = 'true'::jsonb, false));
		END IF;
	END LOOP;
	RETURN out_;
END
$$;

CREATE AGGREGATE triage_agg(jsonb) (SFUNC = triage_or, STYPE = jsonb);

-- Definer: the reporter's agency may not be one allowed to change the
-- incident it joins. The row is written only when the answer changes,
-- which after an incident's first few reports is seldom. BEFORE, so that
-- the insert's RETURNING can read what it found, in two settings for this
-- transaction: concord.report_triage_changed ('yes' or 'no': when no, the
-- provisional score cannot have changed, and the intake does not read it
-- again) and concord.report_incident_flags (the incident's flags, in
-- enum flag's order, as 't' and 'f': the intake adds only those the
-- report raises that it does not have yet).
CREATE FUNCTION report_triage_keep() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	now_ jsonb;
	next_ jsonb;
	flags_ text;
BEGIN
	SELECT i.report_triage, concat(left(i.urgent::text, 1), left(i.vulnerable::text, 1),
	        left(i.repeat_victim::text, 1), left(i.repeat_location::text, 1),
	        left(i.repeat_subject::text, 1), left(i.hate::text, 1))
	    INTO now_, flags_ FROM incident i WHERE i.id = NEW.incident_id;
	next_ := triage_or(now_, NEW.impact);
	IF next_ IS DISTINCT FROM now_ THEN
		UPDATE incident SET report_triage = next_ WHERE id = NEW.incident_id;
	END IF;
	PERFORM set_config('concord.report_triage_changed',
	    CASE WHEN next_ IS DISTINCT FROM now_ THEN 'yes' ELSE 'no' END, true),
	    set_config('concord.report_incident_flags', coalesce(flags_, ''), true);
	RETURN NEW;
END
$$;
CREATE TRIGGER report_triage_keep BEFORE INSERT ON report
    FOR EACH ROW EXECUTE FUNCTION report_triage_keep();

UPDATE incident i SET report_triage = s.triage
FROM (SELECT r.incident_id, triage_agg(r.impact) AS triage
    FROM report r GROUP BY r.incident_id) AS s
WHERE s.incident_id = i.id;

-- What a report that joins says of itself, added to the incident's flags
-- (see 2. above): never takes a flag away. Definer, as flag_store.
CREATE FUNCTION flag_add(incident bigint, urgent_ boolean, vulnerable_ boolean,
    repeat_victim_ boolean, repeat_location_ boolean, repeat_subject_ boolean,
    hate_ boolean)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	UPDATE incident i SET urgent = i.urgent OR urgent_,
	    vulnerable = i.vulnerable OR vulnerable_,
	    repeat_victim = i.repeat_victim OR repeat_victim_,
	    repeat_location = i.repeat_location OR repeat_location_,
	    repeat_subject = i.repeat_subject OR repeat_subject_,
	    hate = i.hate OR hate_
	WHERE i.id = incident
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

-- As 0034's, with what the reports said read from report_triage (1. above)
-- instead of from each report.
CREATE OR REPLACE FUNCTION flag_facts(incidents bigint[], metres float8, days integer)
RETURNS TABLE (id bigint, urgent boolean, vulnerable boolean,
    repeat_victim boolean, repeat_location boolean, repeat_subject boolean,
    hate boolean, self json, people json, places json)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    SET plan_cache_mode = force_generic_plan AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	SELECT i.id, i.urgent, i.vulnerable, i.repeat_victim, i.repeat_location,
	    i.repeat_subject, i.hate,
	    -- flag_incident
	    json_build_array(extract(epoch FROM i.reported_at)::bigint,
	        s.vulnerable, s.targeted, s.happened_before,
	        CASE WHEN jsonb_typeof(i.screening -> 'at_risk') = 'boolean'
	            THEN (i.screening ->> 'at_risk')::boolean END,
	        coalesce(g.notices, '{}'), coalesce(g.answers, '{}')),
	    -- flag_people
	    coalesce((SELECT json_agg(json_build_array(p.person_id, p.role, p.here,
	        p.vulnerable, extract(epoch FROM p.at)::bigint)) FROM (
	        SELECT ip.person_id, ip.role, true AS here, pr.vulnerable,
	            NULL::timestamptz AS at
	        FROM incident_person ip JOIN person pr ON pr.id = ip.person_id
	        WHERE ip.incident_id = i.id
	        UNION ALL
	        (SELECT o.person_id, o.role, false, NULL::boolean, oi.reported_at
	        FROM (SELECT DISTINCT ip.person_id FROM incident_person ip
	            WHERE ip.incident_id = i.id) AS mine
	        JOIN incident_person o ON o.person_id = mine.person_id
	            AND o.incident_id <> i.id
	        JOIN incident oi ON oi.id = o.incident_id
	        LIMIT 2000)) AS p), '[]'),
	    -- flag_places: the degree box first, for the spatial index
	    coalesce((SELECT json_agg(json_build_array(l.distance,
	        extract(epoch FROM l.at)::bigint)) FROM (
	        SELECT ST_Distance(n.location::geography, i.location::geography) AS distance,
	            n.reported_at AS at
	        FROM incident n
	        WHERE i.location IS NOT NULL AND n.id <> i.id
	          AND n.reported_at BETWEEN i.reported_at - make_interval(days => days)
	              AND i.reported_at + make_interval(days => days)
	          AND n.location && ST_Expand(i.location, metres * 1.1 / (111320.0 *
	              greatest(cos(radians(ST_Y(i.location))), 0.05)))
	          AND ST_DWithin(n.location::geography, i.location::geography, metres)
	        LIMIT 1000) AS l), '[]')
	FROM unnest(incidents) WITH ORDINALITY AS x (id, n)
	JOIN incident i ON i.id = x.id
	-- what the reports and the screening said (flag_incident's `said`)
	CROSS JOIN LATERAL (
		SELECT bool_or((f.facts ->> 'vulnerable')::boolean) FILTER (
		        WHERE jsonb_typeof(f.facts -> 'vulnerable') = 'boolean') AS vulnerable,
		    bool_or((f.facts ->> 'targeted')::boolean) FILTER (
		        WHERE jsonb_typeof(f.facts -> 'targeted') = 'boolean') AS targeted,
		    bool_or((f.facts ->> 'happened_before')::boolean) FILTER (
		        WHERE jsonb_typeof(f.facts -> 'happened_before') = 'boolean')
		        AS happened_before
		FROM (SELECT i.report_triage AS facts WHERE i.report_triage IS NOT NULL
		    UNION ALL
		    SELECT i.screening || jsonb_build_object('happened_before',
		        i.screening -> 'repeat')
		    WHERE i.screening IS NOT NULL) AS f) AS s
	-- the answers to questions with a notice (flag_incident's `given`):
	-- each answer looked up by the few questions' keys, not every answer
	-- of every report walked
	CROSS JOIN LATERAL (
		SELECT array_agg(q.notice ->> 'answer') AS notices,
		    array_agg(coalesce(sa.answers -> q.key ->> 'answer', '')) AS answers
		FROM (SELECT i.answers UNION ALL
		    SELECT r.answers FROM report r WHERE r.incident_id = i.id) AS sa (answers)
		JOIN question q ON q.asb_type_id = i.asb_type_id
		    AND coalesce(q.notice ->> 'answer', '') <> ''
		    AND jsonb_typeof(sa.answers) = 'object'
		    AND jsonb_typeof(sa.answers -> q.key) = 'object') AS g
	ORDER BY x.n;
END
$$;

-- 3. The neighbourhood's lock and the duplicate look-up go in the one
--    statement that begins a report's transaction (fcgi/domain/report.c,
--    report_begin: the place, the owner, an earlier report with the same
--    key, the lock, the look-up). VOLATILE, so that the look-up's query
--    takes its snapshot when it runs, after the lock is granted, and sees
--    the incident another report made while this one waited, as it did
--    when it was a statement of its own; STABLE would have it use the
--    calling statement's snapshot, taken before the lock.
ALTER FUNCTION report_duplicate_of(bigint, float8, float8) VOLATILE;

-- Each gives one row at most. Planned as the default thousand, the
-- statement that joins them (report_begin) cost a million rows, enough to
-- be compiled by JIT: a third of a second a report.
ALTER FUNCTION report_by_idempotency_key(text) ROWS 1;
ALTER FUNCTION report_duplicate_of(bigint, float8, float8) ROWS 1;
