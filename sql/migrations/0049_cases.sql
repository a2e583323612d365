-- Monitored cases and the ASB Case Review (issue 13): the tables every part
-- of a case works on — the case and what it links (incidents, people,
-- places), the agencies working it and each victim's consent to each of
-- them, its timeline — and the Case Review register with its milestones
-- and the England and Wales bank holidays their working days skip. Each
-- part's own tables (actions, contacts, reviews, panels) come in the
-- migrations after this one.
--
-- Who sees a case: its lead agency and the agencies working it
-- (monitored_case.shared_with, kept from case_agency by the domain in the
-- same transaction). A case is never shared at partnership level: sharing
-- follows the agencies named on it. Every part of a case is seen through
-- its case.

CREATE SEQUENCE monitored_case_number;

CREATE TABLE monitored_case (
	id		bigserial PRIMARY KEY,
	reference	text NOT NULL UNIQUE CHECK (reference ~ '^CASE-[0-9]{4}-[0-9]{6,}$'),
	title		text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	summary		text NOT NULL DEFAULT '' CHECK (length(summary) <= 10000),
	-- What it was made from: incidents chosen by hand, or a flag with the
	-- flagged incidents already linked.
	origin		text NOT NULL CHECK (origin IN ('incidents', 'repeat_victim',
			    'repeat_location', 'case_review')),
	lead_agency_id	bigint NOT NULL REFERENCES agency (id),
	-- The victim's single point of contact, always a named officer.
	lead_user_id	bigint NOT NULL REFERENCES app_user (id),
	lead_team_id	bigint REFERENCES team (id),
	-- The case's risk level sets its supervisor reviews' cadence.
	risk_level	risk_level NOT NULL DEFAULT 'standard',
	status		text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
	opened_at	timestamptz NOT NULL DEFAULT now(),
	opened_by	bigint NOT NULL REFERENCES app_user (id),
	closed_at	timestamptz,
	closed_by	bigint REFERENCES app_user (id),
	outcome		text CHECK (outcome IS NULL OR length(outcome) BETWEEN 1 AND 200),
	closure_note	text NOT NULL DEFAULT '' CHECK (length(closure_note) <= 10000),
	shared_with	bigint[] NOT NULL DEFAULT '{}',
	-- The staff forms' optimistic lock, as incident.version.
	version		integer NOT NULL DEFAULT 1,
	CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
	CHECK ((status = 'closed') = (outcome IS NOT NULL))
);
CREATE INDEX monitored_case_lead_user ON monitored_case (lead_user_id, status);
CREATE INDEX monitored_case_lead_agency ON monitored_case (lead_agency_id, status);
CREATE INDEX monitored_case_shared_with ON monitored_case USING gin (shared_with);

-- The agencies working a case besides its lead; a removed one keeps its row.
CREATE TABLE case_agency (
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	agency_id	bigint NOT NULL REFERENCES agency (id),
	added_at	timestamptz NOT NULL DEFAULT now(),
	added_by	bigint NOT NULL REFERENCES app_user (id),
	removed_at	timestamptz,
	removed_by	bigint REFERENCES app_user (id),
	PRIMARY KEY (case_id, agency_id)
);

CREATE TABLE case_incident (
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	incident_id	bigint NOT NULL REFERENCES incident (id),
	-- created: linked when the case was made; suggestion: a suggestion
	-- accepted; manual: linked by reference.
	how		text NOT NULL CHECK (how IN ('created', 'suggestion', 'manual')),
	linked_at	timestamptz NOT NULL DEFAULT now(),
	linked_by	bigint NOT NULL REFERENCES app_user (id),
	unlinked_at	timestamptz,
	unlinked_by	bigint REFERENCES app_user (id),
	PRIMARY KEY (case_id, incident_id)
);
CREATE INDEX case_incident_incident ON case_incident (incident_id);

-- A suggestion staff said is not this case's: not suggested again.
CREATE TABLE case_suggestion_dismissed (
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	incident_id	bigint NOT NULL REFERENCES incident (id),
	dismissed_at	timestamptz NOT NULL DEFAULT now(),
	dismissed_by	bigint NOT NULL REFERENCES app_user (id),
	reason		text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
	PRIMARY KEY (case_id, incident_id)
);

-- The case's people. A named group (a subject that is a group of people)
-- is a row with group_name and no person; its known members are subject
-- rows pointing at it (member_of).
CREATE TABLE case_person (
	id		bigserial PRIMARY KEY,
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	person_id	bigint REFERENCES person (id),
	role		text NOT NULL CHECK (role IN ('victim', 'subject', 'witness')),
	group_name	text CHECK (group_name IS NULL OR length(group_name) BETWEEN 1 AND 200),
	member_of	bigint REFERENCES case_person (id),
	added_at	timestamptz NOT NULL DEFAULT now(),
	added_by	bigint NOT NULL REFERENCES app_user (id),
	removed_at	timestamptz,
	removed_by	bigint REFERENCES app_user (id),
	CHECK ((person_id IS NULL) = (group_name IS NOT NULL)),
	CHECK (group_name IS NULL OR role = 'subject'),
	CHECK (member_of IS NULL OR role = 'subject')
);
CREATE UNIQUE INDEX case_person_once ON case_person (case_id, person_id, role)
    WHERE removed_at IS NULL AND person_id IS NOT NULL;
CREATE INDEX case_person_person ON case_person (person_id) WHERE removed_at IS NULL;

-- A victim's answer, for one agency working the case, to whether that
-- agency may see their details. The latest row per (case, person, agency)
-- is the answer; earlier ones stay as its history. It belongs to the case,
-- not to its lead: changing the lead agency keeps every answer.
CREATE TABLE case_consent (
	id		bigserial PRIMARY KEY,
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	person_id	bigint NOT NULL REFERENCES person (id),
	agency_id	bigint NOT NULL REFERENCES agency (id),
	consented	boolean NOT NULL,
	how		text NOT NULL DEFAULT '' CHECK (length(how) <= 200),
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
	recorded_at	timestamptz NOT NULL DEFAULT now(),
	recorded_by	bigint NOT NULL REFERENCES app_user (id)
);
CREATE INDEX case_consent_latest ON case_consent (case_id, person_id, agency_id,
    recorded_at DESC, id DESC);

-- The places the case is about: a point with a radius, an address, or both.
CREATE TABLE case_place (
	id		bigserial PRIMARY KEY,
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	label		text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
	address		text NOT NULL DEFAULT '' CHECK (length(address) <= 500),
	postcode	text NOT NULL DEFAULT '' CHECK (length(postcode) <= 10),
	location	geometry(Point, 4326),
	radius_m	integer NOT NULL DEFAULT 100 CHECK (radius_m BETWEEN 1 AND 10000),
	added_at	timestamptz NOT NULL DEFAULT now(),
	added_by	bigint NOT NULL REFERENCES app_user (id),
	removed_at	timestamptz,
	removed_by	bigint REFERENCES app_user (id),
	CHECK (location IS NOT NULL OR address <> '' OR postcode <> '')
);
CREATE INDEX case_place_case ON case_place (case_id);
CREATE INDEX case_place_location ON case_place USING gist (location) WHERE removed_at IS NULL;

-- The case's timeline: one row per thing done on it, by any of its parts.
CREATE TABLE case_event (
	id		bigserial PRIMARY KEY,
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	at		timestamptz NOT NULL DEFAULT now(),
	actor_id	bigint REFERENCES app_user (id),
	agency_id	bigint REFERENCES agency (id),
	kind		text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
	summary		text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
	-- Whether the summary names a victim, witness or their details: left
	-- out for an agency without the victim's consent.
	personal	boolean NOT NULL DEFAULT false,
	detail		jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object')
);
CREATE INDEX case_event_case ON case_event (case_id, at DESC, id DESC);

-- Whether the acting agency works the case: its lead, or named on it.
CREATE FUNCTION case_visible(lead bigint, named bigint[]) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT public.concord_agency() IS NOT NULL
	    AND (lead = public.concord_agency() OR public.concord_agency() = ANY (named))
$$;
GRANT EXECUTE ON FUNCTION case_visible(bigint, bigint[]) TO PUBLIC;

ALTER TABLE monitored_case ENABLE ROW LEVEL SECURITY;
CREATE POLICY monitored_case_read ON monitored_case FOR SELECT TO concord_app
    USING (case_visible(lead_agency_id, shared_with));
CREATE POLICY monitored_case_create ON monitored_case FOR INSERT TO concord_app
    WITH CHECK (lead_agency_id = concord_agency());
-- A lead may hand the case to another agency working it: the row must
-- still be seen by the actor afterwards (the domain keeps the old lead
-- on shared_with).
CREATE POLICY monitored_case_change ON monitored_case FOR UPDATE TO concord_app
    USING (case_visible(lead_agency_id, shared_with))
    WITH CHECK (case_visible(lead_agency_id, shared_with));

-- Every part of a case is seen, added and changed through its case.
DO $$
DECLARE
	t	text;
BEGIN
	FOREACH t IN ARRAY ARRAY['case_agency', 'case_incident', 'case_suggestion_dismissed',
	    'case_person', 'case_consent', 'case_place', 'case_event'] LOOP
		EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO concord_app '
		    'USING (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id)) '
		    'WITH CHECK (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id))',
		    t || '_through_case', t);
	END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON monitored_case, case_agency, case_incident,
    case_person, case_place TO concord_app;
GRANT SELECT, INSERT, DELETE ON case_suggestion_dismissed TO concord_app;
GRANT SELECT, INSERT ON case_consent, case_event TO concord_app;
GRANT USAGE ON SEQUENCE monitored_case_id_seq, monitored_case_number,
    case_person_id_seq, case_consent_id_seq, case_place_id_seq, case_event_id_seq
    TO concord_app;

-- A case's people as the acting agency may see them: every agency working
-- the case sees its subjects (sharing about offenders needs no consent:
-- section 115 of the Crime and Disorder Act 1998); the lead agency sees
-- everyone; any other agency sees a victim's or witness's details only
-- when that person's latest answer for that agency (case_consent) is yes.
-- Without person.view nobody's details are shown. Someone not shown is
-- named by their part ("Victim 2"), and none of their details are given.
-- SECURITY DEFINER, so it checks that the actor works the case itself.
CREATE FUNCTION case_people(the_case bigint)
RETURNS TABLE (case_person_id bigint, person_id bigint, role text, group_name text,
    member_of bigint, shown boolean, name text, phone text, email text, address text,
    postcode text, preferred_contact text, vulnerable boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT cp.id, cp.person_id, cp.role, cp.group_name, cp.member_of, s.shown,
	    CASE WHEN cp.group_name IS NOT NULL THEN cp.group_name
	        WHEN s.shown THEN coalesce(nullif(trim(coalesce(p.given_name, '') || ' ' ||
	            coalesce(p.family_name, '')), ''), 'Name not given')
	        ELSE initcap(cp.role) || ' ' ||
	            row_number() OVER (PARTITION BY cp.role ORDER BY cp.id) END,
	    CASE WHEN s.shown THEN coalesce(p.phone, '') ELSE '' END,
	    CASE WHEN s.shown THEN coalesce(p.email, '') ELSE '' END,
	    CASE WHEN s.shown THEN coalesce(p.address, '') ELSE '' END,
	    CASE WHEN s.shown THEN coalesce(p.postcode, '') ELSE '' END,
	    CASE WHEN s.shown THEN coalesce(p.preferred_contact, '') ELSE '' END,
	    s.shown AND coalesce(p.vulnerable, false)
	FROM monitored_case mc
	JOIN case_person cp ON cp.case_id = mc.id AND cp.removed_at IS NULL
	LEFT JOIN person p ON p.id = cp.person_id
	CROSS JOIN LATERAL (SELECT cp.person_id IS NOT NULL
	    AND current_setting('concord.person_view', true) = '1'
	    AND (mc.lead_agency_id = concord_agency() OR cp.role = 'subject'
	        OR coalesce((SELECT cc.consented FROM case_consent cc
	            WHERE cc.case_id = mc.id AND cc.person_id = cp.person_id
	              AND cc.agency_id = concord_agency()
	            ORDER BY cc.recorded_at DESC, cc.id DESC LIMIT 1), false)) AS shown) s
	WHERE mc.id = the_case AND case_visible(mc.lead_agency_id, mc.shared_with)
	ORDER BY cp.role, cp.id
$$;
REVOKE ALL ON FUNCTION case_people(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION case_people(bigint) TO concord_app;

-- Bank holidays, for working-day due dates; the rows come with the
-- working-day calendar's own migration.
CREATE TABLE bank_holiday (
	day		date NOT NULL,
	region		text NOT NULL DEFAULT 'england-and-wales'
			    CHECK (region IN ('england-and-wales', 'scotland', 'northern-ireland')),
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	PRIMARY KEY (region, day)
);
GRANT SELECT ON bank_holiday TO concord_app;

-- The ASB Case Review register (section 104 of the Anti-social Behaviour,
-- Crime and Policing Act 2014). An application is the partnership's, not
-- one agency's: every core partner (police force, council) sees the
-- register, and the agency that received it sees its own.
CREATE SEQUENCE case_review_number;

CREATE TABLE case_review_application (
	id		bigserial PRIMARY KEY,
	reference	text NOT NULL UNIQUE CHECK (reference ~ '^CR-[0-9]{4}-[0-9]{4,}$'),
	channel		text NOT NULL CHECK (channel IN ('online', 'phone', 'paper', 'in_person')),
	received_at	timestamptz NOT NULL DEFAULT now(),
	received_by	bigint REFERENCES app_user (id),	-- NULL: online
	agency_id	bigint NOT NULL REFERENCES agency (id),	-- the body it was made to
	-- The applicant, and the victim when the applicant applies for them.
	applicant_name	text NOT NULL CHECK (length(applicant_name) BETWEEN 1 AND 200),
	applicant_email	text NOT NULL DEFAULT '' CHECK (length(applicant_email) <= 254),
	applicant_phone	text NOT NULL DEFAULT '' CHECK (length(applicant_phone) <= 40),
	applicant_address text NOT NULL DEFAULT '' CHECK (length(applicant_address) <= 500),
	applicant_postcode text NOT NULL DEFAULT '' CHECK (length(applicant_postcode) <= 10),
	on_behalf	boolean NOT NULL DEFAULT false,
	victim_name	text NOT NULL DEFAULT '' CHECK (length(victim_name) <= 200),
	relationship	text NOT NULL DEFAULT '' CHECK (length(relationship) <= 200),
	victim_person_id bigint REFERENCES person (id),
	behaviour	text NOT NULL CHECK (length(behaviour) BETWEEN 1 AND 10000),
	reported_to	text NOT NULL DEFAULT '' CHECK (length(reported_to) <= 2000),
	case_id		bigint REFERENCES monitored_case (id),
	-- received → threshold_met | threshold_not_met → review_held → closed
	status		text NOT NULL DEFAULT 'received' CHECK (status IN ('received',
			    'threshold_met', 'threshold_not_met', 'review_held', 'closed')),
	complaints	integer CHECK (complaints IS NULL OR complaints >= 0),
	threshold_met	boolean,
	decision_reasons text NOT NULL DEFAULT '' CHECK (length(decision_reasons) <= 10000),
	decided_at	timestamptz,
	decided_by	bigint REFERENCES app_user (id),
	review_held_at	timestamptz,
	recommendations	boolean,
	outcome		text NOT NULL DEFAULT '' CHECK (length(outcome) <= 10000),
	-- An online applicant's tracking token: its SHA-256, as report.track_hash.
	track_hash	bytea,
	CHECK ((decided_at IS NULL) = (threshold_met IS NULL)),
	CHECK (on_behalf = (victim_name <> ''))
);
CREATE INDEX case_review_application_received ON case_review_application (received_at);
CREATE INDEX case_review_application_victim ON case_review_application (victim_person_id);

-- Each application's steps and when each is due (working days from the
-- configuration, over bank_holiday); done once, with who and a note.
CREATE TABLE case_review_milestone (
	id		bigserial PRIMARY KEY,
	application_id	bigint NOT NULL REFERENCES case_review_application (id),
	kind		text NOT NULL CHECK (kind IN ('acknowledge', 'decide', 'review',
			    'recommendations', 'outcome_letter', 'appeal')),
	due_on		date NOT NULL,
	done_at		timestamptz,
	done_by		bigint REFERENCES app_user (id),
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
	UNIQUE (application_id, kind)
);
CREATE INDEX case_review_milestone_due ON case_review_milestone (due_on) WHERE done_at IS NULL;

ALTER TABLE case_review_application ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_review_application_read ON case_review_application FOR SELECT
    TO concord_app USING (concord_agency() IS NOT NULL
        AND (agency_id = concord_agency() OR concord_agency_core()));
-- The public route inserts with no agency context but the receiving
-- agency's id set by the domain: a public actor (agency 0) may insert an
-- online application only.
CREATE POLICY case_review_application_create ON case_review_application FOR INSERT
    TO concord_app WITH CHECK (agency_id = concord_agency()
        OR (channel = 'online' AND received_by IS NULL));
CREATE POLICY case_review_application_change ON case_review_application FOR UPDATE
    TO concord_app USING (concord_agency() IS NOT NULL
        AND (agency_id = concord_agency() OR concord_agency_core()));
ALTER TABLE case_review_milestone ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_review_milestone_through ON case_review_milestone FOR ALL TO concord_app
    USING (EXISTS (SELECT 1 FROM case_review_application a WHERE a.id = application_id))
    WITH CHECK (EXISTS (SELECT 1 FROM case_review_application a WHERE a.id = application_id)
        OR concord_agency() IS NULL);

GRANT SELECT, INSERT, UPDATE ON case_review_application, case_review_milestone TO concord_app;
GRANT USAGE ON SEQUENCE case_review_application_id_seq, case_review_number,
    case_review_milestone_id_seq TO concord_app;

-- Case work: what is due on cases and Case Review applications, for the
-- queues. Each part replaces its own view (CREATE OR REPLACE VIEW, the same
-- columns in the same order) in its own migration; case_work is all of
-- them. user_id is the person it is for, team_id their team (either may be
-- NULL: a team's work, or a person's); path is the page to work it on.
CREATE VIEW case_work_suggestion AS
    SELECT NULL::bigint AS case_id, NULL::bigint AS application_id, NULL::text AS kind,
        NULL::text AS label, NULL::timestamptz AS due_at, NULL::bigint AS user_id,
        NULL::bigint AS team_id, NULL::bigint AS agency_id, NULL::text AS path
    WHERE false;
CREATE VIEW case_work_action AS
    SELECT NULL::bigint AS case_id, NULL::bigint AS application_id, NULL::text AS kind,
        NULL::text AS label, NULL::timestamptz AS due_at, NULL::bigint AS user_id,
        NULL::bigint AS team_id, NULL::bigint AS agency_id, NULL::text AS path
    WHERE false;
CREATE VIEW case_work_contact AS
    SELECT NULL::bigint AS case_id, NULL::bigint AS application_id, NULL::text AS kind,
        NULL::text AS label, NULL::timestamptz AS due_at, NULL::bigint AS user_id,
        NULL::bigint AS team_id, NULL::bigint AS agency_id, NULL::text AS path
    WHERE false;
CREATE VIEW case_work_review AS
    SELECT NULL::bigint AS case_id, NULL::bigint AS application_id, NULL::text AS kind,
        NULL::text AS label, NULL::timestamptz AS due_at, NULL::bigint AS user_id,
        NULL::bigint AS team_id, NULL::bigint AS agency_id, NULL::text AS path
    WHERE false;
CREATE VIEW case_work_milestone AS
    SELECT NULL::bigint AS case_id, NULL::bigint AS application_id, NULL::text AS kind,
        NULL::text AS label, NULL::timestamptz AS due_at, NULL::bigint AS user_id,
        NULL::bigint AS team_id, NULL::bigint AS agency_id, NULL::text AS path
    WHERE false;
CREATE VIEW case_work AS
    SELECT * FROM case_work_suggestion
    UNION ALL SELECT * FROM case_work_action
    UNION ALL SELECT * FROM case_work_contact
    UNION ALL SELECT * FROM case_work_review
    UNION ALL SELECT * FROM case_work_milestone;
GRANT SELECT ON case_work_suggestion, case_work_action, case_work_contact,
    case_work_review, case_work_milestone, case_work TO concord_app;

-- Who supervises cases (their reviews) and who co-ordinates the Case Review.
UPDATE role SET permissions = permissions || '{case.supervise}'::text[]
    WHERE code IN ('police_supervisor', 'council_manager')
      AND NOT 'case.supervise' = ANY (permissions);
UPDATE role SET permissions = permissions || '{case_review.manage}'::text[]
    WHERE code IN ('police_supervisor', 'council_manager')
      AND NOT 'case_review.manage' = ANY (permissions);
