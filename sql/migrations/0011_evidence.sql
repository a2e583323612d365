-- Evidence: the metadata of files uploaded with reports. The bytes live
-- outside the web root, in evidence_dir, named by their SHA-256
-- (ab/cd/<sha256>), and nginx serves them only after the application has
-- checked who is asking and audited the download (X-Accel-Redirect to an
-- internal location). The same bytes attached twice are stored once and
-- have two rows here.
--
-- A row takes its incident's owner and sharing, and keeps them in step
-- when the incident's change (trigger below), so that row security gives
-- the same answer for an incident and its evidence.
CREATE TABLE evidence (
	id			bigserial PRIMARY KEY,
	incident_id		bigint NOT NULL REFERENCES incident(id),
	-- The reference the reporter was given, when it came with a report.
	report_reference	text CHECK (length(report_reference) BETWEEN 1 AND 64),
	sha256			text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	size			bigint NOT NULL CHECK (size > 0),
	-- Decided from the file's bytes, never from its name or the client.
	media_type		text NOT NULL CHECK (media_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
	category		text NOT NULL
	    CHECK (category IN ('photo', 'document', 'audio', 'video')),
	-- The name it was sent with: last path component only, no control
	-- characters. Shown to staff; never used as a path.
	original_name		text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255
	    AND original_name !~ '[[:cntrl:]]'),
	uploaded_by		bigint REFERENCES app_user(id),	-- NULL: the public
	uploaded_at		timestamptz NOT NULL DEFAULT now(),
	-- Set from asb_type.retention_days when the incident is closed; the
	-- retention purge (run as the administrative role) deletes after it.
	retain_until		timestamptz,
	owning_agency_id	bigint NOT NULL REFERENCES agency(id),
	sharing			sharing_level NOT NULL DEFAULT 'partnership',
	shared_with		bigint[] NOT NULL DEFAULT '{}'
);
CREATE INDEX evidence_incident ON evidence (incident_id);
CREATE INDEX evidence_sha256 ON evidence (sha256);
CREATE INDEX evidence_retain_until ON evidence (retain_until)
    WHERE retain_until IS NOT NULL;

-- Evidence follows its incident when the incident's owner or sharing
-- changes. SECURITY DEFINER: the application may not update evidence
-- rows itself.
CREATE FUNCTION evidence_follow_incident() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	UPDATE evidence SET owning_agency_id = NEW.owning_agency_id,
	    sharing = NEW.sharing, shared_with = NEW.shared_with
	WHERE incident_id = NEW.id;
	RETURN NULL;
END
$$;
CREATE TRIGGER incident_sharing_to_evidence
    AFTER UPDATE OF owning_agency_id, sharing, shared_with ON incident
    FOR EACH ROW
    WHEN (OLD.owning_agency_id IS DISTINCT FROM NEW.owning_agency_id
        OR OLD.sharing IS DISTINCT FROM NEW.sharing
        OR OLD.shared_with IS DISTINCT FROM NEW.shared_with)
    EXECUTE FUNCTION evidence_follow_incident();

-- Row security, as for incident (0009_row_security.sql): an agency sees
-- its own evidence, evidence shared with it by name and, as a core
-- partner, evidence shared with the partnership. A new row must be for an
-- incident the actor can see, with that incident's owner and sharing.
ALTER TABLE evidence ENABLE ROW LEVEL SECURITY;
CREATE POLICY evidence_read ON evidence FOR SELECT TO concord_app
    USING (concord_visible(owning_agency_id, sharing, shared_with));
CREATE POLICY evidence_create ON evidence FOR INSERT TO concord_app
    WITH CHECK (concord_visible(owning_agency_id, sharing, shared_with)
        AND EXISTS (SELECT 1 FROM incident i
            WHERE i.id = evidence.incident_id
              AND i.owning_agency_id = evidence.owning_agency_id
              AND i.sharing = evidence.sharing
              AND i.shared_with = evidence.shared_with));

-- No UPDATE and no DELETE: evidence is never changed by the application,
-- and the retention purge runs as the administrative role.
GRANT SELECT, INSERT ON evidence TO concord_app;
GRANT USAGE ON SEQUENCE evidence_id_seq TO concord_app;
