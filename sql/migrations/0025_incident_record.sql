-- The incident as the working record (issue 9): what every channel's
-- intake writes besides the incident row itself, and what later changes
-- to an incident (people, links, calls, closure, the Case Review notice)
-- keep. Row security as for incident_update (0012): a row is seen by
-- whoever may see its incident and added only to such an incident.

-- What the intake and the flags fill in on the incident.
ALTER TABLE incident
	-- The national standard's qualifier (NSIR): personal, nuisance or
	-- environmental; the type's category unless the officer chose.
	ADD COLUMN nsir			asb_category,
	ADD COLUMN urgent		boolean NOT NULL DEFAULT false,
	ADD COLUMN hate			boolean NOT NULL DEFAULT false,
	ADD COLUMN repeat_subject	boolean NOT NULL DEFAULT false,
	-- The officer in charge.
	ADD COLUMN officer_id		bigint REFERENCES app_user (id),
	-- Awaiting a full risk assessment by an officer, by this time (a call
	-- handler's screening said yes); NULL once assessed or never asked.
	ADD COLUMN assessment_due	timestamptz,
	-- The provisional score from the public form's triage answers and
	-- the question weights: shown to staff until an officer assesses.
	ADD COLUMN provisional_score	integer CHECK (provisional_score >= 0),
	ADD COLUMN provisional_level	risk_level,
	-- The closure: who, when, why and the outcome.
	ADD COLUMN closed_at		timestamptz,
	ADD COLUMN closed_by		bigint REFERENCES app_user (id),
	ADD COLUMN closure_reason	text,
	ADD COLUMN outcome		text,
	-- A request to a supervisor to close, from a role that cannot.
	ADD COLUMN close_requested_at	timestamptz,
	ADD COLUMN close_requested_by	bigint REFERENCES app_user (id),
	ADD COLUMN close_request_reason	text;

CREATE INDEX incident_assessment_due ON incident (assessment_due)
    WHERE assessment_due IS NOT NULL;
CREATE INDEX incident_log_number ON incident (upper(log_number))
    WHERE log_number IS NOT NULL;

-- A force's rules for its officers' and call handlers' entry: the format
-- of its incident log number (a POSIX regular expression; NULL: any text
-- of up to 40 characters) and the fields each must give at creation
-- (field names as domain/intake.h lists them).
ALTER TABLE agency
	ADD COLUMN log_number_pattern	text,
	ADD COLUMN log_number_example	text,
	ADD COLUMN police_mandatory	text[] NOT NULL DEFAULT
	    '{type,nsir,description,when,where,log_number,victim,risk}',
	ADD COLUMN call_mandatory	text[] NOT NULL DEFAULT
	    '{type,description,where,caller,screening}';

-- The people in an incident and their part in it.
CREATE TYPE person_role AS ENUM ('victim', 'witness', 'reporter', 'subject');

CREATE TABLE incident_person (
	incident_id	bigint NOT NULL REFERENCES incident (id),
	person_id	bigint NOT NULL REFERENCES person (id),
	role		person_role NOT NULL,
	added_at	timestamptz NOT NULL DEFAULT now(),
	added_by	bigint REFERENCES app_user (id),
	PRIMARY KEY (incident_id, person_id, role)
);
CREATE INDEX incident_person_person ON incident_person (person_id, role);

-- Every incident's reporter (and victim) before this migration, as people.
INSERT INTO incident_person (incident_id, person_id, role, added_at)
SELECT id, reporter_id, 'reporter', reported_at FROM incident
WHERE reporter_id IS NOT NULL
ON CONFLICT DO NOTHING;
INSERT INTO incident_person (incident_id, person_id, role, added_at)
SELECT id, victim_id, 'victim', reported_at FROM incident
WHERE victim_id IS NOT NULL
ON CONFLICT DO NOTHING;

-- Incidents an officer linked as the same problem (or the intake, when
-- the officer chose one at creation). One row per pair, smaller id first.
CREATE TABLE incident_link (
	incident_id	bigint NOT NULL REFERENCES incident (id),
	linked_id	bigint NOT NULL REFERENCES incident (id),
	created_at	timestamptz NOT NULL DEFAULT now(),
	created_by	bigint REFERENCES app_user (id),
	reason		text NOT NULL DEFAULT '',
	PRIMARY KEY (incident_id, linked_id),
	CHECK (incident_id < linked_id)
);
CREATE INDEX incident_link_linked ON incident_link (linked_id);

-- A call about an incident (the first, and every later one): the call
-- handler's quick entry and repeat callers.
CREATE TABLE incident_call (
	id		bigserial PRIMARY KEY,
	incident_id	bigint NOT NULL REFERENCES incident (id),
	at		timestamptz NOT NULL DEFAULT now(),
	caller_id	bigint REFERENCES person (id),
	log_number	text,
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
	created_by	bigint REFERENCES app_user (id)
);
CREATE INDEX incident_call_incident ON incident_call (incident_id, at DESC);

-- Staff told a victim about the ASB Case Review (the 2025 statutory
-- guidance asks for it at the second complaint in the window).
CREATE TABLE case_review_notice (
	id		bigserial PRIMARY KEY,
	person_id	bigint NOT NULL REFERENCES person (id),
	incident_id	bigint NOT NULL REFERENCES incident (id),
	told_at		timestamptz NOT NULL DEFAULT now(),
	told_by		bigint REFERENCES app_user (id),
	how		text NOT NULL CHECK (how IN ('phone', 'email', 'letter', 'in_person')),
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 2000)
);
CREATE INDEX case_review_notice_person ON case_review_notice (person_id, told_at DESC);

ALTER TABLE incident_person ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_person_read ON incident_person FOR SELECT TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));
CREATE POLICY incident_person_create ON incident_person FOR INSERT TO concord_app
    WITH CHECK (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));
CREATE POLICY incident_person_remove ON incident_person FOR DELETE TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));

-- A link is seen from either side that may be seen.
ALTER TABLE incident_link ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_link_read ON incident_link FOR SELECT TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id)
        OR EXISTS (SELECT 1 FROM incident i WHERE i.id = linked_id));
CREATE POLICY incident_link_create ON incident_link FOR INSERT TO concord_app
    WITH CHECK (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id)
        AND EXISTS (SELECT 1 FROM incident i WHERE i.id = linked_id));
CREATE POLICY incident_link_remove ON incident_link FOR DELETE TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id)
        AND EXISTS (SELECT 1 FROM incident i WHERE i.id = linked_id));

ALTER TABLE incident_call ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_call_read ON incident_call FOR SELECT TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));
CREATE POLICY incident_call_create ON incident_call FOR INSERT TO concord_app
    WITH CHECK (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id)
        AND created_by IS NOT DISTINCT FROM audit_acting_user());

ALTER TABLE case_review_notice ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_review_notice_read ON case_review_notice FOR SELECT TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));
CREATE POLICY case_review_notice_create ON case_review_notice FOR INSERT TO concord_app
    WITH CHECK (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id)
        AND told_by IS NOT DISTINCT FROM audit_acting_user());

GRANT SELECT, INSERT, DELETE ON incident_person, incident_link TO concord_app;
GRANT SELECT, INSERT ON incident_call, case_review_notice TO concord_app;
GRANT USAGE ON SEQUENCE incident_call_id_seq, case_review_notice_id_seq TO concord_app;

-- Supervisors and managers merge people (and undo a merge).
UPDATE role SET permissions = permissions || '{person.merge}'::text[]
WHERE code IN ('police_supervisor', 'council_manager')
    AND NOT 'person.merge' = ANY (permissions);
