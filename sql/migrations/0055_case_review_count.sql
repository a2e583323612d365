-- Issue 13: the facts the ASB Case Review count needs, and the
-- annual figures. The rule is C (fcgi/domain/case_review_rule.c); these
-- functions hand it facts. A victim's complaints count across agencies,
-- so, as 0030's flag facts do, the look-up sees every agency's incidents
-- (SECURITY DEFINER) and hands back only ids, times, agency ids and
-- yes/no: never a name, a place, a description or another agency's
-- reference (the caller asks row security for the references it may see).

-- A person's complaints: every incident where they are the victim or the
-- reporter, reported in the `days` before `upto` (a day more each side, so
-- the rule in C decides the edges). Per incident: when the behaviour
-- happened (its occurred_at, or the report time when not known) and when
-- it was complained about (reported_at), as epoch seconds; the agency that
-- holds it; its ASB type; hate-motivated; the diary entries on its reports
-- (a count: they are not complaints); who reported it (person ids of its
-- reporter and of every report's reporter); the incidents linked to it.
CREATE FUNCTION case_review_facts(person bigint, upto timestamptz, days integer)
RETURNS TABLE (incident_id bigint, behaviour_at bigint, complained_at bigint,
    agency_id bigint, type_id bigint, hate boolean, diary_entries integer,
    reporters json, linked json)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	SELECT i.id,
	    -- Whole seconds down, as time() counts them: rounding up would put
	    -- a complaint made this second after "now".
	    floor(extract(epoch FROM coalesce(i.occurred_at, i.reported_at)))::bigint,
	    floor(extract(epoch FROM i.reported_at))::bigint,
	    i.owning_agency_id, i.asb_type_id, i.hate,
	    (SELECT count(*)::integer FROM report_diary_entry d WHERE d.incident_id = i.id),
	    to_json(ARRAY(SELECT DISTINCT x.who FROM (
	        SELECT ip.person_id AS who FROM incident_person ip
	        WHERE ip.incident_id = i.id AND ip.role = 'reporter'
	        UNION ALL SELECT i.reporter_id
	        UNION ALL SELECT r.reporter_id FROM report r WHERE r.incident_id = i.id
	    ) AS x WHERE x.who IS NOT NULL ORDER BY x.who)),
	    to_json(ARRAY(SELECT l.linked_id FROM incident_link l WHERE l.incident_id = i.id
	        UNION SELECT l.incident_id FROM incident_link l WHERE l.linked_id = i.id))
	FROM incident i
	WHERE i.id IN (SELECT ip.incident_id FROM incident_person ip
	        WHERE ip.person_id = person AND ip.role IN ('victim', 'reporter'))
	  AND i.reported_at <= upto + interval '1 day'
	  AND i.reported_at >= upto - make_interval(days => days + 1)
	ORDER BY i.reported_at, i.id
	LIMIT 500;
END
$$;

-- The annual figures (section 104(10) of the 2014 Act asks each body to
-- publish them): for the financial year from 1 April `year` to 31 March
-- the next, London time, per receiving agency, the applications in which
-- one of the four measures fell inside the year, each measure by the date
-- of its own event — received (received_at), threshold not met (decided
-- not met, decided_at), review carried out (review_held_at), review that
-- led to recommendations (held in the year with recommendations). Every
-- active core partner is listed, with no application too (id NULL).
-- Public: no actor's agency is needed and nothing personal comes back —
-- references, dates, the status word and yes/no.
CREATE FUNCTION case_review_figures(year integer)
RETURNS TABLE (agency_id bigint, agency_name text, application_id bigint,
    reference text, received_at timestamptz, decided_at timestamptz,
    review_held_at timestamptz, status text, recommendations boolean,
    received boolean, not_met boolean, reviewed boolean, recommended boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	f timestamptz := make_timestamptz(year, 4, 1, 0, 0, 0, 'Europe/London');
	t timestamptz := make_timestamptz(year + 1, 4, 1, 0, 0, 0, 'Europe/London');
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	SELECT g.id, g.name, a.id, a.reference, a.received_at, a.decided_at,
	    a.review_held_at, a.status, a.recommendations,
	    coalesce(a.received_at >= f AND a.received_at < t, false),
	    coalesce(a.threshold_met = false AND a.decided_at >= f AND a.decided_at < t, false),
	    coalesce(a.review_held_at >= f AND a.review_held_at < t, false),
	    coalesce(a.recommendations AND a.review_held_at >= f AND a.review_held_at < t, false)
	FROM agency g
	LEFT JOIN case_review_application a ON a.agency_id = g.id
	    AND ((a.received_at >= f AND a.received_at < t)
	      OR (a.decided_at >= f AND a.decided_at < t)
	      OR (a.review_held_at >= f AND a.review_held_at < t))
	WHERE (g.core_partner AND g.active) OR a.id IS NOT NULL
	ORDER BY g.name, g.id, a.received_at, a.id;
END
$$;

-- The first financial year with an application (NULL: none yet), for the
-- page's choice of years.
CREATE FUNCTION case_review_first_year()
RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN (SELECT extract(year FROM (min(a.received_at) AT TIME ZONE 'Europe/London')
	    - interval '3 months')::integer FROM case_review_application a);
END
$$;

REVOKE ALL ON FUNCTION case_review_facts(bigint, timestamptz, integer),
    case_review_figures(integer), case_review_first_year() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION case_review_facts(bigint, timestamptz, integer),
    case_review_figures(integer), case_review_first_year() TO concord_app;
