-- Partnership reporting (issue 14): the reporting views, the one contract
-- that the OData feed, the dashboards and their CSV exports read.
--
-- Every view runs with the reader's rights (security_invoker), so the
-- reader's row security applies: an analyst's feed shows what their
-- agency may see, as every page does. No view carries a name, an address,
-- a contact detail or free text: a place is a 100 m square of the British
-- National Grid, a person (in the two pseudonymised views only) a
-- pseudonym. Times are timestamptz (UTC); every *_date, *_hour and *_dow
-- is Europe/London, as the pages show them.

-- A date, hour or weekday in London.
CREATE FUNCTION rpt_london_date(at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT (at AT TIME ZONE 'Europe/London')::date
$$;

-- Minutes from one time to another, NULL unless both are there.
CREATE FUNCTION rpt_minutes(from_at timestamptz, to_at timestamptz) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT round((extract(epoch FROM to_at - from_at) / 60)::numeric, 1)
$$;

-- The financial year (April to March) a London date falls in, "2025-26".
CREATE FUNCTION rpt_financial_year(d date) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT to_char(y, 'FM0000') || '-' || to_char((y + 1) % 100, 'FM00')
	FROM (SELECT extract(year FROM d)::int
	    - CASE WHEN extract(month FROM d) < 4 THEN 1 ELSE 0 END AS y) f
$$;

-- ---------------------------------------------------------------------------
-- Pseudonyms. A person is shown as the HMAC-SHA256 of their id under the
-- partnership's pseudonym key, which the server reads from its key file
-- (config pseudonym_key_file) and hands to the transaction that reads
-- (set_config('concord.pseudonym_key', ..., true): it lasts only that
-- transaction). The same person is the same pseudonym in every view, every
-- read and every refresh, so repeat victims and subjects can be counted;
-- without the key nobody can tell who they are, nor turn an id into one.
-- Without the key set a read fails rather than show ids.

CREATE FUNCTION rpt_pseudonym_key() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
	k text := current_setting('concord.pseudonym_key', true);
BEGIN
	IF k IS NULL OR length(k) < 32 THEN
		RAISE EXCEPTION 'the pseudonym key is not set for this transaction'
		    USING ERRCODE = '55000';
	END IF;
	RETURN k;
END
$$;

CREATE FUNCTION rpt_pseudonym(person_id bigint) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT left(encode(hmac('person:' || person_id::text, rpt_pseudonym_key(),
	    'sha256'), 'hex'), 24)
$$;

-- ---------------------------------------------------------------------------
-- Reference data.

CREATE VIEW rpt_agency WITH (security_invoker = true) AS
SELECT a.id, a.code, a.name, a.kind::text AS kind, a.core_partner, a.active
FROM agency a;

CREATE VIEW rpt_team WITH (security_invoker = true) AS
SELECT t.id, t.agency_id, a.code AS agency_code, a.name AS agency_name,
    t.code, t.name, t.specialist, t.active
FROM team t JOIN agency a ON a.id = t.agency_id;

CREATE VIEW rpt_type WITH (security_invoker = true) AS
SELECT t.id, t.code, t.name, t.category::text AS category, t.parent_id, t.active
FROM asb_type t;

CREATE VIEW rpt_area WITH (security_invoker = true) AS
SELECT 'beat:' || b.id AS id, 'beat'::text AS kind, b.id AS area_id, b.agency_id,
    b.code, b.name, b.team_id, b.retired_at IS NULL AS current
FROM beat b
UNION ALL
SELECT 'la_area:' || l.id, 'la_area', l.id, l.agency_id, l.code, l.name,
    l.team_id, l.retired_at IS NULL
FROM la_area l;

-- ---------------------------------------------------------------------------
-- Incidents: what happened, when, where to 100 m, and how it was handled.

CREATE VIEW rpt_incident WITH (security_invoker = true) AS
SELECT i.id, i.reference, i.channel::text AS channel,
    i.asb_type_id, t.code AS asb_type_code,
    coalesce(i.nsir, t.category)::text AS category,
    i.reported_at, rpt_london_date(i.reported_at) AS reported_date,
    i.occurred_at, i.triaged_at, i.first_action_at, i.closed_at,
    i.status::text AS status, i.risk_level::text AS risk_level, i.risk_score,
    i.vulnerable, i.hate, i.urgent,
    i.repeat_victim, i.repeat_location, i.repeat_subject,
    i.owning_agency_id, i.beat_id, i.la_area_id, i.team_id,
    g.easting, g.northing,
    CASE WHEN g.easting IS NOT NULL THEN ST_Y(c.centre) END AS latitude,
    CASE WHEN g.easting IS NOT NULL THEN ST_X(c.centre) END AS longitude,
    extract(hour FROM i.reported_at AT TIME ZONE 'Europe/London')::smallint
	AS reported_hour,
    extract(isodow FROM i.reported_at AT TIME ZONE 'Europe/London')::smallint
	AS reported_dow
FROM incident i
JOIN asb_type t ON t.id = i.asb_type_id
CROSS JOIN LATERAL (SELECT (floor(ST_X(b.p) / 100) * 100)::int AS easting,
	(floor(ST_Y(b.p) / 100) * 100)::int AS northing
    FROM (SELECT ST_Transform(i.location, 27700) AS p) b) g
CROSS JOIN LATERAL (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(g.easting + 50,
	g.northing + 50), 27700), 4326) AS centre) c;

-- Allocations with their clocks: how long from the report to triage, from
-- triage to the first action, and from the report to the first action.
-- The targets are configuration (clock_* keys), so they are compared by
-- the reader, not here.
CREATE VIEW rpt_allocation WITH (security_invoker = true) AS
SELECT a.id, a.incident_id, a.team_id, tm.agency_id, a.kind,
    a.beat_id, a.la_area_id, i.asb_type_id, i.risk_level::text AS risk_level,
    i.reported_at, a.created_at AS allocated_at, a.triaged_at,
    a.first_action_at, a.ended_at, a.ended_at IS NULL AS current,
    rpt_minutes(i.reported_at, a.triaged_at) AS report_to_triage_minutes,
    rpt_minutes(a.triaged_at, a.first_action_at) AS triage_to_action_minutes,
    rpt_minutes(i.reported_at, a.first_action_at) AS report_to_action_minutes
FROM incident_allocation a
JOIN incident i ON i.id = a.incident_id
JOIN team tm ON tm.id = a.team_id;

-- ---------------------------------------------------------------------------
-- Cases and their work.

CREATE VIEW rpt_action WITH (security_invoker = true) AS
SELECT a.id, a.case_id, a.type_id, t.code AS type_code, t.name AS type_name,
    t.enforcement, a.status, a.owner_agency_id, a.owner_team_id,
    a.created_at, rpt_london_date(a.created_at) AS created_date,
    a.due_on, a.closed_at,
    (a.status = 'open' AND a.due_on < rpt_london_date(now())) AS overdue,
    CASE WHEN a.status = 'open' AND a.due_on < rpt_london_date(now())
	THEN rpt_london_date(now()) - a.due_on ELSE 0 END AS days_overdue,
    a.served_on, a.expires_on,
    (SELECT count(*)::int FROM case_action_breach b WHERE b.action_id = a.id)
	AS breaches
FROM case_action a
JOIN action_type t ON t.id = a.type_id;

CREATE VIEW rpt_contact WITH (security_invoker = true) AS
SELECT c.id, c.case_id, c.contacted_at, rpt_london_date(c.contacted_at)
	AS contacted_date,
    c.method, c.outcome, c.consulted, c.recorded_at
FROM case_contact c;

CREATE VIEW rpt_case WITH (security_invoker = true) AS
SELECT m.id, m.reference, m.origin, m.lead_agency_id, m.lead_team_id,
    m.risk_level::text AS risk_level, m.status, m.opened_at,
    rpt_london_date(m.opened_at) AS opened_date, m.closed_at, m.outcome,
    (SELECT count(*)::int FROM case_incident ci
	WHERE ci.case_id = m.id AND ci.unlinked_at IS NULL) AS incidents,
    (SELECT count(*)::int FROM case_action a
	WHERE a.case_id = m.id AND a.status = 'open') AS open_actions,
    (SELECT count(*)::int FROM case_action a
	WHERE a.case_id = m.id AND a.status = 'open'
	  AND a.due_on < rpt_london_date(now())) AS overdue_actions
FROM monitored_case m;

CREATE VIEW rpt_case_review WITH (security_invoker = true) AS
SELECT r.id, r.reference, r.channel, r.agency_id, r.team_id, r.received_at,
    rpt_london_date(r.received_at) AS received_date,
    rpt_financial_year(rpt_london_date(r.received_at)) AS financial_year,
    r.status, r.complaints, r.threshold_met, r.decided_at, r.review_held_at,
    r.recommendations
FROM case_review_application r;

-- ---------------------------------------------------------------------------
-- Daily metrics: incidents per London day, ASB type, council area, team
-- and owning agency.
CREATE VIEW rpt_daily WITH (security_invoker = true) AS
SELECT concat_ws('|', i.reported_date, i.asb_type_id, coalesce(i.la_area_id::text, ''),
	coalesce(i.team_id::text, ''), i.owning_agency_id) AS id,
    i.reported_date AS day, i.asb_type_id, i.la_area_id, i.team_id,
    i.owning_agency_id,
    count(*)::int AS incidents,
    count(*) FILTER (WHERE i.repeat_victim)::int AS repeat_victim,
    count(*) FILTER (WHERE i.repeat_location)::int AS repeat_location,
    count(*) FILTER (WHERE i.hate)::int AS hate,
    count(*) FILTER (WHERE i.vulnerable)::int AS vulnerable,
    count(*) FILTER (WHERE i.triaged_at IS NOT NULL)::int AS triaged,
    count(*) FILTER (WHERE i.closed_at IS NOT NULL)::int AS closed
FROM (SELECT id, rpt_london_date(reported_at) AS reported_date, asb_type_id,
	la_area_id, team_id, owning_agency_id, repeat_victim, repeat_location,
	hate, vulnerable, triaged_at, closed_at
    FROM incident) i
GROUP BY i.reported_date, i.asb_type_id, i.la_area_id, i.team_id,
    i.owning_agency_id;

-- ---------------------------------------------------------------------------
-- The pseudonymised views: who was involved, as pseudonyms.

CREATE VIEW rpt_incident_person WITH (security_invoker = true) AS
SELECT ip.incident_id || ':' || ip.role || ':' || rpt_pseudonym(ip.person_id) AS id,
    ip.incident_id, ip.role::text AS role, rpt_pseudonym(ip.person_id) AS person_key
FROM incident_person ip;

CREATE VIEW rpt_case_person WITH (security_invoker = true) AS
SELECT cp.id::text AS id, cp.case_id, cp.role, rpt_pseudonym(cp.person_id)
	AS person_key
FROM case_person cp
WHERE cp.person_id IS NOT NULL AND cp.removed_at IS NULL;

GRANT SELECT ON rpt_agency, rpt_team, rpt_type, rpt_area, rpt_incident,
    rpt_allocation, rpt_action, rpt_contact, rpt_case, rpt_case_review,
    rpt_daily, rpt_incident_person, rpt_case_person TO concord_app;

-- ---------------------------------------------------------------------------
-- Column by column (the README's tables are these words).

COMMENT ON VIEW rpt_incident IS 'One row per incident: what, when, where to 100 m, how handled. No personal data.';
COMMENT ON COLUMN rpt_incident.id IS 'Incident id (key).';
COMMENT ON COLUMN rpt_incident.reference IS 'The incident reference, e.g. ASB-2026-000123.';
COMMENT ON COLUMN rpt_incident.channel IS 'How it came in: public, partner, police, call_handler, cad, open311 or import.';
COMMENT ON COLUMN rpt_incident.asb_type_id IS 'ASB type (rpt_type.id).';
COMMENT ON COLUMN rpt_incident.asb_type_code IS 'ASB type code.';
COMMENT ON COLUMN rpt_incident.category IS 'National Standard for Incident Recording category: personal, nuisance or environmental.';
COMMENT ON COLUMN rpt_incident.reported_at IS 'When it was reported.';
COMMENT ON COLUMN rpt_incident.reported_date IS 'The London date it was reported.';
COMMENT ON COLUMN rpt_incident.occurred_at IS 'When the behaviour happened (or began), if known.';
COMMENT ON COLUMN rpt_incident.triaged_at IS 'When it was first triaged.';
COMMENT ON COLUMN rpt_incident.first_action_at IS 'When the first action was taken on it.';
COMMENT ON COLUMN rpt_incident.closed_at IS 'When it was closed.';
COMMENT ON COLUMN rpt_incident.status IS 'new, open, allocated, in_progress, monitoring or closed.';
COMMENT ON COLUMN rpt_incident.risk_level IS 'standard, medium or high; empty until assessed.';
COMMENT ON COLUMN rpt_incident.risk_score IS 'The risk assessment score.';
COMMENT ON COLUMN rpt_incident.vulnerable IS 'A vulnerable victim was flagged.';
COMMENT ON COLUMN rpt_incident.hate IS 'Hate-motivated.';
COMMENT ON COLUMN rpt_incident.urgent IS 'Marked urgent at triage.';
COMMENT ON COLUMN rpt_incident.repeat_victim IS 'The repeat victim flag was raised.';
COMMENT ON COLUMN rpt_incident.repeat_location IS 'The repeat location flag was raised.';
COMMENT ON COLUMN rpt_incident.repeat_subject IS 'The repeat subject flag was raised.';
COMMENT ON COLUMN rpt_incident.owning_agency_id IS 'The agency that holds it (rpt_agency.id).';
COMMENT ON COLUMN rpt_incident.beat_id IS 'Police beat (rpt_area.area_id where kind is beat).';
COMMENT ON COLUMN rpt_incident.la_area_id IS 'Council area (rpt_area.area_id where kind is la_area).';
COMMENT ON COLUMN rpt_incident.team_id IS 'The team it is allocated to (rpt_team.id).';
COMMENT ON COLUMN rpt_incident.easting IS 'British National Grid easting, rounded down to 100 m.';
COMMENT ON COLUMN rpt_incident.northing IS 'British National Grid northing, rounded down to 100 m.';
COMMENT ON COLUMN rpt_incident.latitude IS 'Latitude (WGS84) of the centre of that 100 m square.';
COMMENT ON COLUMN rpt_incident.longitude IS 'Longitude (WGS84) of the centre of that 100 m square.';
COMMENT ON COLUMN rpt_incident.reported_hour IS 'The London hour it was reported, 0 to 23.';
COMMENT ON COLUMN rpt_incident.reported_dow IS 'The London weekday it was reported, 1 Monday to 7 Sunday.';

COMMENT ON VIEW rpt_allocation IS 'One row per allocation of an incident to a team, with its clocks.';
COMMENT ON COLUMN rpt_allocation.id IS 'Allocation id (key).';
COMMENT ON COLUMN rpt_allocation.incident_id IS 'The incident (rpt_incident.id).';
COMMENT ON COLUMN rpt_allocation.team_id IS 'The team allocated (rpt_team.id).';
COMMENT ON COLUMN rpt_allocation.agency_id IS 'The team''s agency (rpt_agency.id).';
COMMENT ON COLUMN rpt_allocation.kind IS 'Why this team: neighbourhood, council, specialist, triage or reallocated.';
COMMENT ON COLUMN rpt_allocation.beat_id IS 'The beat it was allocated by, if any.';
COMMENT ON COLUMN rpt_allocation.la_area_id IS 'The council area it was allocated by, if any.';
COMMENT ON COLUMN rpt_allocation.asb_type_id IS 'The incident''s ASB type.';
COMMENT ON COLUMN rpt_allocation.risk_level IS 'The incident''s risk level, which sets the clocks'' targets.';
COMMENT ON COLUMN rpt_allocation.reported_at IS 'When the incident was reported (the clocks start here).';
COMMENT ON COLUMN rpt_allocation.allocated_at IS 'When this allocation was made.';
COMMENT ON COLUMN rpt_allocation.triaged_at IS 'When this team triaged it.';
COMMENT ON COLUMN rpt_allocation.first_action_at IS 'When this team took its first action.';
COMMENT ON COLUMN rpt_allocation.ended_at IS 'When the allocation ended (reallocated or closed).';
COMMENT ON COLUMN rpt_allocation.current IS 'The allocation has not ended.';
COMMENT ON COLUMN rpt_allocation.report_to_triage_minutes IS 'Minutes from the report to triage.';
COMMENT ON COLUMN rpt_allocation.triage_to_action_minutes IS 'Minutes from triage to the first action.';
COMMENT ON COLUMN rpt_allocation.report_to_action_minutes IS 'Minutes from the report to the first action.';

COMMENT ON VIEW rpt_action IS 'One row per action on a monitored case''s action plan.';
COMMENT ON COLUMN rpt_action.id IS 'Action id (key).';
COMMENT ON COLUMN rpt_action.case_id IS 'The case (rpt_case.id).';
COMMENT ON COLUMN rpt_action.type_id IS 'The action type.';
COMMENT ON COLUMN rpt_action.type_code IS 'The action type''s code.';
COMMENT ON COLUMN rpt_action.type_name IS 'The action type''s name.';
COMMENT ON COLUMN rpt_action.enforcement IS 'An enforcement action (injunction, CPN, closure order and the like).';
COMMENT ON COLUMN rpt_action.status IS 'open, done or cancelled.';
COMMENT ON COLUMN rpt_action.owner_agency_id IS 'The agency that owns it.';
COMMENT ON COLUMN rpt_action.owner_team_id IS 'The team that owns it, if named.';
COMMENT ON COLUMN rpt_action.created_at IS 'When it was added.';
COMMENT ON COLUMN rpt_action.created_date IS 'The London date it was added.';
COMMENT ON COLUMN rpt_action.due_on IS 'When it is due.';
COMMENT ON COLUMN rpt_action.closed_at IS 'When it was done or cancelled.';
COMMENT ON COLUMN rpt_action.overdue IS 'Open and due before today (London).';
COMMENT ON COLUMN rpt_action.days_overdue IS 'Days past its due date, 0 when not overdue.';
COMMENT ON COLUMN rpt_action.served_on IS 'Enforcement: when it was served.';
COMMENT ON COLUMN rpt_action.expires_on IS 'Enforcement: when it expires.';
COMMENT ON COLUMN rpt_action.breaches IS 'Breaches recorded.';

COMMENT ON VIEW rpt_contact IS 'One row per contact with a victim on a monitored case.';
COMMENT ON COLUMN rpt_contact.id IS 'Contact id (key).';
COMMENT ON COLUMN rpt_contact.case_id IS 'The case (rpt_case.id).';
COMMENT ON COLUMN rpt_contact.contacted_at IS 'When the contact was made.';
COMMENT ON COLUMN rpt_contact.contacted_date IS 'The London date of the contact.';
COMMENT ON COLUMN rpt_contact.method IS 'phone, email, letter, visit and the like.';
COMMENT ON COLUMN rpt_contact.outcome IS 'spoke, message, no_answer and the like.';
COMMENT ON COLUMN rpt_contact.consulted IS 'The victim was consulted on the action plan.';
COMMENT ON COLUMN rpt_contact.recorded_at IS 'When it was recorded.';

COMMENT ON VIEW rpt_case IS 'One row per monitored case.';
COMMENT ON COLUMN rpt_case.id IS 'Case id (key).';
COMMENT ON COLUMN rpt_case.reference IS 'The case reference, CASE-YYYY-NNNNNN.';
COMMENT ON COLUMN rpt_case.origin IS 'How it was opened: from incidents or from a flag.';
COMMENT ON COLUMN rpt_case.lead_agency_id IS 'The lead agency.';
COMMENT ON COLUMN rpt_case.lead_team_id IS 'The lead team, if named.';
COMMENT ON COLUMN rpt_case.risk_level IS 'standard, medium or high.';
COMMENT ON COLUMN rpt_case.status IS 'open or closed.';
COMMENT ON COLUMN rpt_case.opened_at IS 'When it was opened.';
COMMENT ON COLUMN rpt_case.opened_date IS 'The London date it was opened.';
COMMENT ON COLUMN rpt_case.closed_at IS 'When it was closed.';
COMMENT ON COLUMN rpt_case.outcome IS 'The closure outcome (from the list).';
COMMENT ON COLUMN rpt_case.incidents IS 'Incidents linked now.';
COMMENT ON COLUMN rpt_case.open_actions IS 'Actions open.';
COMMENT ON COLUMN rpt_case.overdue_actions IS 'Actions open and overdue.';

COMMENT ON VIEW rpt_case_review IS 'One row per ASB Case Review application.';
COMMENT ON COLUMN rpt_case_review.id IS 'Application id (key).';
COMMENT ON COLUMN rpt_case_review.reference IS 'The application reference.';
COMMENT ON COLUMN rpt_case_review.channel IS 'online, phone, paper or in person.';
COMMENT ON COLUMN rpt_case_review.agency_id IS 'The receiving agency.';
COMMENT ON COLUMN rpt_case_review.team_id IS 'The co-ordinating team.';
COMMENT ON COLUMN rpt_case_review.received_at IS 'When it was received.';
COMMENT ON COLUMN rpt_case_review.received_date IS 'The London date it was received.';
COMMENT ON COLUMN rpt_case_review.financial_year IS 'The financial year received (April to March), e.g. 2025-26.';
COMMENT ON COLUMN rpt_case_review.status IS 'Where it stands: received, decided, reviewed, closed and the like.';
COMMENT ON COLUMN rpt_case_review.complaints IS 'Qualifying complaints counted at the decision.';
COMMENT ON COLUMN rpt_case_review.threshold_met IS 'The threshold was met.';
COMMENT ON COLUMN rpt_case_review.decided_at IS 'When the threshold was decided.';
COMMENT ON COLUMN rpt_case_review.review_held_at IS 'When the review was held.';
COMMENT ON COLUMN rpt_case_review.recommendations IS 'The review made recommendations.';

COMMENT ON VIEW rpt_area IS 'Police beats and council areas.';
COMMENT ON COLUMN rpt_area.id IS 'Key: beat:<id> or la_area:<id>.';
COMMENT ON COLUMN rpt_area.kind IS 'beat or la_area.';
COMMENT ON COLUMN rpt_area.area_id IS 'The beat''s or council area''s id, as in rpt_incident.';
COMMENT ON COLUMN rpt_area.agency_id IS 'The agency whose area it is.';
COMMENT ON COLUMN rpt_area.code IS 'The area''s code.';
COMMENT ON COLUMN rpt_area.name IS 'The area''s name.';
COMMENT ON COLUMN rpt_area.team_id IS 'The team it allocates to.';
COMMENT ON COLUMN rpt_area.current IS 'Not retired by a later boundary import.';

COMMENT ON VIEW rpt_team IS 'Teams with their agency.';
COMMENT ON COLUMN rpt_team.id IS 'Team id (key).';
COMMENT ON COLUMN rpt_team.agency_id IS 'The agency.';
COMMENT ON COLUMN rpt_team.agency_code IS 'The agency''s code.';
COMMENT ON COLUMN rpt_team.agency_name IS 'The agency''s name.';
COMMENT ON COLUMN rpt_team.code IS 'The team''s code.';
COMMENT ON COLUMN rpt_team.name IS 'The team''s name.';
COMMENT ON COLUMN rpt_team.specialist IS 'A specialist team.';
COMMENT ON COLUMN rpt_team.active IS 'Still in use.';

COMMENT ON VIEW rpt_agency IS 'The partnership''s agencies.';
COMMENT ON COLUMN rpt_agency.id IS 'Agency id (key).';
COMMENT ON COLUMN rpt_agency.code IS 'The agency''s code.';
COMMENT ON COLUMN rpt_agency.name IS 'The agency''s name.';
COMMENT ON COLUMN rpt_agency.kind IS 'police, council, housing and the like.';
COMMENT ON COLUMN rpt_agency.core_partner IS 'A core partner (sees partnership-shared records).';
COMMENT ON COLUMN rpt_agency.active IS 'Still in the partnership.';

COMMENT ON VIEW rpt_type IS 'The ASB types.';
COMMENT ON COLUMN rpt_type.id IS 'ASB type id (key).';
COMMENT ON COLUMN rpt_type.code IS 'The type''s code.';
COMMENT ON COLUMN rpt_type.name IS 'The type''s name.';
COMMENT ON COLUMN rpt_type.category IS 'personal, nuisance or environmental.';
COMMENT ON COLUMN rpt_type.parent_id IS 'The broader type it belongs to, if any.';
COMMENT ON COLUMN rpt_type.active IS 'Offered on the forms.';

COMMENT ON VIEW rpt_daily IS 'Incidents per London day, ASB type, council area, team and owning agency.';
COMMENT ON COLUMN rpt_daily.id IS 'Key: day|type|area|team|agency.';
COMMENT ON COLUMN rpt_daily.day IS 'The London date reported.';
COMMENT ON COLUMN rpt_daily.asb_type_id IS 'ASB type.';
COMMENT ON COLUMN rpt_daily.la_area_id IS 'Council area, if any.';
COMMENT ON COLUMN rpt_daily.team_id IS 'Team, if any.';
COMMENT ON COLUMN rpt_daily.owning_agency_id IS 'Owning agency.';
COMMENT ON COLUMN rpt_daily.incidents IS 'Incidents reported.';
COMMENT ON COLUMN rpt_daily.repeat_victim IS 'Of them, flagged repeat victim.';
COMMENT ON COLUMN rpt_daily.repeat_location IS 'Of them, flagged repeat location.';
COMMENT ON COLUMN rpt_daily.hate IS 'Of them, hate-motivated.';
COMMENT ON COLUMN rpt_daily.vulnerable IS 'Of them, with a vulnerable victim.';
COMMENT ON COLUMN rpt_daily.triaged IS 'Of them, triaged.';
COMMENT ON COLUMN rpt_daily.closed IS 'Of them, closed.';

COMMENT ON VIEW rpt_incident_person IS 'Pseudonymised: who was involved in each incident, as a pseudonym.';
COMMENT ON COLUMN rpt_incident_person.id IS 'Key: incident:role:pseudonym.';
COMMENT ON COLUMN rpt_incident_person.incident_id IS 'The incident (rpt_incident.id).';
COMMENT ON COLUMN rpt_incident_person.role IS 'victim, subject, witness or reporter.';
COMMENT ON COLUMN rpt_incident_person.person_key IS 'The person''s pseudonym: the same person, the same pseudonym, in every view.';

COMMENT ON VIEW rpt_case_person IS 'Pseudonymised: the people on each monitored case.';
COMMENT ON COLUMN rpt_case_person.id IS 'Key: the case person row.';
COMMENT ON COLUMN rpt_case_person.case_id IS 'The case (rpt_case.id).';
COMMENT ON COLUMN rpt_case_person.role IS 'victim, subject, witness and the like.';
COMMENT ON COLUMN rpt_case_person.person_key IS 'The person''s pseudonym, as in rpt_incident_person.';
