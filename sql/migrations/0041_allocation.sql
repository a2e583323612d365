-- Allocation (issue 11): areas in versions, each beat with its
-- neighbourhood team and each council area with its council team; the
-- ordered routing rules that add specialist queues; the allocations of
-- each incident with the reason for each; team queues with claim, assign,
-- triage and the first action; and the clocks (reported, triaged, first
-- action) that are set once.
--
-- One rule, one place: allocation_plan says which queues an incident with
-- these facts goes to and why (the intake at creation, the rules page's
-- "try it" box and the benchmark all call it); allocate_incident writes
-- what it says for one incident, in the caller's transaction.

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
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT array_remove(ARRAY[
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
	        WHERE q.youth_answer IS NOT NULL AND jsonb_typeof(a.value) = 'object'
	          AND a.value ->> 'answer' = q.youth_answer)
	      OR EXISTS (
	        SELECT 1 FROM incident_person ip JOIN person p ON p.id = ip.person_id
	        WHERE ip.incident_id = i.id AND ip.role = 'subject'
	          AND p.date_of_birth > (coalesce(i.occurred_at, i.reported_at)
	              AT TIME ZONE 'Europe/London')::date - interval '18 years')
	      THEN 'youth' END], NULL)
	FROM incident i WHERE i.id = incident_route_flags.incident
$$;

-- Which queues an incident with these facts goes to, and why: one row per
-- team, the neighbourhood team first. beat and area are the incident's
-- (area_locate found them); has_point false with an address means the
-- location is to be confirmed. The force is the partnership's first core,
-- active police agency, whose triage_team_id takes what no beat does.
CREATE FUNCTION allocation_plan(beat bigint, area bigint, has_point boolean,
    has_address boolean, type_id bigint, flags text[], channel incident_channel,
    agency bigint)
RETURNS TABLE (kind text, team_id bigint, team_name text, beat_id bigint,
    la_area_id bigint, rule_id bigint, location_to_confirm boolean, reason text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	WITH b AS (
		SELECT x.id, x.code, x.name, x.team_id FROM beat x
		JOIN team t ON t.id = x.team_id AND t.active
		WHERE x.id = allocation_plan.beat
	), a AS (
		SELECT l.id, l.code, l.name, l.team_id FROM la_area l
		JOIN team t ON t.id = l.team_id AND t.active
		WHERE l.id = allocation_plan.area
	), force AS (
		SELECT g.triage_team_id AS team_id FROM agency g
		JOIN team t ON t.id = g.triage_team_id AND t.active
		WHERE g.kind = 'police' AND g.core_partner AND g.active
		ORDER BY g.id LIMIT 1
	), ty AS (
		SELECT t.code, t.category FROM asb_type t WHERE t.id = allocation_plan.type_id
	), codes AS (
		SELECT array_remove(ARRAY[(SELECT code FROM beat WHERE id = allocation_plan.beat),
		    (SELECT code FROM la_area WHERE id = allocation_plan.area)], NULL) AS c
	), matched AS (
		SELECT r.* FROM routing_rule r, ty, codes
		WHERE r.deleted_at IS NULL
		  AND (r.type_codes = '{}' OR ty.code = ANY (r.type_codes))
		  AND (r.categories = '{}' OR ty.category = ANY (r.categories))
		  AND r.flags <@ coalesce(allocation_plan.flags, '{}')
		  AND (r.channels = '{}' OR allocation_plan.channel = ANY (r.channels))
		  AND (r.agency_ids = '{}' OR allocation_plan.agency = ANY (r.agency_ids))
		  AND (r.area_codes = '{}' OR r.area_codes && codes.c)
	), upto AS (
		SELECT m.* FROM matched m
		WHERE m.position <= coalesce((SELECT min(position) FROM matched WHERE stop),
		    2147483647)
	), rows AS (
		SELECT 1 AS o, 'neighbourhood'::text AS kind, b.team_id, b.id AS beat_id,
		    NULL::bigint AS la_area_id, NULL::bigint AS rule_id, false AS ltc,
		    format('In beat %s (%s): its neighbourhood team', b.name, b.code) AS reason
		FROM b
		UNION ALL
		SELECT 2, 'council', a.team_id, NULL, a.id, NULL,
		    NOT has_point AND has_address,
		    CASE WHEN has_point
		        THEN format('In council area %s (%s): its council team', a.name, a.code)
		        ELSE format('Address in council area %s (%s), no point: location to confirm',
		            a.name, a.code) END
		FROM a
		UNION ALL
		SELECT 3, 'triage', f.team_id, NULL, NULL, NULL, NOT has_point AND has_address,
		    CASE WHEN NOT has_point AND has_address
		        THEN 'An address and no point: location to confirm'
		        WHEN NOT has_point THEN 'No location given: manual triage'
		        ELSE 'The point is outside every beat: manual triage' END
		FROM force f
		WHERE NOT EXISTS (SELECT 1 FROM b)
		  AND (has_point OR NOT EXISTS (SELECT 1 FROM a))
		UNION ALL
		SELECT 4 + u.position, 'specialist', t.id, NULL, NULL, u.id, false,
		    format('Rule %s “%s”', u.position, u.name) ||
		    CASE WHEN u.type_codes || u.categories::text[] || u.flags ||
		        u.channels::text[] || u.area_codes = '{}' AND u.agency_ids = '{}'
		        THEN ': every incident' ELSE ': ' || concat_ws('; ',
		        CASE WHEN u.type_codes <> '{}' THEN 'type ' || (SELECT code FROM ty) END,
		        CASE WHEN u.categories <> '{}' THEN 'category ' || (SELECT category FROM ty) END,
		        CASE WHEN u.flags <> '{}' THEN 'flags ' || array_to_string(u.flags, ', ') END,
		        CASE WHEN u.channels <> '{}' THEN 'channel ' || allocation_plan.channel END,
		        CASE WHEN u.agency_ids <> '{}' THEN 'reported by ' ||
		            (SELECT name FROM agency WHERE id = allocation_plan.agency) END,
		        CASE WHEN u.area_codes <> '{}' THEN 'area ' ||
		            array_to_string(ARRAY(SELECT unnest(u.area_codes)
		                INTERSECT SELECT unnest(codes.c)), ', ') END) END
		FROM upto u CROSS JOIN codes
		CROSS JOIN LATERAL unnest(u.team_ids) AS tid (id)
		JOIN team t ON t.id = tid.id AND t.active
	)
	SELECT d.kind, d.team_id, t.name, d.beat_id, d.la_area_id, d.rule_id, d.ltc, d.reason
	FROM (SELECT DISTINCT ON (r.team_id) r.* FROM rows r ORDER BY r.team_id, r.o) d
	JOIN team t ON t.id = d.team_id
	ORDER BY d.o
$$;

-- Allocates one incident as allocation_plan says, in the caller's
-- transaction: its allocations (each team once: an area's team first,
-- then a rule's), the events for its timeline, and the incident's own
-- team (its first allocation's). Returns the allocations made as a JSON
-- array for the audit row. An incident whose location was to be confirmed
-- (reason given) has those allocations ended first. SECURITY DEFINER:
-- allocation places an incident with teams of other agencies.
CREATE FUNCTION allocate_incident(incident bigint, ending_reason text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	i record;
	actor bigint := nullif(nullif(current_setting('concord.user_id', true), ''), '0')::bigint;
	made jsonb;
BEGIN
	PERFORM concord_actor_required();
	SELECT x.id, x.beat_id, x.la_area_id, x.location IS NOT NULL AS has_point,
	    coalesce(x.address, x.postcode, '') <> '' AS has_address, x.asb_type_id,
	    x.channel, x.owning_agency_id
	INTO i FROM incident x WHERE x.id = allocate_incident.incident FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no incident %', allocate_incident.incident;
	END IF;
	IF ending_reason IS NOT NULL THEN
		UPDATE incident_allocation SET ended_at = now(), ended_by = actor,
		    ended_reason = ending_reason
		WHERE incident_id = i.id AND ended_at IS NULL AND location_to_confirm;
	END IF;
	WITH plan AS (
		SELECT p.*, row_number() OVER () AS n
		FROM allocation_plan(i.beat_id, i.la_area_id, i.has_point, i.has_address,
		    i.asb_type_id, incident_route_flags(i.id), i.channel,
		    i.owning_agency_id) p
	), ins AS (
		INSERT INTO incident_allocation (incident_id, team_id, kind, beat_id,
		    la_area_id, rule_id, reason, location_to_confirm, created_by)
		SELECT i.id, p.team_id, p.kind, p.beat_id, p.la_area_id, p.rule_id,
		    p.reason, p.location_to_confirm, actor
		FROM plan p
		WHERE NOT EXISTS (SELECT 1 FROM incident_allocation c
		    WHERE c.incident_id = i.id AND c.team_id = p.team_id AND c.ended_at IS NULL)
		ORDER BY p.n
		RETURNING id, team_id, kind, rule_id, reason, location_to_confirm
	), ev AS (
		INSERT INTO queue_event (incident_id, allocation_id, kind, team_id, reason,
		    created_by)
		SELECT i.id, ins.id, 'allocated', ins.team_id, ins.reason, actor FROM ins
		RETURNING 1
	)
	SELECT coalesce(jsonb_agg(jsonb_build_object('allocation', ins.id,
	    'team', ins.team_id, 'kind', ins.kind, 'rule', ins.rule_id,
	    'reason', ins.reason, 'location_to_confirm', ins.location_to_confirm)
	    ORDER BY ins.id), '[]')
	INTO made FROM ins;
	UPDATE incident x SET team_id = (SELECT c.team_id FROM incident_allocation c
	    WHERE c.incident_id = i.id AND c.ended_at IS NULL
	    ORDER BY c.kind = 'specialist', c.id LIMIT 1)
	WHERE x.id = i.id;
	RETURN made;
END
$$;

REVOKE ALL ON FUNCTION incident_route_flags(bigint),
    allocation_plan(bigint, bigint, boolean, boolean, bigint, text[], incident_channel, bigint),
    allocate_incident(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION incident_route_flags(bigint),
    allocation_plan(bigint, bigint, boolean, boolean, bigint, text[], incident_channel, bigint),
    allocate_incident(bigint, text) TO concord_app;

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
