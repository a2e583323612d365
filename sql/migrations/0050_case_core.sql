-- Monitored cases, the core (issue 13; README "Monitored cases"):
-- linking an incident to a case with its people and places, the link
-- suggestions, each victim's risk assessment state, closure with what the
-- victim was told, the case's line on a reporter's tracking page, and the
-- case's audit rows for every agency working it.

-- Links an incident the actor may see to a case, with its people
-- (victims, subjects, witnesses; a reporter who is the incident's victim
-- as a victim) and its point as a place unless one of the case's places
-- already holds it (so the places are the incidents' points clustered
-- within each place's radius, 100 m by default). Runs as the caller:
-- row security decides whether the incident is seen. Returns false when
-- it is not, or already linked.
CREATE FUNCTION case_link_incident(the_case bigint, the_incident bigint, how_ text,
    actor bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	inc	record;
BEGIN
	SELECT i.id, i.location, i.address, i.postcode, i.victim_id INTO inc
	FROM incident i WHERE i.id = the_incident;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	IF EXISTS (SELECT 1 FROM case_incident ci WHERE ci.case_id = the_case
	    AND ci.incident_id = the_incident AND ci.unlinked_at IS NULL) THEN
		RETURN false;
	END IF;
	INSERT INTO case_incident (case_id, incident_id, how, linked_by)
	VALUES (the_case, the_incident, how_, actor)
	ON CONFLICT (case_id, incident_id) DO UPDATE SET how = EXCLUDED.how,
	    linked_at = now(), linked_by = EXCLUDED.linked_by, unlinked_at = NULL,
	    unlinked_by = NULL;
	INSERT INTO case_person (case_id, person_id, role, added_by)
	SELECT DISTINCT the_case, ip.person_id,
	    CASE WHEN ip.role = 'reporter' THEN 'victim' ELSE ip.role::text END, actor
	FROM incident_person ip
	WHERE ip.incident_id = the_incident
	  AND (ip.role <> 'reporter' OR ip.person_id = inc.victim_id)
	ON CONFLICT (case_id, person_id, role) WHERE removed_at IS NULL AND person_id IS NOT NULL
	DO NOTHING;
	IF inc.location IS NOT NULL AND NOT EXISTS (SELECT 1 FROM case_place pl
	    WHERE pl.case_id = the_case AND pl.removed_at IS NULL AND pl.location IS NOT NULL
	      AND ST_DWithin(pl.location::geography, inc.location::geography, pl.radius_m)) THEN
		INSERT INTO case_place (case_id, label, address, postcode, location, added_by)
		VALUES (the_case, left(coalesce(nullif(inc.address, ''), 'Incident location'), 200),
		    left(coalesce(inc.address, ''), 500), left(coalesce(inc.postcode, ''), 10),
		    inc.location, actor);
	END IF;
	RETURN true;
END
$$;
GRANT EXECUTE ON FUNCTION case_link_incident(bigint, bigint, text, bigint) TO concord_app;

-- Incidents to suggest for linking to an open case: not linked, not
-- dismissed, sharing a person with it (by person id) or inside one of its
-- places' radius, reported after it was opened or in the 90 days before.
-- A plain view: row security on incident, case and person applies, so no
-- one is suggested an incident their agency may not see.
CREATE VIEW case_suggestion AS
SELECT DISTINCT ON (x.case_id, x.incident_id) x.case_id, x.incident_id, x.why
FROM (
	SELECT cp.case_id, ip.incident_id, 'person'::text AS why
	FROM case_person cp JOIN incident_person ip ON ip.person_id = cp.person_id
	WHERE cp.removed_at IS NULL AND cp.person_id IS NOT NULL
	UNION ALL
	SELECT pl.case_id, i.id, 'place'::text
	FROM case_place pl JOIN incident i
	  ON i.location && ST_Expand(pl.location, pl.radius_m / 40000.0)
	 AND ST_DWithin(i.location::geography, pl.location::geography, pl.radius_m)
	WHERE pl.removed_at IS NULL AND pl.location IS NOT NULL
) x
JOIN monitored_case c ON c.id = x.case_id AND c.status = 'open'
JOIN incident i ON i.id = x.incident_id
    AND i.reported_at >= c.opened_at - interval '90 days'
WHERE NOT EXISTS (SELECT 1 FROM case_incident ci WHERE ci.case_id = x.case_id
        AND ci.incident_id = x.incident_id AND ci.unlinked_at IS NULL)
  AND NOT EXISTS (SELECT 1 FROM case_suggestion_dismissed d
        WHERE d.case_id = x.case_id AND d.incident_id = x.incident_id)
ORDER BY x.case_id, x.incident_id, x.why;
GRANT SELECT ON case_suggestion TO concord_app;

-- The suggestions as case work for the case's lead officer: one row a
-- case, so a busy place does not bury the rest of their queue. The
-- suggestions are counted case by case (LATERAL), so a condition on the
-- case (its lead, its id) picks the cases before any is worked out.
CREATE OR REPLACE VIEW case_work_suggestion AS
SELECT c.id AS case_id, NULL::bigint AS application_id, 'suggestion'::text AS kind,
    s.n || CASE WHEN s.n = 1 THEN ' incident' ELSE ' incidents' END ||
        ' suggested for linking to ' || c.reference AS label,
    NULL::timestamptz AS due_at, c.lead_user_id AS user_id, c.lead_team_id AS team_id,
    c.lead_agency_id AS agency_id, '/staff/cases/' || c.reference || '#suggestions' AS path
FROM monitored_case c
CROSS JOIN LATERAL (SELECT count(*) AS n FROM case_suggestion x WHERE x.case_id = c.id) s
WHERE c.status = 'open' AND s.n > 0;

-- Each victim of a case and whether they have a current risk assessment:
-- one on a case incident where they are the victim whose review is not
-- overdue. The due rule is risk_review_next's (domain/risk.c): the first
-- day of the questionnaire version's cadence for the level now (the last
-- review's, or the assessment's) after the last review; none left is
-- never overdue. Each incident's latest assessment counts.
CREATE VIEW case_victim_risk AS
SELECT cp.case_id, cp.person_id,
    count(a.id) > 0 AS assessed,
    coalesce(bool_or(a.id IS NOT NULL AND (nd.due IS NULL OR nd.due > now())), false)
        AS current
FROM case_person cp
LEFT JOIN LATERAL (
	SELECT DISTINCT ON (ra.incident_id) ra.id, ra.version,
	    coalesce(rv.level_after, ra.level) AS level, ra.assessed_at,
	    greatest(ra.assessed_at, rv.reviewed_at) AS last
	FROM case_incident ci
	JOIN incident i ON i.id = ci.incident_id
	JOIN risk_assessment ra ON ra.incident_id = ci.incident_id
	LEFT JOIN LATERAL (SELECT r.level_after, r.reviewed_at FROM risk_review r
	    WHERE r.assessment_id = ra.id ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1)
	    rv ON true
	WHERE ci.case_id = cp.case_id AND ci.unlinked_at IS NULL
	  AND (i.victim_id = cp.person_id OR EXISTS (SELECT 1 FROM incident_person ip
	      WHERE ip.incident_id = i.id AND ip.person_id = cp.person_id AND ip.role = 'victim'))
	ORDER BY ra.incident_id, ra.assessed_at DESC, ra.id DESC
) a ON true
LEFT JOIN LATERAL (
	SELECT min(a.assessed_at + make_interval(secs => k.after_days * 86400.0)) AS due
	FROM risk_review_cadence k
	WHERE k.version = a.version AND k.level = a.level
	  AND a.assessed_at + make_interval(secs => k.after_days * 86400.0) > a.last
) nd ON true
WHERE cp.role = 'victim' AND cp.removed_at IS NULL AND cp.person_id IS NOT NULL
GROUP BY cp.case_id, cp.person_id;
GRANT SELECT ON case_victim_risk TO concord_app;

-- A case's closures: the outcome, and what the victim was told, when and
-- how; the reason the public is shown on a reporter's tracking page. A
-- reopening keeps the closure, marked reopened.
CREATE TABLE case_closure (
	id		bigserial PRIMARY KEY,
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	closed_at	timestamptz NOT NULL DEFAULT now(),
	closed_by	bigint NOT NULL REFERENCES app_user (id),
	outcome		text NOT NULL CHECK (outcome IN ('resolved', 'behaviour_stopped',
			    'enforcement', 'moved_away', 'no_further_action', 'other')),
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 10000),
	told_on		date,
	told_how	text NOT NULL DEFAULT '' CHECK (told_how IN ('', 'phone', 'email',
			    'letter', 'in_person', 'text_message')),
	told_what	text NOT NULL DEFAULT '' CHECK (length(told_what) <= 2000),
	public_reason	text NOT NULL DEFAULT '' CHECK (length(public_reason) <= 500),
	reopened_at	timestamptz,
	reopened_by	bigint REFERENCES app_user (id),
	reopen_reason	text NOT NULL DEFAULT '' CHECK (length(reopen_reason) <= 2000)
);
CREATE INDEX case_closure_case ON case_closure (case_id, closed_at DESC);
ALTER TABLE case_closure ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_closure_through_case ON case_closure FOR ALL TO concord_app
    USING (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id));
GRANT SELECT, INSERT, UPDATE ON case_closure TO concord_app;
GRANT USAGE ON SEQUENCE case_closure_id_seq TO concord_app;

-- For a reporter's tracking page: the closed cases their report's incident
-- is on where they are a victim, with the date and the reason for the
-- public. Only with the report's tracking token (as report_tracking).
CREATE FUNCTION report_tracking_cases(ref text, token_hash text)
RETURNS TABLE (closed_on text, reason text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT to_char(cc.closed_at AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY'),
	    cc.public_reason
	FROM report r
	JOIN case_incident ci ON ci.incident_id = r.incident_id AND ci.unlinked_at IS NULL
	JOIN monitored_case c ON c.id = ci.case_id AND c.status = 'closed'
	JOIN case_person cp ON cp.case_id = c.id AND cp.person_id = r.reporter_id
	    AND cp.role = 'victim' AND cp.removed_at IS NULL
	CROSS JOIN LATERAL (SELECT x.closed_at, x.public_reason FROM case_closure x
	    WHERE x.case_id = c.id ORDER BY x.closed_at DESC, x.id DESC LIMIT 1) cc
	WHERE r.reference = ref AND r.tracking_hash = token_hash AND cc.public_reason <> ''
	ORDER BY cc.closed_at DESC
	LIMIT 10
$$;
REVOKE ALL ON FUNCTION report_tracking_cases(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_tracking_cases(text, text) TO concord_app;

-- A case's audit rows are read by every agency working it (its History
-- tab), as an incident's rows follow the incident: 0017's rule with
-- monitored_case added.
CREATE OR REPLACE FUNCTION audit_event_visible(entity text, entity_id text, action text,
    agency_id bigint)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT concord_agency() IS NOT NULL AND CASE
	WHEN entity IN ('incident', 'report', 'evidence', 'person', 'monitored_case')
	    AND entity_id ~ '^[0-9]{1,18}$' AND action <> 'not_found' THEN
		CASE entity
		WHEN 'incident' THEN EXISTS (SELECT 1 FROM incident r
		    WHERE r.id = entity_id::bigint)
		WHEN 'report' THEN EXISTS (SELECT 1 FROM report r
		    WHERE r.id = entity_id::bigint)
		WHEN 'evidence' THEN EXISTS (SELECT 1 FROM evidence r
		    WHERE r.id = entity_id::bigint)
		WHEN 'monitored_case' THEN EXISTS (SELECT 1 FROM monitored_case r
		    WHERE r.id = entity_id::bigint)
		ELSE EXISTS (SELECT 1 FROM person r WHERE r.id = entity_id::bigint)
		END
	WHEN entity IN ('user', 'agency', 'team', 'role', 'asb_type', 'question',
	    'api_client', 'routing_rule', 'beat', 'la_area') THEN
		agency_id IS NOT DISTINCT FROM concord_agency()
		OR audit_reader_administers()
	ELSE agency_id IS NOT DISTINCT FROM concord_agency()
	END
$$;
