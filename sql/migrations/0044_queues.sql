-- Team queues (issue 11): where an allocation stands against its clocks,
-- in one place for the queue pages, their counts, *my work* and the
-- supervisor's workload (fcgi/domain/queue*.c), and which agencies may see
-- an incident, for the teams it may be reallocated to.
--
-- The clocks are the incident's (reported_at, and the targets by its risk
-- level: clock_due, 0041); what each queue still has to do is its own
-- allocation's: its triage (incident_allocation.triage) and its first
-- action (incident_allocation.first_action_at). The hours come from the
-- configuration (domain/clocks.h, clock_hours_text), never from here.

-- When an allocation's next target falls: its triage's until it is
-- triaged, then its first action's; NULL when both are done.
CREATE FUNCTION queue_next_due(triaged boolean, acted boolean,
    reported timestamptz, risk risk_level, triage_hours integer[],
    action_hours integer[])
RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN NOT triaged THEN clock_due(reported, risk, triage_hours)
	    WHEN NOT acted THEN clock_due(reported, risk, action_hours) END
$$;

-- Where an allocation stands now: 'overdue' when its triage or its first
-- action is not done and past its target, 'due' when one is still to do
-- within its target, 'done' when both are done.
CREATE FUNCTION queue_clock(triaged boolean, acted boolean,
    reported timestamptz, risk risk_level, triage_hours integer[],
    action_hours integer[])
RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT CASE
	    WHEN (NOT triaged AND clock_due(reported, risk, triage_hours) < now())
	      OR (NOT acted AND clock_due(reported, risk, action_hours) < now())
	    THEN 'overdue'
	    WHEN NOT triaged OR NOT acted THEN 'due'
	    ELSE 'done' END
$$;

-- Whether agency (not the acting one) may see a record with this owner
-- and sharing: the rule of concord_visible (0009, 0033) for another
-- agency, so that an incident is reallocated only to a team that can see
-- it.
CREATE FUNCTION agency_may_see(agency bigint, owner bigint, level sharing_level,
    named bigint[])
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT agency = owner OR agency = ANY (named)
	    OR (level = 'partnership' AND EXISTS (SELECT 1 FROM public.agency a
	        WHERE a.id = agency_may_see.agency AND a.core_partner AND a.active))
$$;

GRANT EXECUTE ON FUNCTION
    queue_next_due(boolean, boolean, timestamptz, risk_level, integer[], integer[]),
    queue_clock(boolean, boolean, timestamptz, risk_level, integer[], integer[]),
    agency_may_see(bigint, bigint, sharing_level, bigint[])
    TO PUBLIC;

