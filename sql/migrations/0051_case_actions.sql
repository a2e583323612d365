-- Action plans and case panels (issue 13): the kinds of action an
-- administrator keeps (action_type), each case's actions with their owner
-- (an agency working the case, a team of it, a person of it), due date,
-- status and outcome, the legal dates, conditions and breaches of an
-- enforcement action, and the multi-agency panels that discuss cases and
-- create actions. Open actions with a due date are case work for their
-- owner (case_work_action); one that goes overdue is told to its owner
-- once, by the overdue sweep (overdue_sweep, 0045), extended here.

-- The kinds of action, as data: an administrator adds, renames, reorders
-- and deactivates them (/admin/action-types). An enforcement type's
-- actions carry their legal dates, conditions and breaches.
CREATE TABLE action_type (
	id		bigserial PRIMARY KEY,
	code		text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,47}$'),
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	enforcement	boolean NOT NULL DEFAULT false,
	legal_basis	text NOT NULL DEFAULT '' CHECK (length(legal_basis) <= 500),
	active		boolean NOT NULL DEFAULT true,
	position	integer NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 9999),
	version		integer NOT NULL DEFAULT 1,
	created_at	timestamptz NOT NULL DEFAULT now()
);

-- The issue's list, with the law each enforcement power comes from.
INSERT INTO action_type (code, name, enforcement, legal_basis, position) VALUES
	('warning-letter', 'Warning letter', false, '', 10),
	('abc', 'Acceptable behaviour contract', false, '', 20),
	('cpw', 'Community Protection Warning', true,
	    'Anti-social Behaviour, Crime and Policing Act 2014, section 43', 30),
	('cpn', 'Community Protection Notice', true,
	    'Anti-social Behaviour, Crime and Policing Act 2014, section 43', 40),
	('pspo-fpn', 'PSPO fixed penalty', true,
	    'Anti-social Behaviour, Crime and Policing Act 2014, sections 59 and 68', 50),
	('civil-injunction', 'Civil injunction', true,
	    'Anti-social Behaviour, Crime and Policing Act 2014, section 1', 60),
	('respect-order', 'Respect Order', true, 'Crime and Policing Act 2025', 70),
	('youth-injunction', 'Youth Injunction', true,
	    'Crime and Policing Act 2025 (under 18s)', 80),
	('housing-injunction', 'Housing Injunction', true,
	    'Crime and Policing Act 2025 (housing)', 90),
	('closure-notice', 'Closure notice', true,
	    'Anti-social Behaviour, Crime and Policing Act 2014, section 76', 100),
	('closure-order', 'Closure order', true,
	    'Anti-social Behaviour, Crime and Policing Act 2014, section 80', 110),
	('cbo', 'Criminal behaviour order', true,
	    'Anti-social Behaviour, Crime and Policing Act 2014, section 22', 120),
	('dispersal', 'Dispersal direction', true,
	    'Anti-social Behaviour, Crime and Policing Act 2014, section 35', 130),
	('mediation', 'Mediation', false, '', 140),
	('restorative-justice', 'Restorative justice', false, '', 150),
	('support-referral', 'Support referral', false, '', 160),
	('patrol', 'Patrol', false, '', 170),
	('cctv', 'CCTV', false, '', 180),
	('target-hardening', 'Target hardening', false, '', 190),
	('other', 'Other', false, '', 200);

GRANT SELECT, INSERT, UPDATE ON action_type TO concord_app;
GRANT USAGE ON SEQUENCE action_type_id_seq TO concord_app;

-- A multi-agency case panel: when and where it met, who organised it. Seen
-- by the organising agency and the agencies that attended.
CREATE TABLE case_panel (
	id		bigserial PRIMARY KEY,
	held_at		timestamptz NOT NULL,
	location	text NOT NULL CHECK (length(location) BETWEEN 1 AND 200),
	agency_id	bigint NOT NULL REFERENCES agency (id),
	agencies	bigint[] NOT NULL DEFAULT '{}',
	created_at	timestamptz NOT NULL DEFAULT now(),
	created_by	bigint NOT NULL REFERENCES app_user (id),
	version		integer NOT NULL DEFAULT 1
);
CREATE INDEX case_panel_held ON case_panel (held_at DESC);

-- Who came from each agency: names as typed (not every attendee is a user).
CREATE TABLE case_panel_agency (
	panel_id	bigint NOT NULL REFERENCES case_panel (id),
	agency_id	bigint NOT NULL REFERENCES agency (id),
	attendees	text NOT NULL CHECK (length(attendees) BETWEEN 1 AND 2000),
	PRIMARY KEY (panel_id, agency_id)
);

-- The cases a panel discussed and what it decided on each.
CREATE TABLE case_panel_case (
	panel_id	bigint NOT NULL REFERENCES case_panel (id),
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	decisions	text NOT NULL DEFAULT '' CHECK (length(decisions) <= 10000),
	added_at	timestamptz NOT NULL DEFAULT now(),
	added_by	bigint NOT NULL REFERENCES app_user (id),
	PRIMARY KEY (panel_id, case_id)
);
CREATE INDEX case_panel_case_case ON case_panel_case (case_id);

-- An action of a case's plan. Its owner is an agency working the case
-- and a team or a person of it (the domain checks both); open with a due
-- date it is case work for the person, or the team when there is none.
CREATE TABLE case_action (
	id		bigserial PRIMARY KEY,
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	type_id		bigint NOT NULL REFERENCES action_type (id),
	title		text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	detail		text NOT NULL DEFAULT '' CHECK (length(detail) <= 10000),
	owner_agency_id	bigint NOT NULL REFERENCES agency (id),
	owner_team_id	bigint REFERENCES team (id),
	owner_user_id	bigint REFERENCES app_user (id),
	due_on		date,
	status		text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
	outcome		text NOT NULL DEFAULT '' CHECK (length(outcome) <= 10000),
	closed_at	timestamptz,
	closed_by	bigint REFERENCES app_user (id),
	created_at	timestamptz NOT NULL DEFAULT now(),
	created_by	bigint NOT NULL REFERENCES app_user (id),
	-- The panel that decided it, when one did.
	panel_id	bigint REFERENCES case_panel (id),
	-- An enforcement action's legal dates and conditions.
	served_on	date,
	expires_on	date,
	review_on	date,
	conditions	text NOT NULL DEFAULT '' CHECK (length(conditions) <= 10000),
	-- When its owner was told it is overdue: once (a new due date clears it).
	overdue_sent_at	timestamptz,
	version		integer NOT NULL DEFAULT 1,
	CHECK ((status = 'open') = (closed_at IS NULL)),
	CHECK (expires_on IS NULL OR served_on IS NULL OR expires_on >= served_on),
	CHECK (review_on IS NULL OR served_on IS NULL OR review_on >= served_on)
);
CREATE INDEX case_action_case ON case_action (case_id, status);
CREATE INDEX case_action_owner_user ON case_action (owner_user_id) WHERE status = 'open';
CREATE INDEX case_action_owner_team ON case_action (owner_team_id) WHERE status = 'open';
CREATE INDEX case_action_untold ON case_action (due_on)
    WHERE status = 'open' AND overdue_sent_at IS NULL AND due_on IS NOT NULL;
CREATE INDEX case_action_panel ON case_action (panel_id) WHERE panel_id IS NOT NULL;

-- A breach of an enforcement action's conditions: when, who reported it,
-- what happened, the incident it became (optional) and what was done.
CREATE TABLE case_action_breach (
	id		bigserial PRIMARY KEY,
	action_id	bigint NOT NULL REFERENCES case_action (id),
	occurred_on	date NOT NULL,
	reported_by	text NOT NULL CHECK (length(reported_by) BETWEEN 1 AND 200),
	description	text NOT NULL CHECK (length(description) BETWEEN 1 AND 10000),
	incident_id	bigint REFERENCES incident (id),
	response	text NOT NULL DEFAULT '' CHECK (length(response) <= 10000),
	recorded_at	timestamptz NOT NULL DEFAULT now(),
	recorded_by	bigint NOT NULL REFERENCES app_user (id)
);
CREATE INDEX case_action_breach_action ON case_action_breach (action_id);

-- Row security: an action and its breaches are seen through their case;
-- a panel by its organiser and the agencies that attended, and the cases
-- it discussed only where the case itself is seen.
ALTER TABLE case_action ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_action_through_case ON case_action FOR ALL TO concord_app
    USING (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id));
ALTER TABLE case_action_breach ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_action_breach_through_action ON case_action_breach FOR ALL TO concord_app
    USING (EXISTS (SELECT 1 FROM case_action a WHERE a.id = action_id))
    WITH CHECK (EXISTS (SELECT 1 FROM case_action a WHERE a.id = action_id));

CREATE FUNCTION case_panel_visible(organiser bigint, attended bigint[]) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT public.concord_agency() IS NOT NULL
	    AND (organiser = public.concord_agency() OR public.concord_agency() = ANY (attended))
$$;
GRANT EXECUTE ON FUNCTION case_panel_visible(bigint, bigint[]) TO PUBLIC;

ALTER TABLE case_panel ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_panel_read ON case_panel FOR SELECT TO concord_app
    USING (case_panel_visible(agency_id, agencies));
CREATE POLICY case_panel_create ON case_panel FOR INSERT TO concord_app
    WITH CHECK (agency_id = concord_agency());
CREATE POLICY case_panel_change ON case_panel FOR UPDATE TO concord_app
    USING (case_panel_visible(agency_id, agencies))
    WITH CHECK (case_panel_visible(agency_id, agencies));
ALTER TABLE case_panel_agency ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_panel_agency_through_panel ON case_panel_agency FOR ALL TO concord_app
    USING (EXISTS (SELECT 1 FROM case_panel p WHERE p.id = panel_id))
    WITH CHECK (EXISTS (SELECT 1 FROM case_panel p WHERE p.id = panel_id));
ALTER TABLE case_panel_case ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_panel_case_through_both ON case_panel_case FOR ALL TO concord_app
    USING (EXISTS (SELECT 1 FROM case_panel p WHERE p.id = panel_id)
        AND EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM case_panel p WHERE p.id = panel_id)
        AND EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id));

GRANT SELECT, INSERT, UPDATE ON case_action, case_panel, case_panel_case TO concord_app;
GRANT SELECT, INSERT ON case_action_breach, case_panel_agency TO concord_app;
GRANT USAGE ON SEQUENCE case_action_id_seq, case_action_breach_id_seq, case_panel_id_seq
    TO concord_app;

-- The one rule of an action's clock (domain/action_clock.c is the same
-- rule for the pages): an open action is overdue from the start of the
-- day after its due date, London time; done or cancelled, never.
CREATE FUNCTION case_action_due_at(due date) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
	SELECT ((due + 1)::timestamp AT TIME ZONE 'Europe/London')
$$;
GRANT EXECUTE ON FUNCTION case_action_due_at(date) TO PUBLIC;

-- Case work: open actions with a due date on open cases, for the owner
-- person, or the owner team when there is none. due_at is when it falls
-- overdue (the end of the due day, London time). Row security of the
-- tables applies to whoever reads it (security_invoker; the coordinator
-- sets the same on case_work when merging, brief UPDATE 1).
CREATE OR REPLACE VIEW case_work_action WITH (security_invoker = true) AS
    SELECT a.case_id, NULL::bigint AS application_id, 'action'::text AS kind,
        (CASE WHEN strpos(lower(a.title), lower(t.name)) > 0 THEN a.title
            ELSE t.name || ': ' || a.title END || ' due')::text AS label,
        case_action_due_at(a.due_on) AS due_at, a.owner_user_id AS user_id,
        a.owner_team_id AS team_id, a.owner_agency_id AS agency_id,
        ('/staff/actions/' || a.id)::text AS path
    FROM case_action a
    JOIN action_type t ON t.id = a.type_id
    JOIN monitored_case c ON c.id = a.case_id
    WHERE a.status = 'open' AND a.due_on IS NOT NULL AND c.status = 'open';

-- Overdue actions, told to their owner once: the owner person's address,
-- or, with no person, the team's (overdue_recipients: its address or its
-- active members). One notify job per recipient listing their actions,
-- each marked (overdue_sent_at) in the same statement, locked as taken
-- so that two sweeps never tell twice. An action with no one to tell
-- stays unmarked until there is someone. Returns, per team (the owner's
-- team, or the owner person's own team; NULL for none), the actions told
-- and the jobs.
CREATE FUNCTION case_action_overdue_sweep(queue_url text)
RETURNS TABLE (team_id bigint, items integer, jobs bigint[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	WITH who_person AS (
		SELECT u.id AS user_id, lower(u.email) AS addr, u.team_id
		FROM app_user u
		WHERE u.disabled_at IS NULL AND u.email ~ '^[^@[:space:]]+@[^@[:space:]]+$'
	), team_who AS (
		SELECT * FROM overdue_recipients()
	), due AS (
		SELECT a.id
		FROM case_action a JOIN monitored_case c ON c.id = a.case_id
		WHERE a.status = 'open' AND a.due_on IS NOT NULL AND a.overdue_sent_at IS NULL
		  AND c.status = 'open' AND now() >= case_action_due_at(a.due_on)
		  AND (EXISTS (SELECT 1 FROM who_person p WHERE p.user_id = a.owner_user_id)
		    OR (a.owner_user_id IS NULL
		        AND EXISTS (SELECT 1 FROM team_who w WHERE w.team_id = a.owner_team_id)))
		FOR UPDATE OF a SKIP LOCKED
	), marked AS (
		UPDATE case_action a SET overdue_sent_at = now()
		FROM due d WHERE a.id = d.id
		RETURNING a.id, a.case_id, a.type_id, a.title, a.due_on, a.owner_user_id,
		    a.owner_team_id
	), told AS (
		-- Each action with each address it goes to.
		SELECT m.*, p.addr, coalesce(m.owner_team_id, p.team_id) AS team
		FROM marked m JOIN who_person p ON p.user_id = m.owner_user_id
		UNION ALL
		SELECT m.*, w.addr, m.owner_team_id
		FROM marked m JOIN team_who w ON w.team_id = m.owner_team_id
		WHERE m.owner_user_id IS NULL
	), line AS (
		SELECT t.addr, t.team, t.id,
		    row_number() OVER (PARTITION BY t.addr ORDER BY t.due_on, t.id) AS n,
		    format('%s | %s: %s | due %s, overdue by %s | %s/staff/actions/%s',
		        c.reference, ty.name, t.title, to_char(t.due_on, 'FMDD Mon YYYY'),
		        overdue_words(now() - case_action_due_at(t.due_on)), queue_url, t.id)
		        AS text
		FROM told t JOIN monitored_case c ON c.id = t.case_id
		JOIN action_type ty ON ty.id = t.type_id
	), notice AS (
		SELECT l.addr, min(l.team) AS team, count(*)::integer AS items,
		    array_agg(l.id ORDER BY l.id) AS actions,
		    string_agg(l.text, E'\n' ORDER BY l.n) FILTER (WHERE l.n <= 100) ||
		    CASE WHEN count(*) > 100 THEN format(E'\n... and %s more: see your case work.',
		        count(*) - 100) ELSE '' END AS list
		FROM line l GROUP BY l.addr
	), sent AS (
		INSERT INTO outbox (type, payload)
		SELECT 'notify', jsonb_build_object('to', n.addr,
		    'subject', format('Overdue: %s case %s', n.items,
		        CASE WHEN n.items = 1 THEN 'action' ELSE 'actions' END),
		    'body', format(E'%s of a monitored case%s went past %s due date:\n\n%s\n\n'
		        'Your case work: %s/staff/cases/mine\n\n'
		        'Each action is told once, when it goes overdue (the day after '
		        'its due date).\n',
		        CASE WHEN n.items = 1 THEN 'This action' ELSE format('These %s actions',
		            n.items) END,
		        CASE WHEN n.items = 1 THEN '' ELSE 's' END,
		        CASE WHEN n.items = 1 THEN 'its' ELSE 'their' END, n.list, queue_url))
		FROM notice n
		RETURNING id, payload->>'to' AS addr
	), au AS (
		INSERT INTO audit_event (entity, entity_id, action, after, reason)
		SELECT 'monitored_case', m.case_id::text, 'action_overdue_notice',
		    jsonb_build_object('actions', array_agg(m.id ORDER BY m.id)),
		    'actions went past their due date'
		FROM marked m GROUP BY m.case_id
		RETURNING 1
	), ev AS (
		INSERT INTO case_event (case_id, kind, summary, detail)
		SELECT m.case_id, 'action_overdue',
		    format('Overdue, owner told: %s', m.title),
		    jsonb_build_object('action', m.id)
		FROM marked m
		RETURNING 1
	)
	SELECT n.team, sum(n.items)::integer,
	    coalesce(array_agg(s.id ORDER BY s.id) FILTER (WHERE s.id IS NOT NULL), '{}')
	FROM notice n LEFT JOIN sent s ON s.addr = n.addr
	GROUP BY n.team
	ORDER BY n.team;
END
$$;
REVOKE ALL ON FUNCTION case_action_overdue_sweep(text) FROM PUBLIC;

-- The worker's one sweep (jobs/overdue.c, domain/overdue.c) tells of
-- overdue queue items (0045's, unchanged under its new name) and of
-- overdue case actions, in one call: the same entry point, not a second
-- sweep.
ALTER FUNCTION overdue_sweep(integer[], integer[], text) RENAME TO overdue_sweep_queues;
CREATE FUNCTION overdue_sweep(triage_hours integer[], action_hours integer[],
    queue_url text)
RETURNS TABLE (team_id bigint, items integer, jobs bigint[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	RETURN QUERY SELECT * FROM overdue_sweep_queues(triage_hours, action_hours, queue_url);
	RETURN QUERY SELECT * FROM case_action_overdue_sweep(queue_url);
END
$$;
REVOKE ALL ON FUNCTION overdue_sweep(integer[], integer[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION overdue_sweep(integer[], integer[], text) TO concord_worker;
