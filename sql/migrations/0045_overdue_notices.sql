-- Overdue notices (issue 11): the worker tells a team, once per item,
-- when an item in its queue goes past its triage or first-action target
-- (fcgi/jobs/overdue.c calls overdue_sweep about every minute).
--
-- What counts, per allocation (one team's item in its own queue):
--   * it is current (ended_at IS NULL), its team is active, and the
--     incident is not closed and not imported history (channel 'import');
--   * triage overdue: the team has not triaged its item (triage IS NULL)
--     and now is past clock_due(reported_at, risk_level, triage hours);
--   * first action overdue: the team has not recorded a first action on
--     its item (first_action_at IS NULL), has not closed it as no further
--     action (triage 'nfa'), and now is past clock_due(..., action hours).
-- Per allocation, not per incident: each queue works its own item (a
-- specialist queue is late even when the neighbourhood team triaged the
-- incident in time), and that is what the team sees in its queue. The
-- incident's own clocks (incident.triaged_at, first_action_at) are the
-- partnership's metric, kept by the queues; they are not this rule.
-- The targets are the config's (domain/clocks.h clock_hours_text); the
-- rule for when one falls is clock_due alone.

-- How late something is, in words: "2 days 3 hours", "3 hours 5 minutes",
-- "12 minutes", "less than a minute".
CREATE FUNCTION overdue_words(late interval) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
	WITH s AS (SELECT greatest(floor(extract(epoch FROM late)), 0)::bigint AS secs),
	p AS (SELECT secs / 86400 AS d, secs % 86400 / 3600 AS h, secs % 3600 / 60 AS m FROM s)
	SELECT CASE
	    WHEN d > 0 THEN concat_ws(' ', d || CASE WHEN d = 1 THEN ' day' ELSE ' days' END,
	        CASE WHEN h > 0 THEN h || CASE WHEN h = 1 THEN ' hour' ELSE ' hours' END END)
	    WHEN h > 0 THEN concat_ws(' ', h || CASE WHEN h = 1 THEN ' hour' ELSE ' hours' END,
	        CASE WHEN m > 0 THEN m || CASE WHEN m = 1 THEN ' minute' ELSE ' minutes' END END)
	    WHEN m > 0 THEN m || CASE WHEN m = 1 THEN ' minute' ELSE ' minutes' END
	    ELSE 'less than a minute' END
	FROM p
$$;

-- Who hears of a team's items: the team's own address, or, when it has
-- none, each of its active members (app_user.team_id) once.
CREATE FUNCTION overdue_recipients()
RETURNS TABLE (team_id bigint, addr text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT t.id, t.email FROM team t WHERE t.active AND t.email IS NOT NULL
	UNION
	SELECT t.id, lower(u.email) FROM team t JOIN app_user u ON u.team_id = t.id
	WHERE t.active AND t.email IS NULL AND u.disabled_at IS NULL
	  AND u.email ~ '^[^@[:space:]]+@[^@[:space:]]+$'
$$;

-- Finds the items that went overdue since the last sweep, marks each
-- (triage_overdue_sent_at, action_overdue_sent_at: sent once), and queues
-- ONE notify job per team and recipient listing them (reference, type,
-- where, risk, how late) with a link to <queue_url>/staff/queues/<team
-- code> (a queue is named by its code in its agency, and those told are
-- the team's), and one audit row per team. Items of a team with no one to tell
-- are left unmarked, so that they are told once the team has an address.
-- Two sweeps at once never send twice: an item is locked as it is taken
-- (SKIP LOCKED: the other sweep passes it by) and marked in the same
-- statement, and a sweep that waited would see it marked. Returns, per
-- team told, how many items and the outbox ids of the jobs.
CREATE FUNCTION overdue_sweep(triage_hours integer[], action_hours integer[],
    queue_url text)
RETURNS TABLE (team_id bigint, items integer, jobs bigint[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
	IF cardinality(triage_hours) <> 3 OR cardinality(action_hours) <> 3 THEN
		RAISE EXCEPTION 'overdue_sweep: the targets are {standard,medium,high}'
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN QUERY
	WITH who AS (
		SELECT * FROM overdue_recipients()
	), due AS (
		SELECT a.id,
		    a.triage IS NULL AND a.triage_overdue_sent_at IS NULL
		        AND now() >= clock_due(i.reported_at, i.risk_level, triage_hours)
		        AS triage_late,
		    a.first_action_at IS NULL AND a.triage IS DISTINCT FROM 'nfa'
		        AND a.action_overdue_sent_at IS NULL
		        AND now() >= clock_due(i.reported_at, i.risk_level, action_hours)
		        AS action_late
		FROM incident_allocation a
		JOIN incident i ON i.id = a.incident_id
		WHERE a.ended_at IS NULL
		  AND (a.triage_overdue_sent_at IS NULL OR a.action_overdue_sent_at IS NULL)
		  AND i.status <> 'closed' AND i.channel::text <> 'import'
		  AND EXISTS (SELECT 1 FROM who w WHERE w.team_id = a.team_id)
		  AND ((a.triage IS NULL AND a.triage_overdue_sent_at IS NULL
		        AND now() >= clock_due(i.reported_at, i.risk_level, triage_hours))
		    OR (a.first_action_at IS NULL AND a.triage IS DISTINCT FROM 'nfa'
		        AND a.action_overdue_sent_at IS NULL
		        AND now() >= clock_due(i.reported_at, i.risk_level, action_hours)))
		FOR UPDATE OF a SKIP LOCKED
	), marked AS (
		UPDATE incident_allocation a
		SET triage_overdue_sent_at = CASE WHEN d.triage_late THEN now()
		        ELSE a.triage_overdue_sent_at END,
		    action_overdue_sent_at = CASE WHEN d.action_late THEN now()
		        ELSE a.action_overdue_sent_at END
		FROM due d WHERE a.id = d.id
		RETURNING a.id, a.team_id, a.incident_id, a.location_to_confirm,
		    d.triage_late, d.action_late
	), line AS (
		SELECT m.team_id, m.id, m.triage_late, m.action_late,
		    row_number() OVER (PARTITION BY m.team_id ORDER BY
		        i.reported_at, i.id) AS n,
		    concat_ws(' | ', i.reference, ty.name,
		        coalesce(nullif(concat_ws(', ', nullif(i.address, ''),
		            nullif(i.postcode, '')), ''),
		            CASE WHEN i.location IS NOT NULL THEN format('map point %s, %s',
		                round(ST_Y(i.location)::numeric, 5),
		                round(ST_X(i.location)::numeric, 5)) END,
		            'no place given') ||
		        CASE WHEN m.location_to_confirm THEN ' (location to confirm)' ELSE '' END,
		        'risk ' || coalesce(i.risk_level::text, 'not assessed (standard)'),
		        concat_ws('; ',
		            CASE WHEN m.triage_late THEN format('triage overdue by %s (due %s)',
		                overdue_words(now() - clock_due(i.reported_at, i.risk_level,
		                    triage_hours)),
		                to_char(clock_due(i.reported_at, i.risk_level, triage_hours)
		                    AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY HH24:MI')) END,
		            CASE WHEN m.action_late THEN format('first action overdue by %s (due %s)',
		                overdue_words(now() - clock_due(i.reported_at, i.risk_level,
		                    action_hours)),
		                to_char(clock_due(i.reported_at, i.risk_level, action_hours)
		                    AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY HH24:MI')) END))
		        AS text
		FROM marked m JOIN incident i ON i.id = m.incident_id
		JOIN asb_type ty ON ty.id = i.asb_type_id
	), notice AS (
		SELECT l.team_id, t.name, t.code, count(*)::integer AS items,
		    array_agg(l.id ORDER BY l.id) AS allocations,
		    count(*) FILTER (WHERE l.triage_late)::integer AS triage,
		    count(*) FILTER (WHERE l.action_late)::integer AS action,
		    -- A long list stops at 100: the queue has the rest.
		    string_agg(l.text, E'\n' ORDER BY l.n) FILTER (WHERE l.n <= 100) ||
		    CASE WHEN count(*) > 100 THEN format(E'\n... and %s more: see the queue.',
		        count(*) - 100) ELSE '' END AS list
		FROM line l JOIN team t ON t.id = l.team_id
		GROUP BY l.team_id, t.name, t.code
	), mail AS (
		SELECT n.team_id, jsonb_build_object('to', w.addr,
		    'subject', format('Overdue in %s: %s %s', n.name, n.items,
		        CASE WHEN n.items = 1 THEN 'incident' ELSE 'incidents' END),
		    'body', format(E'%s in the %s queue went past %s target:\n\n%s\n\n'
		        'Open the queue: %s/staff/queues/%s\n\n'
		        'Each item is told once, when it goes overdue. The targets are in '
		        'hours from the report, by risk level.\n',
		        CASE WHEN n.items = 1 THEN 'This incident'
		            ELSE format('These %s incidents', n.items) END, n.name,
		        CASE WHEN n.items = 1 THEN 'its' ELSE 'their' END,
		        n.list, queue_url, n.code)) AS payload
		FROM notice n JOIN who w ON w.team_id = n.team_id
	), sent AS (
		INSERT INTO outbox (type, payload)
		SELECT 'notify', m.payload FROM mail m
		RETURNING id, payload
	), au AS (
		INSERT INTO audit_event (entity, entity_id, action, after, reason)
		SELECT 'team', n.team_id::text, 'overdue_notice',
		    jsonb_build_object('allocations', n.allocations, 'triage', n.triage,
		        'first_action', n.action, 'recipients',
		        (SELECT count(*) FROM who w WHERE w.team_id = n.team_id)),
		    'items went past their triage or first-action target'
		FROM notice n
		RETURNING 1
	)
	SELECT n.team_id, n.items,
	    coalesce(array_agg(s.id ORDER BY s.id) FILTER (WHERE s.id IS NOT NULL), '{}')
	FROM notice n
	LEFT JOIN mail m ON m.team_id = n.team_id
	LEFT JOIN sent s ON s.payload = m.payload
	GROUP BY n.team_id, n.items
	ORDER BY n.team_id;
END
$$;

-- The sweep looks only at current items not yet told on both clocks.
CREATE INDEX incident_allocation_untold ON incident_allocation (incident_id)
	WHERE ended_at IS NULL
	  AND (triage_overdue_sent_at IS NULL OR action_overdue_sent_at IS NULL);

REVOKE ALL ON FUNCTION overdue_recipients(), overdue_sweep(integer[], integer[], text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION overdue_sweep(integer[], integer[], text) TO concord_worker;
