-- Allocation (issue 11): areas in versions, each beat with its
-- neighbourhood team and each council area with its council team; the
-- ordered routing rules that add specialist queues; the allocations of
-- each incident with the reason for each; team queues with claim, assign,
-- triage and the first action; and the clocks (reported, triaged, first
-- action) that are set once.
--
-- One rule, one place: the plan (fcgi/domain/routing.c, from the facts
-- allocation_incident_facts or allocation_area_facts give) says which
-- queues an incident goes to and why — the intake at creation, the rules
-- page's "try it" box and the benchmark all use it; allocation_write
-- writes what it says for one incident, in the caller's transaction.

-- A history import's channel (concordctl import police-uk). Added here,
-- used only by later transactions.
ALTER TYPE incident_channel ADD VALUE IF NOT EXISTS 'import';

-- ---------------------------------------------------------------------------
-- Areas in versions. An import replaces the current areas of one kind and
-- one agency: the new rows are inserted and the old ones retired, so an
-- incident allocated before keeps the area (and its name) it was given.

CREATE TABLE area_import (
	id		bigserial PRIMARY KEY,
	kind		text NOT NULL CHECK (kind IN ('beat', 'council-area')),
	agency_id	bigint REFERENCES agency(id),
	file_name	text NOT NULL,
	sha256		text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	-- What the import found: {"areas": n, "repaired": [...],
	-- "overlaps": [...], "gaps": [...]} (fcgi/ctl/areas.c).
	report		jsonb NOT NULL DEFAULT '{}',
	imported_at	timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE beat
	ADD COLUMN import_id bigint REFERENCES area_import(id),
	ADD COLUMN retired_at timestamptz,
	ADD COLUMN team_id bigint REFERENCES team(id);
ALTER TABLE la_area
	ADD COLUMN import_id bigint REFERENCES area_import(id),
	ADD COLUMN retired_at timestamptz,
	ADD COLUMN team_id bigint REFERENCES team(id);

-- A code names one current area of an agency; retired versions keep theirs.
ALTER TABLE beat DROP CONSTRAINT beat_code_key;
ALTER TABLE la_area DROP CONSTRAINT la_area_code_key;
CREATE UNIQUE INDEX beat_code_current ON beat (agency_id, code) WHERE retired_at IS NULL;
CREATE UNIQUE INDEX la_area_code_current ON la_area (agency_id, code) WHERE retired_at IS NULL;
-- Point in polygon looks only at current areas.
DROP INDEX beat_geom;
DROP INDEX la_area_geom;
CREATE INDEX beat_geom_current ON beat USING gist (geom) WHERE retired_at IS NULL;
CREATE INDEX la_area_geom_current ON la_area USING gist (geom) WHERE retired_at IS NULL;

GRANT SELECT ON area_import TO concord_app;

-- ---------------------------------------------------------------------------
-- Teams: where a queue's notices go, and the force's manual triage queue.

ALTER TABLE team ADD COLUMN email text
	CHECK (email IS NULL OR email ~ '^[^@[:space:]]+@[^@[:space:]]+$');
-- No location, or a point outside every beat: this team triages it.
ALTER TABLE agency ADD COLUMN triage_team_id bigint REFERENCES team(id);

-- The answer to a question that says young people are involved ("yes"
-- to "Did any of them look under 18?"): the youth flag routing rules use.
ALTER TABLE question ADD COLUMN youth_answer text;
UPDATE question SET youth_answer = 'yes'
WHERE key IN ('under_18', 'children_involved') AND kind = 'yes_no';

-- ---------------------------------------------------------------------------
-- Routing rules, tried in order of position. A rule matches when every
-- condition it has holds (an empty list is no condition; within a list,
-- any one value will do; every flag listed must be raised). Every
-- matching rule adds its teams, up to and including the first matching
-- rule that says stop.

CREATE TABLE routing_rule (
	id		bigserial PRIMARY KEY,
	position	integer NOT NULL CHECK (position > 0),
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	type_codes	text[] NOT NULL DEFAULT '{}',
	categories	asb_category[] NOT NULL DEFAULT '{}',
	flags		text[] NOT NULL DEFAULT '{}' CHECK (flags <@ ARRAY['youth',
	    'hate', 'vulnerable', 'repeat_location', 'repeat_victim', 'urgent']),
	channels	incident_channel[] NOT NULL DEFAULT '{}',
	-- The agency that reported it (the incident's owner: a housing
	-- provider's reports are its own).
	agency_ids	bigint[] NOT NULL DEFAULT '{}',
	-- A beat's or a council area's code.
	area_codes	text[] NOT NULL DEFAULT '{}',
	team_ids	bigint[] NOT NULL CHECK (cardinality(team_ids) BETWEEN 1 AND 20),
	stop		boolean NOT NULL DEFAULT false,
	-- The plan reads at most 64 values of a condition (ROUTE_LIST_MAX).
	CHECK (cardinality(type_codes) <= 64 AND cardinality(categories) <= 64
	    AND cardinality(channels) <= 64 AND cardinality(agency_ids) <= 64
	    AND cardinality(area_codes) <= 64),
	-- Deleted rules stay, so that an allocation still names its rule.
	deleted_at	timestamptz,
	updated_at	timestamptz NOT NULL DEFAULT now(),
	updated_by	bigint REFERENCES app_user(id)
);
CREATE UNIQUE INDEX routing_rule_position ON routing_rule (position)
	WHERE deleted_at IS NULL;
GRANT SELECT, INSERT, UPDATE ON routing_rule TO concord_app;
GRANT USAGE ON SEQUENCE routing_rule_id_seq TO concord_app;

-- ---------------------------------------------------------------------------
-- The allocations of an incident: one row per queue it is in, current
-- while ended_at is NULL. A reallocation ends a row and starts another.

CREATE TABLE incident_allocation (
	id		bigserial PRIMARY KEY,
	incident_id	bigint NOT NULL REFERENCES incident(id),
	team_id		bigint NOT NULL REFERENCES team(id),
	kind		text NOT NULL CHECK (kind IN ('neighbourhood', 'council',
	    'specialist', 'triage', 'reallocated')),
	beat_id		bigint REFERENCES beat(id),
	la_area_id	bigint REFERENCES la_area(id),
	rule_id		bigint REFERENCES routing_rule(id),
	-- Why, in words: "In beat Bassishaw (E05000030): its neighbourhood
	-- team", "Rule 2 “Youth”: the youth flag".
	reason		text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
	-- An address and no point: the point is to be set here.
	location_to_confirm boolean NOT NULL DEFAULT false,
	assigned_to	bigint REFERENCES app_user(id),
	assigned_at	timestamptz,
	triage		text CHECK (triage IN ('accepted', 'nfa')),
	triaged_at	timestamptz,
	triaged_by	bigint REFERENCES app_user(id),
	first_action_at	timestamptz,
	created_at	timestamptz NOT NULL DEFAULT now(),
	created_by	bigint REFERENCES app_user(id),
	ended_at	timestamptz,
	ended_by	bigint REFERENCES app_user(id),
	ended_reason	text CHECK (length(ended_reason) BETWEEN 1 AND 2000),
	replaced_by	bigint REFERENCES incident_allocation(id),
	-- The worker told the team once that it went overdue.
	triage_overdue_sent_at	timestamptz,
	action_overdue_sent_at	timestamptz,
	CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
);
CREATE UNIQUE INDEX incident_allocation_current
	ON incident_allocation (incident_id, team_id) WHERE ended_at IS NULL;
CREATE INDEX incident_allocation_team
	ON incident_allocation (team_id) WHERE ended_at IS NULL;
CREATE INDEX incident_allocation_assigned
	ON incident_allocation (assigned_to) WHERE ended_at IS NULL;
CREATE INDEX incident_allocation_incident ON incident_allocation (incident_id);
GRANT SELECT, INSERT, UPDATE ON incident_allocation TO concord_app;
GRANT USAGE ON SEQUENCE incident_allocation_id_seq TO concord_app;

-- What was done in the queues, for the incident's timeline: allocated,
-- reallocated, claimed, assigned, accepted, nfa (no further action),
-- first_action, location_set.
CREATE TABLE queue_event (
	id		bigserial PRIMARY KEY,
	incident_id	bigint NOT NULL REFERENCES incident(id),
	allocation_id	bigint REFERENCES incident_allocation(id),
	kind		text NOT NULL CHECK (kind IN ('allocated', 'reallocated',
	    'claimed', 'assigned', 'accepted', 'nfa', 'first_action', 'location_set')),
	team_id		bigint REFERENCES team(id),
	user_id		bigint REFERENCES app_user(id),
	reason		text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
	at		timestamptz NOT NULL DEFAULT now(),
	created_by	bigint REFERENCES app_user(id)
);
CREATE INDEX queue_event_incident ON queue_event (incident_id, at);
GRANT SELECT, INSERT ON queue_event TO concord_app;
GRANT USAGE ON SEQUENCE queue_event_id_seq TO concord_app;

-- ---------------------------------------------------------------------------
-- The clocks: reported_at is the incident's; triaged_at and
-- first_action_at are set once, by the first triage and the first action.

ALTER TABLE incident
	ADD COLUMN triaged_at timestamptz,
	ADD COLUMN first_action_at timestamptz;

CREATE FUNCTION incident_clocks_once() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.reported_at IS DISTINCT FROM NEW.reported_at
	   OR (OLD.triaged_at IS NOT NULL
	       AND OLD.triaged_at IS DISTINCT FROM NEW.triaged_at)
	   OR (OLD.first_action_at IS NOT NULL
	       AND OLD.first_action_at IS DISTINCT FROM NEW.first_action_at) THEN
		RAISE EXCEPTION 'an incident''s clocks are set once'
		    USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER incident_clocks_once BEFORE UPDATE OF reported_at, triaged_at,
    first_action_at ON incident FOR EACH ROW EXECUTE FUNCTION incident_clocks_once();

-- ---------------------------------------------------------------------------
-- Which flags an incident has, as routing rules name them.
CREATE FUNCTION incident_route_flags(incident bigint)
RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	RETURN (SELECT array_remove(ARRAY[
	    CASE WHEN i.urgent THEN 'urgent' END,
	    CASE WHEN i.vulnerable THEN 'vulnerable' END,
	    CASE WHEN i.hate THEN 'hate' END,
	    CASE WHEN i.repeat_location THEN 'repeat_location' END,
	    CASE WHEN i.repeat_victim THEN 'repeat_victim' END,
	    CASE WHEN EXISTS (
	        SELECT 1 FROM (SELECT i.answers UNION ALL
	            SELECT r.answers FROM report r WHERE r.incident_id = i.id) s (answers)
	        CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(s.answers) = 'object'
	            THEN s.answers ELSE '{}' END) a
	        JOIN question q ON q.asb_type_id = i.asb_type_id AND q.key = a.key
	        -- A report keeps {"answer": ..., "question": ...}; a staff
	        -- channel's incident the value alone.
	        WHERE q.youth_answer IS NOT NULL AND q.youth_answer = CASE
	            jsonb_typeof(a.value) WHEN 'object' THEN a.value ->> 'answer'
	            WHEN 'string' THEN a.value #>> '{}' END)
	      OR EXISTS (
	        SELECT 1 FROM incident_person ip JOIN person p ON p.id = ip.person_id
	        WHERE ip.incident_id = i.id AND ip.role = 'subject'
	          AND p.date_of_birth > (coalesce(i.occurred_at, i.reported_at)
	              AT TIME ZONE 'Europe/London')::date - interval '18 years')
	      THEN 'youth' END], NULL)
	FROM incident i WHERE i.id = incident_route_flags.incident);
END
$$;

-- The routing rules' version: bumped by every change of a rule or a team
-- (a rule's teams count only while active), so that a worker keeps the
-- rules it read until they change.
CREATE TABLE routing_version (n bigint NOT NULL);
INSERT INTO routing_version VALUES (1);
GRANT SELECT ON routing_version TO concord_app;

CREATE FUNCTION routing_version_bump() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	UPDATE routing_version SET n = n + 1;
	RETURN NULL;
END
$$;
CREATE TRIGGER routing_rule_version AFTER INSERT OR UPDATE OR DELETE ON routing_rule
    FOR EACH STATEMENT EXECUTE FUNCTION routing_version_bump();
CREATE TRIGGER team_routing_version AFTER INSERT OR UPDATE OR DELETE ON team
    FOR EACH STATEMENT EXECUTE FUNCTION routing_version_bump();

-- The routing rules in order, each with its active teams only, as JSON
-- (fcgi/domain/allocate.c reads them).
CREATE FUNCTION routing_rules_json()
RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'position', r.position,
	    'name', r.name, 'types', r.type_codes, 'categories', r.categories,
	    'flags', r.flags, 'channels', r.channels, 'agencies', r.agency_ids,
	    'areas', r.area_codes, 'stop', r.stop,
	    'teams', ARRAY(SELECT t.id FROM unnest(r.team_ids) WITH ORDINALITY u (id, o)
	        JOIN team t ON t.id = u.id AND t.active ORDER BY u.o))
	    ORDER BY r.position), '[]')
	FROM routing_rule r WHERE r.deleted_at IS NULL
$$;

-- What allocation needs to know of a beat and a council area (found by
-- area_locate's rule, domain/area.h): each area's team while it is active,
-- the force's manual triage queue (the partnership's first core, active
-- police agency's triage_team_id), and the rules' version, with the rules
-- (routing_rules_json) unless the caller holds that version already. The
-- plan itself is C (fcgi/domain/routing.c): rules are a handful of rows,
-- and matching them in the worker keeps allocation as cheap as the
-- point-in-polygon look-up (scripts/bench allocate). Reference data only,
-- and plain SQL so that the planner inlines it into its caller.
CREATE FUNCTION allocation_area_facts(beat bigint, area bigint, known bigint)
RETURNS TABLE (beat_code text, beat_name text, beat_team bigint, area_code text,
    area_name text, area_team bigint, triage_team bigint, version bigint, rules jsonb)
LANGUAGE sql STABLE AS $$
	SELECT b.code, b.name, bt.id, a.code, a.name, at.id,
	    (SELECT t.id FROM agency g JOIN team t ON t.id = g.triage_team_id AND t.active
	     WHERE g.kind = 'police' AND g.core_partner AND g.active ORDER BY g.id LIMIT 1),
	    v.n, CASE WHEN v.n IS DISTINCT FROM known THEN routing_rules_json() END
	FROM routing_version v
	LEFT JOIN beat b ON b.id = allocation_area_facts.beat
	LEFT JOIN team bt ON bt.id = b.team_id AND bt.active
	LEFT JOIN la_area a ON a.id = allocation_area_facts.area
	LEFT JOIN team at ON at.id = a.team_id AND at.active
$$;

-- The same for an incident, with what the rules ask of it: its type and
-- category, flags, channel and reporting agency (its owner), and whether
-- it has a point and an address. SECURITY DEFINER: the intake allocates a
-- report as its incident's owner, and the flags read its reports.
CREATE FUNCTION allocation_incident_facts(incident bigint, known bigint)
RETURNS TABLE (beat_id bigint, beat_code text, beat_name text, beat_team bigint,
    area_id bigint, area_code text, area_name text, area_team bigint,
    triage_team bigint, version bigint, rules jsonb, has_point boolean, has_address boolean,
    type_code text, category text, flags text[], channel text, agency bigint,
    agency_name text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	-- PL/pgSQL keeps the plan for the session: a SQL function's is made
	-- again at every call.
	RETURN QUERY
	SELECT i.beat_id, f.beat_code, f.beat_name, f.beat_team, i.la_area_id,
	    f.area_code, f.area_name, f.area_team, f.triage_team, f.version, f.rules,
	    i.location IS NOT NULL, coalesce(i.address, i.postcode, '') <> '',
	    t.code, t.category::text, incident_route_flags(i.id), i.channel::text,
	    i.owning_agency_id, g.name
	FROM incident i
	JOIN asb_type t ON t.id = i.asb_type_id
	JOIN agency g ON g.id = i.owning_agency_id
	CROSS JOIN LATERAL allocation_area_facts(i.beat_id, i.la_area_id, known) f
	WHERE i.id = allocation_incident_facts.incident;
END
$$;

-- Writes an incident's allocations as the plan made them (plan: a JSON
-- array of {team, kind, beat, area, rule, ltc, reason}, in the plan's
-- order), in the caller's transaction: each team not already holding it
-- gets an allocation and a timeline event. The incident row is not
-- written (an update of it costs more than the allocation itself: its
-- indexes and triggers); its team is its first current allocation's, an
-- area's or triage's before a rule's. ending_reason: when the point of an
-- incident without one is set, its allocations for want of a location
-- (location to confirm, manual triage) end first, with this reason.
-- Returns what it made, as JSON, for the audit row. SECURITY DEFINER:
-- allocation places an incident with other agencies' teams.
CREATE FUNCTION allocation_write(incident bigint, ending_reason text, plan jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	actor bigint := nullif(nullif(current_setting('concord.user_id', true), ''), '0')::bigint;
	made jsonb;
BEGIN
	PERFORM concord_actor_required();
	-- One allocation of an incident at a time: the check for a team
	-- already holding it below is then safe.
	PERFORM 1 FROM incident x WHERE x.id = allocation_write.incident FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no incident %', allocation_write.incident;
	END IF;
	IF ending_reason IS NOT NULL THEN
		UPDATE incident_allocation SET ended_at = now(), ended_by = actor,
		    ended_reason = ending_reason
		WHERE incident_id = allocation_write.incident AND ended_at IS NULL
		  AND (location_to_confirm OR kind = 'triage');
	END IF;
	WITH plan AS (
		SELECT * FROM ROWS FROM (jsonb_to_recordset(allocation_write.plan)
		    AS (team bigint, kind text, beat bigint, area bigint, rule bigint,
		    ltc boolean, reason text)) WITH ORDINALITY AS p (team, kind, beat,
		    area, rule, ltc, reason, n)
	), ins AS (
		INSERT INTO incident_allocation (incident_id, team_id, kind, beat_id,
		    la_area_id, rule_id, reason, location_to_confirm, created_by)
		SELECT allocation_write.incident, p.team, p.kind, nullif(p.beat, 0),
		    nullif(p.area, 0), nullif(p.rule, 0),
		    p.reason, p.ltc, actor
		FROM plan p
		WHERE NOT EXISTS (SELECT 1 FROM incident_allocation c
		    WHERE c.incident_id = allocation_write.incident AND c.team_id = p.team
		      AND c.ended_at IS NULL)
		ORDER BY p.n
		RETURNING id, team_id, kind, rule_id, reason, location_to_confirm
	), ev AS (
		INSERT INTO queue_event (incident_id, allocation_id, kind, team_id, reason,
		    created_by)
		SELECT allocation_write.incident, ins.id, 'allocated', ins.team_id,
		    ins.reason, actor FROM ins
	)
	SELECT coalesce(jsonb_agg(jsonb_build_object('allocation', ins.id,
	    'team', ins.team_id, 'kind', ins.kind, 'rule', ins.rule_id,
	    'reason', ins.reason, 'location_to_confirm', ins.location_to_confirm)
	    ORDER BY ins.id), '[]')
	INTO made FROM ins;
	RETURN made;
END
$$;

REVOKE ALL ON FUNCTION incident_route_flags(bigint),
    allocation_area_facts(bigint, bigint, bigint), allocation_incident_facts(bigint, bigint),
    allocation_write(bigint, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION incident_route_flags(bigint),
    allocation_area_facts(bigint, bigint, bigint), allocation_incident_facts(bigint, bigint),
    allocation_write(bigint, text, jsonb) TO concord_app;

-- When a clock's target falls: the report time and the hours its risk level
-- allows, hours being {standard, medium, high} (the config's
-- triage_hours_* or action_hours_*, domain/clocks.h). An incident not yet
-- assessed counts as standard.
CREATE FUNCTION clock_due(reported timestamptz, risk risk_level, hours integer[])
RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$
	SELECT reported + make_interval(hours => hours[CASE risk WHEN 'high' THEN 3
	    WHEN 'medium' THEN 2 ELSE 1 END])
$$;
GRANT EXECUTE ON FUNCTION clock_due(timestamptz, risk_level, integer[]) TO PUBLIC;
