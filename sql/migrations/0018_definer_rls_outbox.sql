-- Look-ups that run as their owner ask who is calling; the owner and the
-- sharing of a record change only by its owner; the outbox is out of the
-- web role's reach and forgets what it delivered.

-- Whether the transaction says who is acting (domain/tx.c sets both, 0 for
-- the public and the system). A SECURITY DEFINER look-up that sees past row
-- security starts with this, so that a query without them gets an error
-- rather than every agency's rows.
CREATE FUNCTION concord_actor_required() RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF coalesce(current_setting('concord.user_id', true), '') = ''
	    OR coalesce(current_setting('concord.agency_id', true), '') = '' THEN
		RAISE EXCEPTION 'no actor: set concord.user_id and concord.agency_id first'
		    USING ERRCODE = 'insufficient_privilege';
	END IF;
END
$$;
GRANT EXECUTE ON FUNCTION concord_actor_required() TO PUBLIC;

-- ---------------------------------------------------------------------------
-- concord-worker's own role: it reads and clears the outbox and runs the
-- retention purge; the web role (concord_app) may only add to the outbox.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concord_worker') THEN
		CREATE ROLE concord_worker LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE
		    NOBYPASSRLS NOREPLICATION;
	END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO concord_worker;
GRANT SELECT ON schema_migrations TO concord_worker;

-- ---------------------------------------------------------------------------
-- The evidence purge: which of these stored files an evidence row still
-- names. Only the job daemon asks (as the system, agency 0, it sees every
-- row); an agency context is answered only from the rows it may see, so the
-- answer never confirms a file in someone else's record.
CREATE OR REPLACE FUNCTION evidence_files_in_use(hashes text[]) RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	SELECT DISTINCT e.sha256 FROM evidence e
	WHERE e.sha256 = ANY (hashes)
	  AND (concord_agency() IS NULL
	      OR concord_visible(e.owning_agency_id, e.sharing, e.shared_with));
END
$$;

REVOKE ALL ON FUNCTION evidence_purge_expired(), evidence_files_in_use(text[])
    FROM PUBLIC, concord_app;
GRANT EXECUTE ON FUNCTION evidence_purge_expired(), evidence_files_in_use(text[])
    TO concord_worker;

-- ---------------------------------------------------------------------------
-- Update emails. The addresses never leave the database: the caller gets,
-- for each address of a reporter who asked for updates, the first of that
-- reporter's reports and their references, and queues the email with
-- incident_update_mail(), which looks the address up itself. Row security
-- on person needs person.view, which staff changing a status may not have.
DROP FUNCTION incident_update_recipients(bigint);
CREATE FUNCTION incident_update_recipients(incident bigint)
RETURNS TABLE (report_id bigint, refs text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	SELECT min(r.id), string_agg(r.reference, ', ' ORDER BY r.id)
	FROM incident i JOIN report r ON r.incident_id = i.id
	JOIN person p ON p.id = r.reporter_id
	WHERE i.id = incident AND r.email_updates
	  AND coalesce(p.email, '') <> ''
	  AND concord_visible(i.owning_agency_id, i.sharing, i.shared_with)
	GROUP BY lower(p.email)
	ORDER BY min(r.id);
END
$$;

-- Queues an email (a notify job, as domain/outbox.c writes them) to the
-- reporter of a report who asked for updates, on an incident the caller
-- may see. Returns the outbox id, or NULL when there is no one to tell.
CREATE FUNCTION incident_update_mail(report bigint, subject text, body text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	job	bigint;
BEGIN
	PERFORM concord_actor_required();
	INSERT INTO outbox (type, payload)
	SELECT 'notify', jsonb_build_object('to', p.email, 'subject', subject,
	    'body', body)
	FROM report r JOIN incident i ON i.id = r.incident_id
	JOIN person p ON p.id = r.reporter_id
	WHERE r.id = report AND r.email_updates AND coalesce(p.email, '') <> ''
	  AND concord_visible(i.owning_agency_id, i.sharing, i.shared_with)
	RETURNING id INTO job;
	RETURN job;
END
$$;

REVOKE ALL ON FUNCTION incident_update_recipients(bigint),
    incident_update_mail(bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION incident_update_recipients(bigint),
    incident_update_mail(bigint, text, text) TO concord_app;

-- ---------------------------------------------------------------------------
-- Row security checks only the new row of an UPDATE: an agency that may
-- change a record it was shared with could make it its own, agency-only,
-- and the owner would lose it. The policy language cannot compare the old
-- row with the new, so this trigger does: the owner and the sharing change
-- only when the acting agency owns the record. Code running as the tables'
-- owner (migrations, SECURITY DEFINER functions such as
-- evidence_follow_incident) is trusted and not checked.
CREATE FUNCTION owner_sharing_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF (OLD.owning_agency_id, OLD.sharing, OLD.shared_with)
	    IS DISTINCT FROM (NEW.owning_agency_id, NEW.sharing, NEW.shared_with)
	   AND OLD.owning_agency_id IS DISTINCT FROM concord_agency()
	   AND NOT pg_has_role(current_user,
	       (SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'USAGE') THEN
		RAISE EXCEPTION 'only the owning agency may change the owner or sharing of % %',
		    TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NEW;
END
$$;

-- Every table with an owner and sharing, whether or not the application
-- may update it today.
CREATE TRIGGER incident_owner_sharing_guard BEFORE UPDATE ON incident
    FOR EACH ROW EXECUTE FUNCTION owner_sharing_guard();
CREATE TRIGGER person_owner_sharing_guard BEFORE UPDATE ON person
    FOR EACH ROW EXECUTE FUNCTION owner_sharing_guard();
CREATE TRIGGER report_owner_sharing_guard BEFORE UPDATE ON report
    FOR EACH ROW EXECUTE FUNCTION owner_sharing_guard();
CREATE TRIGGER evidence_owner_sharing_guard BEFORE UPDATE ON evidence
    FOR EACH ROW EXECUTE FUNCTION owner_sharing_guard();

-- ---------------------------------------------------------------------------
-- The outbox. A delivered job keeps what the audit needs (its id, type and
-- times, and a SHA-256 of what was sent), not the addresses and links it
-- carried; delivered jobs are deleted after outbox_keep_days (the worker's
-- maintenance, concordctl outbox prune). Jobs never delivered (dead letters)
-- stay, for an operator to look at.
ALTER TABLE outbox ADD COLUMN delivered_at timestamptz;
CREATE INDEX outbox_delivered ON outbox (delivered_at) WHERE delivered_at IS NOT NULL;

REVOKE ALL ON outbox FROM concord_app;
GRANT INSERT ON outbox TO concord_app;
GRANT SELECT, UPDATE (relayed_at), DELETE ON outbox TO concord_worker;

-- Marks a job delivered: clears its payload to a hash of it and writes the
-- audit row. Returns false when it was already marked (a job run twice).
CREATE FUNCTION outbox_delivered(job bigint) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	kind	text;
	sent_hash	text;
BEGIN
	UPDATE outbox o SET delivered_at = now(), payload = jsonb_build_object('sha256',
	    encode(sha256(convert_to(o.payload::text, 'UTF8')), 'hex'))
	WHERE o.id = job AND o.delivered_at IS NULL
	RETURNING o.type, o.payload->>'sha256' INTO kind, sent_hash;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	INSERT INTO audit_event (entity, entity_id, action, after, reason)
	VALUES ('outbox', job::text, 'delivered',
	    jsonb_build_object('type', kind, 'payload_sha256', sent_hash),
	    'job delivered: personal data cleared from the outbox');
	RETURN true;
END
$$;

REVOKE ALL ON FUNCTION outbox_delivered(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_delivered(bigint) TO concord_worker;
