-- Victim contact and supervisor reviews on monitored cases (issue 13,
-- README "Victim contact and supervisor reviews").
--
-- Per victim on a case: the contact plan agreed with them (how often, how,
-- from when; a new plan replaces the old one, which is kept) and the log
-- of contacts with them. The next contact is due on the London date of the
-- latest contact on or after the plan's start plus the plan's days, or on
-- the plan's start when there is none; it is overdue at the end of that
-- day, Europe/London (domain/case_clock.c says the same in C).
--
-- Supervisor reviews of a case fall on the days from its opening that its
-- risk level's cadence lists (config case_review_cadence_*, copied into
-- case_review_cadence by every concord-fcgi worker as it starts); after
-- the last listed day, every last gap. A review counts for the review due
-- when it was recorded (due_on), so an early review is not asked for again
-- on its day. The next review is the first day of the cadence after both
-- the last review and the day it counted for; with none, the first day.
-- A change of risk level takes the new cadence from the opening.

CREATE TABLE case_contact_plan (
	id		bigserial PRIMARY KEY,
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	person_id	bigint NOT NULL REFERENCES person (id),
	every_days	integer NOT NULL CHECK (every_days BETWEEN 1 AND 365),
	method		text NOT NULL CHECK (method IN ('phone', 'email', 'letter',
			    'in_person', 'text')),
	starts_on	date NOT NULL,
	agreed_at	timestamptz NOT NULL DEFAULT now(),
	agreed_by	bigint NOT NULL REFERENCES app_user (id),
	-- Set when a new plan takes its place: the plans' history.
	replaced_at	timestamptz,
	replaced_by	bigint REFERENCES app_user (id)
);
CREATE UNIQUE INDEX case_contact_plan_current ON case_contact_plan (case_id, person_id)
    WHERE replaced_at IS NULL;

CREATE TABLE case_contact (
	id		bigserial PRIMARY KEY,
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	person_id	bigint NOT NULL REFERENCES person (id),
	contacted_at	timestamptz NOT NULL,
	method		text NOT NULL CHECK (method IN ('phone', 'email', 'letter',
			    'in_person', 'text')),
	outcome		text NOT NULL CHECK (outcome IN ('spoke', 'message', 'no_answer',
			    'letter_sent', 'visit')),
	told		text NOT NULL DEFAULT '' CHECK (length(told) <= 4000),
	-- "Consulted on the action plan": the victim was asked about it.
	consulted	boolean NOT NULL DEFAULT false,
	recorded_at	timestamptz NOT NULL DEFAULT now(),
	recorded_by	bigint NOT NULL REFERENCES app_user (id)
);
CREATE INDEX case_contact_person ON case_contact (case_id, person_id, contacted_at DESC);

CREATE TABLE case_supervisor_review (
	id		bigserial PRIMARY KEY,
	case_id		bigint NOT NULL REFERENCES monitored_case (id),
	reviewed_at	timestamptz NOT NULL DEFAULT now(),
	reviewed_by	bigint NOT NULL REFERENCES app_user (id),
	-- The review that was due when this one was recorded (NULL: none was).
	due_on		date,
	decision	text NOT NULL CHECK (decision IN ('continue', 'change_risk',
			    'close_recommended')),
	risk_before	risk_level NOT NULL,
	risk_after	risk_level NOT NULL,
	note		text NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
	CHECK ((decision = 'change_risk') = (risk_before <> risk_after))
);
CREATE INDEX case_supervisor_review_case ON case_supervisor_review (case_id, reviewed_at DESC);

-- Seen, added and changed through the case, as every part of a case (0049).
ALTER TABLE case_contact_plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_contact ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_supervisor_review ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_contact_plan_through_case ON case_contact_plan FOR ALL TO concord_app
    USING (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id));
CREATE POLICY case_contact_through_case ON case_contact FOR ALL TO concord_app
    USING (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id));
CREATE POLICY case_supervisor_review_through_case ON case_supervisor_review FOR ALL
    TO concord_app USING (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM monitored_case c WHERE c.id = case_id));
GRANT SELECT, INSERT, UPDATE ON case_contact_plan TO concord_app;
GRANT SELECT, INSERT ON case_contact, case_supervisor_review TO concord_app;
GRANT USAGE ON SEQUENCE case_contact_plan_id_seq, case_contact_id_seq,
    case_supervisor_review_id_seq TO concord_app;

-- The review cadence by risk level: days from the opening, increasing.
-- The configuration is the source (case_review_cadence_*); each worker
-- writes it here as it starts (domain/case_cadence.c), so that the plain
-- view below, and anything reading case_work, uses the same days. The
-- rows here are the configuration's defaults.
CREATE TABLE case_review_cadence (
	risk_level	risk_level PRIMARY KEY,
	days		integer[] NOT NULL CHECK (array_position(days, NULL) IS NULL)
);
INSERT INTO case_review_cadence VALUES
    ('high', '{14,28,56}'), ('medium', '{28,56}'), ('standard', '{}');
GRANT SELECT, UPDATE ON case_review_cadence TO concord_app;

-- The first day of the cadence (days from opened) after `after`: the
-- listed days, then every last gap (the last day itself for one day).
-- NULL for no cadence. domain/case_clock.c case_review_due_on is the same.
CREATE FUNCTION case_review_due_on(opened date, days integer[], after date)
RETURNS date LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
	    WHEN coalesce(cardinality(days), 0) = 0 THEN NULL
	    WHEN after < opened + days[cardinality(days)] THEN
	        (SELECT opened + d FROM unnest(days) d WHERE opened + d > after
	         ORDER BY d LIMIT 1)
	    ELSE opened + days[cardinality(days)] + g.gap *
	        ((after - (opened + days[cardinality(days)])) / g.gap + 1)
	    END
	FROM (SELECT CASE WHEN cardinality(days) > 1
	    THEN days[cardinality(days)] - days[cardinality(days) - 1]
	    ELSE days[1] END AS gap) g
$$;
GRANT EXECUTE ON FUNCTION case_review_due_on(date, integer[], date) TO PUBLIC;

-- The London day a time falls on, and the moment a London day ends.
CREATE FUNCTION case_clock_day(at timestamptz) RETURNS date
LANGUAGE sql STABLE AS $$ SELECT (at AT TIME ZONE 'Europe/London')::date $$;
CREATE FUNCTION case_clock_day_end(day date) RETURNS timestamptz
LANGUAGE sql STABLE AS $$ SELECT ((day + 1)::timestamp AT TIME ZONE 'Europe/London') $$;
GRANT EXECUTE ON FUNCTION case_clock_day(timestamptz), case_clock_day_end(date) TO PUBLIC;

-- Each open case's next contact per victim with a current plan.
CREATE VIEW case_contact_due WITH (security_invoker = true) AS
    SELECT p.case_id, p.person_id, p.method, p.every_days,
        CASE WHEN l.last_day IS NULL THEN p.starts_on
            ELSE l.last_day + p.every_days END AS due_on
    FROM case_contact_plan p
    JOIN monitored_case c ON c.id = p.case_id AND c.status = 'open'
    JOIN case_person cp ON cp.case_id = p.case_id AND cp.person_id = p.person_id
        AND cp.role = 'victim' AND cp.removed_at IS NULL
    CROSS JOIN LATERAL (SELECT max(case_clock_day(k.contacted_at)) AS last_day
        FROM case_contact k WHERE k.case_id = p.case_id AND k.person_id = p.person_id
          AND case_clock_day(k.contacted_at) >= p.starts_on) l
    WHERE p.replaced_at IS NULL;
GRANT SELECT ON case_contact_due TO concord_app;

-- Each open case's next supervisor review (none on an empty cadence).
CREATE VIEW case_review_due WITH (security_invoker = true) AS
    SELECT c.id AS case_id, c.lead_agency_id, c.lead_user_id, c.lead_team_id,
        case_review_due_on(case_clock_day(c.opened_at), k.days,
            coalesce(greatest(case_clock_day(r.reviewed_at), r.due_on),
                case_clock_day(c.opened_at))) AS due_on
    FROM monitored_case c
    JOIN case_review_cadence k ON k.risk_level = c.risk_level
    LEFT JOIN LATERAL (SELECT s.reviewed_at, s.due_on FROM case_supervisor_review s
        WHERE s.case_id = c.id ORDER BY s.reviewed_at DESC, s.id DESC LIMIT 1) r ON true
    WHERE c.status = 'open' AND cardinality(k.days) > 0;
GRANT SELECT ON case_review_due TO concord_app;

-- Victim contacts due, for the lead officer. The victim is named through
-- case_people, so an agency without their consent reads "Victim 1".
CREATE OR REPLACE VIEW case_work_contact WITH (security_invoker = true) AS
    SELECT d.case_id, NULL::bigint AS application_id, 'contact'::text AS kind,
        ('Contact ' || coalesce((SELECT cp.name FROM case_people(d.case_id) cp
            WHERE cp.person_id = d.person_id AND cp.role = 'victim' LIMIT 1), 'the victim')
         || ' by ' || CASE d.method WHEN 'phone' THEN 'phone' WHEN 'email' THEN 'email'
            WHEN 'letter' THEN 'letter' WHEN 'in_person' THEN 'visiting in person'
            ELSE 'text message' END)::text AS label,
        case_clock_day_end(d.due_on) AS due_at, c.lead_user_id AS user_id,
        c.lead_team_id AS team_id, c.lead_agency_id AS agency_id,
        ('/staff/cases/' || c.reference || '/contact')::text AS path
    FROM case_contact_due d JOIN monitored_case c ON c.id = d.case_id;

-- Supervisor reviews due, for the lead's team (the case's lead team, or
-- the lead officer's own team when it has none).
CREATE OR REPLACE VIEW case_work_review WITH (security_invoker = true) AS
    SELECT d.case_id, NULL::bigint AS application_id, 'review'::text AS kind,
        ('Supervisor review of ' || c.reference || ' due')::text AS label,
        case_clock_day_end(d.due_on) AS due_at, NULL::bigint AS user_id,
        coalesce(c.lead_team_id, (SELECT u.team_id FROM app_user u
            WHERE u.id = c.lead_user_id)) AS team_id,
        c.lead_agency_id AS agency_id,
        ('/staff/cases/' || c.reference || '/reviews')::text AS path
    FROM case_review_due d JOIN monitored_case c ON c.id = d.case_id;

-- A view runs as its owner unless told otherwise, and the owner here (the
-- migrating superuser) is not held by row security: the views above read
-- as the person asking (security_invoker), so that a case another agency
-- does not work never shows. case_work reads them as its own owner
-- otherwise, so it too (the coordinator sets it on merging; harmless twice).
ALTER VIEW case_work SET (security_invoker = true);
