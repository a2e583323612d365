-- Evidence is kept for its ASB type's retention period after the incident
-- is closed (asb_type.retention_days, 730 by default), and for as long as
-- the incident is open. Closing an incident starts the clock on its
-- evidence; reopening it stops the clock again. SECURITY DEFINER: the
-- application may not update evidence rows itself.
CREATE FUNCTION evidence_retention_follows_status() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	IF NEW.status = 'closed' THEN
		UPDATE evidence e SET retain_until = now() + make_interval(days => t.retention_days)
		FROM asb_type t WHERE t.id = NEW.asb_type_id AND e.incident_id = NEW.id;
	ELSE
		UPDATE evidence SET retain_until = NULL
		WHERE incident_id = NEW.id AND retain_until IS NOT NULL;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER incident_status_to_evidence_retention
    AFTER UPDATE OF status ON incident
    FOR EACH ROW
    WHEN ((OLD.status = 'closed') IS DISTINCT FROM (NEW.status = 'closed'))
    EXECUTE FUNCTION evidence_retention_follows_status();

-- Evidence that arrives for an incident that is already closed (a late
-- report joined to it by staff) gets its date at once.
CREATE FUNCTION evidence_retention_at_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	SELECT now() + make_interval(days => t.retention_days) INTO NEW.retain_until
	FROM incident i JOIN asb_type t ON t.id = i.asb_type_id
	WHERE i.id = NEW.incident_id AND i.status = 'closed';
	RETURN NEW;
END
$$;
CREATE TRIGGER evidence_retention_on_insert
    BEFORE INSERT ON evidence
    FOR EACH ROW EXECUTE FUNCTION evidence_retention_at_insert();

-- The retention purge (concord-worker, every few hours; concordctl evidence
-- purge): deletes the rows whose date has passed, each with an audit row.
-- The files go afterwards, once no row names their hash. SECURITY DEFINER:
-- the application may delete nothing else, and sees only its own agency's
-- rows, while the purge must see them all.
CREATE FUNCTION evidence_purge_expired() RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
	WITH gone AS (
		DELETE FROM evidence WHERE retain_until < now()
		RETURNING id, incident_id, sha256, original_name, retain_until
	), audited AS (
		INSERT INTO audit_event (entity, entity_id, action, before, reason)
		SELECT 'evidence', g.id::text, 'purge', jsonb_build_object(
		    'incident_id', g.incident_id, 'sha256', g.sha256,
		    'original_name', g.original_name, 'retain_until', g.retain_until),
		    'retention period ended'
		FROM gone g RETURNING 1
	)
	SELECT count(*) FROM audited;
$$;

-- Which of these stored files some evidence row still names.
CREATE FUNCTION evidence_files_in_use(hashes text[]) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT DISTINCT sha256 FROM evidence WHERE sha256 = ANY (hashes);
$$;

REVOKE ALL ON FUNCTION evidence_purge_expired(), evidence_files_in_use(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION evidence_purge_expired(), evidence_files_in_use(text[])
    TO concord_app;
