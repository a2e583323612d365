-- Merging two records of one person, and undoing it (fcgi/domain/
-- person_merge.c, README "People"). A merge moves what points at the
-- merged person to the kept one and marks the merged person; the
-- person_merge row records exactly which rows moved, so an undo puts
-- every one of them back. Nothing is deleted: the merged person's row
-- stays, pointing at the kept one, and so do the links the acting agency
-- may not see (row security hides them from the move as from everything).

ALTER TABLE person
	ADD COLUMN merged_into	bigint REFERENCES person (id),
	ADD COLUMN merged_at	timestamptz,
	ADD COLUMN merged_by	bigint REFERENCES app_user (id),
	ADD CHECK (merged_into IS DISTINCT FROM id);
CREATE INDEX person_merged_into ON person (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE person_merge (
	id		bigserial PRIMARY KEY,
	kept_id		bigint NOT NULL REFERENCES person (id),
	merged_id	bigint NOT NULL REFERENCES person (id),
	-- What moved, table by table: {"incident_person": [{"incident_id",
	-- "role", "added_at", "added_by", "had_kept"}], "incident_reporter":
	-- [incident ids], "incident_victim": [...], "report_reporter":
	-- [report ids], "case_review_notice": [ids], "incident_call": [ids]}.
	-- had_kept: the kept person already had that part in that incident,
	-- so the merged person's row went and nothing was added.
	moved		jsonb NOT NULL,
	merged_by	bigint NOT NULL REFERENCES app_user (id),
	merged_at	timestamptz NOT NULL DEFAULT now(),
	undone_at	timestamptz,
	undone_by	bigint REFERENCES app_user (id),
	CHECK (kept_id <> merged_id),
	CHECK ((undone_at IS NULL) = (undone_by IS NULL))
);
-- At most one merge of a person is in force at a time.
CREATE UNIQUE INDEX person_merge_current ON person_merge (merged_id)
    WHERE undone_at IS NULL;
CREATE INDEX person_merge_kept ON person_merge (kept_id);

-- Seen, made and undone by whoever may see both people.
ALTER TABLE person_merge ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_merge_read ON person_merge FOR SELECT TO concord_app
    USING (EXISTS (SELECT 1 FROM person p WHERE p.id = kept_id)
        AND EXISTS (SELECT 1 FROM person p WHERE p.id = merged_id));
CREATE POLICY person_merge_create ON person_merge FOR INSERT TO concord_app
    WITH CHECK (EXISTS (SELECT 1 FROM person p WHERE p.id = kept_id)
        AND EXISTS (SELECT 1 FROM person p WHERE p.id = merged_id)
        AND merged_by IS NOT DISTINCT FROM audit_acting_user());
CREATE POLICY person_merge_undo ON person_merge FOR UPDATE TO concord_app
    USING (EXISTS (SELECT 1 FROM person p WHERE p.id = kept_id)
        AND EXISTS (SELECT 1 FROM person p WHERE p.id = merged_id))
    WITH CHECK (undone_by IS NOT DISTINCT FROM audit_acting_user());
GRANT SELECT, INSERT ON person_merge TO concord_app;
GRANT UPDATE (undone_at, undone_by) ON person_merge TO concord_app;
GRANT USAGE ON SEQUENCE person_merge_id_seq TO concord_app;

-- A merge re-points the reports, Case Review notices and calls of the
-- incidents the actor may see; only the person column may change.
CREATE POLICY report_person_change ON report FOR UPDATE TO concord_app
    USING (concord_visible(owning_agency_id, sharing, shared_with))
    WITH CHECK (concord_visible(owning_agency_id, sharing, shared_with));
GRANT UPDATE (reporter_id) ON report TO concord_app;

CREATE POLICY case_review_notice_person_change ON case_review_notice FOR UPDATE
    TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id))
    WITH CHECK (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));
GRANT UPDATE (person_id) ON case_review_notice TO concord_app;

CREATE POLICY incident_call_person_change ON incident_call FOR UPDATE TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id))
    WITH CHECK (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));
GRANT UPDATE (caller_id) ON incident_call TO concord_app;
