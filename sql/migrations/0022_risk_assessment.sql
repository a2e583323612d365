-- The structured risk assessment, kept as data (issue 9): a questionnaire
-- is a numbered version with its questions, score bands and review
-- cadence; an assessment of an incident names the version it was made
-- with, so it always shows the questions that were asked, whatever later
-- versions say. Scoring is domain/risk.c; README "Risk assessment"
-- explains the default below and how to make a new version.
--
-- A version is a draft until risk_questionnaire_publish() checks and
-- publishes it; from then on its questions, bands and cadence are frozen
-- (a trigger refuses any change), and exactly one published version is
-- the active one that new assessments use.

CREATE TABLE risk_questionnaire (
	version		integer PRIMARY KEY CHECK (version > 0),
	name		text NOT NULL CHECK (name <> ''),
	-- What a "don't know" adds: this percentage of the question's weight
	-- (summed over the don't-knows, then rounded down).
	unknown_percent	integer NOT NULL DEFAULT 50
	    CHECK (unknown_percent BETWEEN 0 AND 100),
	created_at	timestamptz NOT NULL DEFAULT now(),
	published_at	timestamptz,
	active		boolean NOT NULL DEFAULT false,
	CHECK (NOT active OR published_at IS NOT NULL)
);
CREATE UNIQUE INDEX risk_questionnaire_one_active ON risk_questionnaire (active)
    WHERE active;

-- Every question is answered yes, no or don't know. The answer that
-- shows risk (`risky`: yes for most, no for "is there support") adds the
-- weight; with forces_level set, that answer alone also raises the level
-- to at least forces_level, whatever the score.
CREATE TABLE risk_question (
	version		integer NOT NULL REFERENCES risk_questionnaire (version),
	position	integer NOT NULL CHECK (position > 0),
	key		text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
	label		text NOT NULL CHECK (label <> ''),
	hint		text NOT NULL DEFAULT '',
	kind		text NOT NULL DEFAULT 'yes_no_unknown'
	    CHECK (kind = 'yes_no_unknown'),
	risky		text NOT NULL DEFAULT 'yes' CHECK (risky IN ('yes', 'no')),
	weight		integer NOT NULL CHECK (weight BETWEEN 0 AND 100),
	forces_level	risk_level,
	PRIMARY KEY (version, key),
	UNIQUE (version, position)
);

-- A score at or above min_score is at least this level; standard starts
-- at 0 (risk_questionnaire_publish checks the bands rise with the level).
CREATE TABLE risk_band (
	version		integer NOT NULL REFERENCES risk_questionnaire (version),
	level		risk_level NOT NULL,
	min_score	integer NOT NULL CHECK (min_score >= 0),
	PRIMARY KEY (version, level)
);

-- When an assessment at this level is due for review: this many days
-- after it was made, once for each row.
CREATE TABLE risk_review_cadence (
	version		integer NOT NULL REFERENCES risk_questionnaire (version),
	level		risk_level NOT NULL,
	after_days	integer NOT NULL CHECK (after_days BETWEEN 1 AND 3650),
	PRIMARY KEY (version, level, after_days)
);

-- One row per assessment of an incident; a reassessment is a new row and
-- none is ever changed, so the history is the table.
CREATE TABLE risk_assessment (
	id		bigserial PRIMARY KEY,
	incident_id	bigint NOT NULL REFERENCES incident (id),
	version		integer NOT NULL REFERENCES risk_questionnaire (version),
	answers		jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
	score		integer NOT NULL CHECK (score >= 0),
	level		risk_level NOT NULL,
	assessed_by	bigint REFERENCES app_user (id),
	assessed_at	timestamptz NOT NULL DEFAULT now(),
	reason		text NOT NULL DEFAULT ''
);
CREATE INDEX risk_assessment_incident ON risk_assessment (incident_id, assessed_at DESC, id DESC);

-- A published version's questions, bands and cadence never change: an old
-- assessment must show exactly what was asked. Drafts may be edited.
CREATE FUNCTION risk_version_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	v	integer;
BEGIN
	IF TG_OP = 'INSERT' THEN
		v := NEW.version;
	ELSE
		v := OLD.version;
	END IF;
	IF EXISTS (SELECT 1 FROM risk_questionnaire q
	    WHERE q.version = v AND q.published_at IS NOT NULL)
	   OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM risk_questionnaire q
	    WHERE q.version = NEW.version AND q.published_at IS NOT NULL)) THEN
		RAISE EXCEPTION 'risk questionnaire version % is published and cannot change: make a new version', v
		    USING ERRCODE = 'integrity_constraint_violation';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER risk_question_frozen BEFORE INSERT OR UPDATE OR DELETE ON risk_question
    FOR EACH ROW EXECUTE FUNCTION risk_version_frozen();
CREATE TRIGGER risk_band_frozen BEFORE INSERT OR UPDATE OR DELETE ON risk_band
    FOR EACH ROW EXECUTE FUNCTION risk_version_frozen();
CREATE TRIGGER risk_review_cadence_frozen BEFORE INSERT OR UPDATE OR DELETE
    ON risk_review_cadence FOR EACH ROW EXECUTE FUNCTION risk_version_frozen();

-- Of a published version only `active` may change, and it is never deleted.
CREATE FUNCTION risk_questionnaire_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.published_at IS NOT NULL AND (TG_OP = 'DELETE'
	    OR (OLD.version, OLD.name, OLD.unknown_percent, OLD.created_at,
	        OLD.published_at)
	    IS DISTINCT FROM (NEW.version, NEW.name, NEW.unknown_percent,
	        NEW.created_at, NEW.published_at)) THEN
		RAISE EXCEPTION 'risk questionnaire version % is published and cannot change: make a new version',
		    OLD.version USING ERRCODE = 'integrity_constraint_violation';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER risk_questionnaire_frozen BEFORE UPDATE OR DELETE ON risk_questionnaire
    FOR EACH ROW EXECUTE FUNCTION risk_questionnaire_frozen();

-- A new draft version, a copy of `source` (questions, bands, cadence) to
-- edit before publishing. Returns the new version number.
CREATE FUNCTION risk_questionnaire_copy(source integer, new_name text)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	v	integer;
BEGIN
	SELECT max(version) + 1 INTO v FROM risk_questionnaire;
	INSERT INTO risk_questionnaire (version, name, unknown_percent)
	SELECT v, new_name, q.unknown_percent FROM risk_questionnaire q
	WHERE q.version = source;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no risk questionnaire version %', source;
	END IF;
	INSERT INTO risk_question (version, position, key, label, hint, kind, risky,
	    weight, forces_level)
	SELECT v, position, key, label, hint, kind, risky, weight, forces_level
	FROM risk_question WHERE version = source;
	INSERT INTO risk_band (version, level, min_score)
	SELECT v, level, min_score FROM risk_band WHERE version = source;
	INSERT INTO risk_review_cadence (version, level, after_days)
	SELECT v, level, after_days FROM risk_review_cadence WHERE version = source;
	RETURN v;
END
$$;

-- Checks a draft and makes it the active version: at least one question,
-- a band for every level, standard from 0, each level's band above the
-- one below. New assessments use it; old ones keep theirs.
CREATE FUNCTION risk_questionnaire_publish(v integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	mins	integer[];
BEGIN
	IF NOT EXISTS (SELECT 1 FROM risk_questionnaire WHERE version = v
	    AND published_at IS NULL) THEN
		RAISE EXCEPTION 'risk questionnaire version % is not a draft', v;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM risk_question WHERE version = v) THEN
		RAISE EXCEPTION 'risk questionnaire version % has no questions', v;
	END IF;
	SELECT array_agg(min_score ORDER BY level) INTO mins
	FROM risk_band WHERE version = v;
	IF coalesce(array_length(mins, 1), 0) <> 3 OR mins[1] <> 0
	    OR mins[2] <= mins[1] OR mins[3] <= mins[2] THEN
		RAISE EXCEPTION 'risk questionnaire version %: bands must be standard from 0, then medium, then high, each higher', v;
	END IF;
	UPDATE risk_questionnaire SET active = false WHERE active;
	UPDATE risk_questionnaire SET published_at = now(), active = true
	WHERE version = v;
END
$$;

-- Row security as for incident_update (0012): an assessment is seen by
-- whoever may see its incident, and added only to such an incident, under
-- the transaction's own actor (0017), with a published version (never a
-- draft that may still change). No UPDATE and no DELETE.
ALTER TABLE risk_assessment ENABLE ROW LEVEL SECURITY;
CREATE POLICY risk_assessment_read ON risk_assessment FOR SELECT TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));
CREATE POLICY risk_assessment_create ON risk_assessment FOR INSERT TO concord_app
    WITH CHECK (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id)
        AND assessed_by IS NOT DISTINCT FROM audit_acting_user()
        AND EXISTS (SELECT 1 FROM risk_questionnaire q
            WHERE q.version = risk_assessment.version AND q.published_at IS NOT NULL));

-- The questionnaires are read by the application and changed only by an
-- operator (as the tables' owner, with the functions above).
GRANT SELECT ON risk_questionnaire, risk_question, risk_band, risk_review_cadence
    TO concord_app;
GRANT SELECT, INSERT ON risk_assessment TO concord_app;
GRANT USAGE ON SEQUENCE risk_assessment_id_seq TO concord_app;
REVOKE ALL ON FUNCTION risk_questionnaire_copy(integer, text),
    risk_questionnaire_publish(integer) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- The default, version 1: personal, situational and incidental
-- vulnerability. Weights 1-3 (3: a strong sign of harm on its own); the
-- total is 31. Medium from 8 (about three strong factors), high from 16
-- (more than half of everything), so that an assessment where nothing is
-- known yet (every answer "don't know": 15) comes out medium, not high.
-- Being targeted for who one is, or threats and fear of reprisals, make
-- it at least medium whatever the score.
INSERT INTO risk_questionnaire (version, name, unknown_percent)
VALUES (1, 'Personal, situational and incidental vulnerability', 50);

INSERT INTO risk_question (version, position, key, label, hint, risky, weight,
    forces_level) VALUES
(1, 1, 'targeted', 'Is the victim targeted because of who they are?',
 'For example their race, religion, sexual orientation, disability or gender identity.',
 'yes', 3, 'medium'),
(1, 2, 'disability', 'Does the victim have a disability, illness or mental health condition?',
 '', 'yes', 3, NULL),
(1, 3, 'age', 'Does the victim''s age make them more vulnerable?',
 'For example a child, or an older person.', 'yes', 2, NULL),
(1, 4, 'isolated', 'Does the victim live alone or are they isolated?', '',
 'yes', 2, NULL),
(1, 5, 'health_affected', 'Is the behaviour affecting the victim''s health?',
 'Physical or mental health, including sleep.', 'yes', 3, NULL),
(1, 6, 'afraid_home', 'Is the victim afraid to stay in or to leave their home?', '',
 'yes', 3, NULL),
(1, 7, 'considering_moving', 'Is the victim considering moving because of it?', '',
 'yes', 2, NULL),
(1, 8, 'children_affected', 'Are children affected?', '', 'yes', 2, NULL),
(1, 9, 'threats', 'Has the victim been threatened, or do they fear reprisals?', '',
 'yes', 3, 'medium'),
(1, 10, 'perpetrator_known', 'Is the perpetrator known to the victim?',
 'A neighbour, relative or someone else they know.', 'yes', 1, NULL),
(1, 11, 'escalating', 'Is the behaviour escalating?',
 'Happening more often, or getting worse.', 'yes', 3, NULL),
(1, 12, 'property_damaged', 'Has the victim''s property been damaged?', '',
 'yes', 2, NULL),
(1, 13, 'support', 'Does the victim have support?',
 'From family, friends, neighbours or a support service.', 'no', 2, NULL);

INSERT INTO risk_band (version, level, min_score) VALUES
(1, 'standard', 0), (1, 'medium', 8), (1, 'high', 16);

INSERT INTO risk_review_cadence (version, level, after_days) VALUES
(1, 'high', 14), (1, 'high', 28), (1, 'high', 56),
(1, 'medium', 28), (1, 'medium', 56);

SELECT risk_questionnaire_publish(1);
