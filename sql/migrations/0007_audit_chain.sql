-- The audit trail as hash chains: each row carries the SHA-256 of the row
-- before it in its chain and of its own content, so a row changed, removed
-- or inserted afterwards breaks the chain (concordctl audit verify finds it).
--
-- One chain for the whole table would make every audited write in the
-- system wait for the one before it to commit. Instead there are 16 chains
-- ("stripes"): a row goes to chain pg_backend_pid() % 16, so each database
-- connection (one per web worker) appends to its own chain, and two workers
-- wait on each other only when their pids fall on the same stripe.
--
-- hash = sha256(prev_hash || convert_to(audit_event_canonical(row), 'UTF8'))
-- prev_hash of a chain's first row (seq 1) is 32 zero bytes.

ALTER TABLE audit_event
    ADD COLUMN chain smallint,
    ADD COLUMN seq bigint;

-- The canonical text of a row: what its hash covers. A JSON array, as
-- jsonb's text form, which is deterministic (fixed spacing, object keys
-- sorted, NULL as null and so distinct from ''). The time is integer
-- microseconds since the epoch, not timestamptz text, which would depend on
-- the session's TimeZone and DateStyle. prev_hash and hash are not part of
-- it (prev_hash is hashed in front of it). concordctl audit verify fetches
-- this text and recomputes the hash itself, so changing this function
-- changes the hash of every existing row: if audit_event ever gets a new
-- column, include it in a way that leaves the text of older rows unchanged.
CREATE FUNCTION audit_event_canonical(e audit_event) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT jsonb_build_array(
	e.chain, e.seq, e.id,
	(extract(epoch FROM e.at) * 1000000)::bigint,
	e.actor_id, e.agency_id, e.entity, e.entity_id, e.action,
	e.before, e.after, e.reason, e.request_id, e.client_addr)::text
$$;

-- Rows written before this migration (there should be none: the table is
-- new) become chain 0, numbered in id order, their time kept.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change;
DO $$
DECLARE
	r	record;
	n	bigint := 0;
	prev	bytea := decode(repeat('00', 32), 'hex');
	h	bytea;
BEGIN
	FOR r IN SELECT id FROM audit_event ORDER BY id LOOP
		n := n + 1;
		UPDATE audit_event SET chain = 0, seq = n, prev_hash = prev
		    WHERE id = r.id;
		SELECT sha256(e.prev_hash || convert_to(audit_event_canonical(e), 'UTF8'))
		    INTO h FROM audit_event e WHERE e.id = r.id;
		UPDATE audit_event SET hash = h WHERE id = r.id;
		prev := h;
	END LOOP;
	IF n > 0 THEN
		RAISE NOTICE 'audit_event: % existing rows chained as chain 0', n;
	END IF;
END
$$;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change;

ALTER TABLE audit_event
    ALTER COLUMN chain SET NOT NULL,
    ALTER COLUMN seq SET NOT NULL,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CONSTRAINT audit_event_chain_seq UNIQUE (chain, seq),
    ADD CONSTRAINT audit_event_chain_check CHECK (chain >= 0),
    ADD CONSTRAINT audit_event_seq_check CHECK (seq >= 1),
    ADD CONSTRAINT audit_event_prev_hash_check CHECK (octet_length(prev_hash) = 32),
    ADD CONSTRAINT audit_event_hash_check CHECK (octet_length(hash) = 32);

-- Numbers and hashes every new row; whatever the caller sent for at, chain,
-- seq, prev_hash and hash is replaced.
--
-- The advisory lock (class 1635083380, 'audt' in ASCII; key: the chain) is
-- held until the transaction ends, so the next writer to the same chain
-- reads this row as the chain's last only once it is committed. That needs
-- READ COMMITTED, the default: in REPEATABLE READ or SERIALIZABLE the
-- reader's snapshot may predate the other writer's commit, and the insert
-- then fails on the (chain, seq) unique constraint instead (retry it).
--
-- SECURITY DEFINER (owned by the role that runs migrations, the table's
-- owner) so that the chain's last row is found whatever row-level security
-- later hides from the application role. A table's owner is exempt from its
-- policies unless it is set to FORCE ROW LEVEL SECURITY: if it ever is, the
-- owner needs a policy that lets it see every row.
CREATE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	last_seq	bigint;
	last_hash	bytea;
BEGIN
	NEW.chain := pg_backend_pid() % 16;
	PERFORM pg_advisory_xact_lock(1635083380, NEW.chain::integer);
	SELECT e.seq, e.hash INTO last_seq, last_hash
	    FROM public.audit_event e
	    WHERE e.chain = NEW.chain
	    ORDER BY e.seq DESC
	    LIMIT 1;
	IF NOT FOUND THEN
		last_seq := 0;
		last_hash := decode(repeat('00', 32), 'hex');
	END IF;
	NEW.seq := last_seq + 1;
	NEW.prev_hash := last_hash;
	NEW.at := clock_timestamp();
	NEW.hash := sha256(NEW.prev_hash ||
	    convert_to(public.audit_event_canonical(NEW), 'UTF8'));
	RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION audit_event_chain() FROM PUBLIC;

-- BEFORE triggers run in name order: "zz" makes this one run last, so the
-- hash covers the row exactly as stored even if another BEFORE INSERT
-- trigger is added later.
CREATE TRIGGER audit_event_zz_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- audit_event_no_change (0006) already refuses UPDATE and DELETE.
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_immutable();

-- "My team's activity" pages: by person and by agency, newest first.
CREATE INDEX audit_event_actor ON audit_event (actor_id, at);
CREATE INDEX audit_event_agency ON audit_event (agency_id, at);

REVOKE ALL ON audit_event FROM PUBLIC;
REVOKE ALL ON audit_event FROM concord_app;
GRANT SELECT, INSERT ON audit_event TO concord_app;
GRANT USAGE ON SEQUENCE audit_event_id_seq TO concord_app;
