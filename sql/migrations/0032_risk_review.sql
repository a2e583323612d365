-- Risk reviews and the provisional score (issue 9). README "Risk
-- assessment" explains both.

-- Which question of the active questionnaire each of the public form's
-- triage answers stands for: a "yes" on the form adds that question's
-- weight (when its risky answer is yes) to the provisional score. An
-- operator changes the mapping here; a key the active version does not
-- have adds nothing.
CREATE TABLE risk_triage_map (
	triage_key	text PRIMARY KEY CHECK (triage_key IN ('feels_unsafe',
	    'vulnerable', 'targeted', 'happened_before')),
	question_key	text NOT NULL CHECK (question_key ~ '^[a-z][a-z0-9_]{0,39}$')
);
INSERT INTO risk_triage_map (triage_key, question_key) VALUES
('feels_unsafe', 'afraid_home'),
('vulnerable', 'disability'),
('targeted', 'targeted'),
('happened_before', 'escalating');
GRANT SELECT ON risk_triage_map TO concord_app;

-- A supervisor's review of an incident's assessment: the level confirmed
-- (level_after = level_before) or changed, with a note. The next review
-- then counts from the latest review (domain/risk_review.c). Never
-- changed: a later review is another row.
CREATE TABLE risk_review (
	id		bigserial PRIMARY KEY,
	incident_id	bigint NOT NULL REFERENCES incident (id),
	assessment_id	bigint NOT NULL REFERENCES risk_assessment (id),
	level_before	risk_level NOT NULL,
	level_after	risk_level NOT NULL,
	note		text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
	reviewed_by	bigint REFERENCES app_user (id),
	reviewed_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risk_review_incident ON risk_review (incident_id, reviewed_at DESC, id DESC);

-- As risk_assessment (0022): seen by whoever may see the incident, added
-- only to such an incident under the transaction's own actor.
ALTER TABLE risk_review ENABLE ROW LEVEL SECURITY;
CREATE POLICY risk_review_read ON risk_review FOR SELECT TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));
CREATE POLICY risk_review_create ON risk_review FOR INSERT TO concord_app
    WITH CHECK (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id)
        AND reviewed_by IS NOT DISTINCT FROM audit_acting_user());

GRANT SELECT, INSERT ON risk_review TO concord_app;
GRANT USAGE ON SEQUENCE risk_review_id_seq TO concord_app;
