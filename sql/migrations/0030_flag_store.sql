-- The immediate flags kept in the database (fcgi/domain/flag_store.c).
-- The rules are C (fcgi/domain/flags.c); these functions hand them the
-- facts. A repeat victim is a repeat whoever owns the other incident, so
-- the facts must count incidents row security hides from the actor: each
-- function is SECURITY DEFINER and returns only what the rules need
-- (person ids, roles, times, distances, yes/no) — never another agency's
-- names, places, descriptions or answers beyond the notice ones. Every
-- look-up is by an index: incident pkey, report_incident, incident_person
-- pkey and incident_person_person, incident_location (gist) with
-- incident_reported.

-- The call handler's four screening answers (domain/intake.h
-- intake_screening): {"repeat": bool, "vulnerable": bool, "targeted":
-- bool, "at_risk": bool}, a key left out when not asked; NULL when the
-- incident had no screening.
ALTER TABLE incident ADD COLUMN screening jsonb
    CHECK (screening IS NULL OR jsonb_typeof(screening) = 'object');

-- Flags the staff list filters by.
CREATE INDEX incident_urgent ON incident (reported_at DESC) WHERE urgent;
CREATE INDEX incident_hate ON incident (reported_at DESC) WHERE hate;

-- What an incident says of itself: its report time; vulnerable, targeted,
-- happened before (any report's impact or the screening: NULL when none
-- said, else whether any said yes); at risk now (the screening); and, for
-- each answer to a question with a notice, the notice's answer and the
-- answer given (the caller compares them: flag_answer_urgent).
CREATE FUNCTION flag_incident(incident bigint)
RETURNS TABLE (at timestamptz, vulnerable boolean, targeted boolean,
    happened_before boolean, at_risk boolean, notice_answers text[], answers text[])
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	WITH said AS (
		SELECT r.impact AS facts FROM report r WHERE r.incident_id = incident
		UNION ALL
		SELECT i.screening || jsonb_build_object('happened_before',
		    i.screening -> 'repeat')
		FROM incident i WHERE i.id = incident AND i.screening IS NOT NULL
	), given AS (
		SELECT q.notice ->> 'answer' AS notice, a.value ->> 'answer' AS answer
		FROM incident i
		CROSS JOIN LATERAL (SELECT i.answers UNION ALL
		    SELECT r.answers FROM report r WHERE r.incident_id = i.id) AS s (answers)
		CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(s.answers) = 'object'
		    THEN s.answers ELSE '{}' END) AS a
		JOIN question q ON q.asb_type_id = i.asb_type_id AND q.key = a.key
		WHERE i.id = incident AND coalesce(q.notice ->> 'answer', '') <> ''
		  AND jsonb_typeof(a.value) = 'object'
	)
	SELECT i.reported_at,
	    (SELECT bool_or((s.facts ->> 'vulnerable')::boolean) FROM said s
	        WHERE jsonb_typeof(s.facts -> 'vulnerable') = 'boolean'),
	    (SELECT bool_or((s.facts ->> 'targeted')::boolean) FROM said s
	        WHERE jsonb_typeof(s.facts -> 'targeted') = 'boolean'),
	    (SELECT bool_or((s.facts ->> 'happened_before')::boolean) FROM said s
	        WHERE jsonb_typeof(s.facts -> 'happened_before') = 'boolean'),
	    CASE WHEN jsonb_typeof(i.screening -> 'at_risk') = 'boolean'
	        THEN (i.screening ->> 'at_risk')::boolean END,
	    coalesce((SELECT array_agg(g.notice) FROM given g), '{}'),
	    coalesce((SELECT array_agg(coalesce(g.answer, '')) FROM given g), '{}')
	FROM incident i WHERE i.id = incident;
END
$$;

-- The people of an incident (here: their role in it and whether their
-- record says vulnerable) and each one's parts in other incidents (the
-- role and that incident's report time; vulnerable is NULL).
CREATE FUNCTION flag_people(incident bigint)
RETURNS TABLE (person_id bigint, role person_role, here boolean,
    vulnerable boolean, at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	SELECT ip.person_id, ip.role, true, p.vulnerable, NULL::timestamptz
	FROM incident_person ip JOIN person p ON p.id = ip.person_id
	WHERE ip.incident_id = incident
	UNION ALL
	SELECT o.person_id, o.role, false, NULL::boolean, i.reported_at
	FROM (SELECT DISTINCT ip.person_id FROM incident_person ip
	    WHERE ip.incident_id = incident) AS mine
	JOIN incident_person o ON o.person_id = mine.person_id
	    AND o.incident_id <> incident
	JOIN incident i ON i.id = o.incident_id
	LIMIT 2000;
END
$$;

-- The other incidents within `metres` of this one's point and `days` of
-- its report time: how far and when. Nothing when it has no point.
CREATE FUNCTION flag_places(incident bigint, metres float8, days integer)
RETURNS TABLE (distance float8, at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	pt geometry;
	t timestamptz;
	dlat float8;
	dlon float8;
BEGIN
	PERFORM concord_actor_required();
	SELECT i.location, i.reported_at INTO pt, t FROM incident i WHERE i.id = incident;
	IF pt IS NULL THEN
		RETURN;
	END IF;
	-- Degrees that hold `metres` in every direction (with a margin), so
	-- the spatial index does the work.
	dlat := metres * 1.1 / 111320.0;
	dlon := metres * 1.1 / (111320.0 * greatest(cos(radians(ST_Y(pt))), 0.05));
	RETURN QUERY
	SELECT ST_Distance(i.location::geography, pt::geography), i.reported_at
	FROM incident i
	WHERE i.id <> incident
	  AND i.reported_at BETWEEN t - make_interval(days => days)
	      AND t + make_interval(days => days)
	  AND i.location && ST_MakeEnvelope(ST_X(pt) - dlon, ST_Y(pt) - dlat,
	      ST_X(pt) + dlon, ST_Y(pt) + dlat, 4326)
	  AND ST_DWithin(i.location::geography, pt::geography, metres)
	LIMIT 1000;
END
$$;

-- The incidents whose flags a change to this one may change: those
-- sharing a person with it, those linked to it, and those near it in
-- place and time that are not a repeat location yet (a place only gains
-- incidents: one already flagged stays so, and in a busy place this keeps
-- the refresh to the few that change). Ids only.
CREATE FUNCTION flag_related(incident bigint, metres float8, days integer)
RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	SELECT DISTINCT r.id FROM (
		SELECT o.incident_id AS id
		FROM incident_person ip
		JOIN incident_person o ON o.person_id = ip.person_id
		WHERE ip.incident_id = incident
		UNION ALL
		SELECT l.linked_id FROM incident_link l WHERE l.incident_id = incident
		UNION ALL
		SELECT l.incident_id FROM incident_link l WHERE l.linked_id = incident
		UNION ALL
		SELECT i.id FROM incident h
		JOIN incident i ON i.location && ST_Expand(h.location,
		    metres * 1.1 / (111320.0 * greatest(cos(radians(ST_Y(h.location))), 0.05)))
		  AND ST_DWithin(i.location::geography, h.location::geography, metres)
		  AND i.reported_at BETWEEN h.reported_at - make_interval(days => days)
		      AND h.reported_at + make_interval(days => days)
		WHERE h.id = incident AND h.location IS NOT NULL AND NOT i.repeat_location
	) AS r
	WHERE r.id <> incident
	LIMIT 500;
END
$$;

-- Every fact the rules need, for several incidents in one call (one
-- round trip for an incident and all its related ones): per incident, in
-- the order given, the flags stored now (so the caller writes only those
-- that change) and, as JSON arrays, what flag_incident, flag_people and
-- flag_places return (times as epoch seconds). Incidents that do not
-- exist are left out.
CREATE FUNCTION flag_facts(incidents bigint[], metres float8, days integer)
RETURNS TABLE (id bigint, urgent boolean, vulnerable boolean,
    repeat_victim boolean, repeat_location boolean, repeat_subject boolean,
    hate boolean, self json, people json, places json)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	SELECT i.id, i.urgent, i.vulnerable, i.repeat_victim, i.repeat_location,
	    i.repeat_subject, i.hate,
	    (SELECT json_build_array(extract(epoch FROM s.at)::bigint, s.vulnerable,
	        s.targeted, s.happened_before, s.at_risk, s.notice_answers, s.answers)
	     FROM flag_incident(i.id) s),
	    coalesce((SELECT json_agg(json_build_array(p.person_id, p.role, p.here,
	        p.vulnerable, extract(epoch FROM p.at)::bigint))
	     FROM flag_people(i.id) p), '[]'),
	    coalesce((SELECT json_agg(json_build_array(l.distance,
	        extract(epoch FROM l.at)::bigint))
	     FROM flag_places(i.id, metres, days) l), '[]')
	FROM unnest(incidents) WITH ORDINALITY AS x (id, n)
	JOIN incident i ON i.id = x.id
	ORDER BY x.n;
END
$$;

-- Stores the flags the rules computed, for several incidents in one
-- statement (the arrays line up: one element per incident). Flags are
-- derived, so this is not a change of the record: no version, no
-- updated_at, no audit row. It writes another agency's incident too (a
-- repeat victim is a repeat on both), which is why it is SECURITY
-- DEFINER; it writes nothing else, and leaves alone a row whose flags
-- are already these.
CREATE FUNCTION flag_store(incidents bigint[], urgent_ boolean[],
    vulnerable_ boolean[], repeat_victim_ boolean[], repeat_location_ boolean[],
    repeat_subject_ boolean[], hate_ boolean[])
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	UPDATE incident i SET urgent = s.u, vulnerable = s.v, repeat_victim = s.rv,
	    repeat_location = s.rl, repeat_subject = s.rs, hate = s.h
	FROM unnest(incidents, urgent_, vulnerable_, repeat_victim_,
	    repeat_location_, repeat_subject_, hate_) AS s (id, u, v, rv, rl, rs, h)
	WHERE i.id = s.id
	  AND (i.urgent, i.vulnerable, i.repeat_victim, i.repeat_location,
	      i.repeat_subject, i.hate) IS DISTINCT FROM (s.u, s.v, s.rv, s.rl, s.rs, s.h);
END
$$;

REVOKE ALL ON FUNCTION flag_incident(bigint), flag_people(bigint),
    flag_places(bigint, float8, integer), flag_related(bigint, float8, integer),
    flag_facts(bigint[], float8, integer),
    flag_store(bigint[], boolean[], boolean[], boolean[], boolean[], boolean[], boolean[])
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flag_incident(bigint), flag_people(bigint),
    flag_places(bigint, float8, integer), flag_related(bigint, float8, integer),
    flag_facts(bigint[], float8, integer),
    flag_store(bigint[], boolean[], boolean[], boolean[], boolean[], boolean[], boolean[])
    TO concord_app;
