-- A public report's cost (issue 9): flag_facts in one query.
-- 0030's flag_facts called flag_incident, flag_people and flag_places for
-- each incident: three PL/pgSQL calls a row, each planning its own query
-- and checking the actor again, about half of its time for an incident
-- with a few reports. Here the same three reads are subqueries of the one
-- query (planned once, the actor checked once), with the same results:
-- the three functions stay, for anything that calls them alone.
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
		FROM (SELECT r.impact AS facts FROM report r WHERE r.incident_id = i.id
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
