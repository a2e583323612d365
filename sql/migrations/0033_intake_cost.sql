-- What a report's transaction waits for (issue 9: a public report cost
-- about eight TPC-B transactions under pgbench on the same server).
--
-- 1. The outbox's NOTIFY. A transaction that has sent a NOTIFY takes one
--    lock for the whole database in its commit and holds it until the
--    commit is flushed, so that notifications queue in commit order: every
--    report, whatever else it touched, committed after the one before it,
--    one WAL flush at a time. The relay (fcgi/jobs/relay.c) now polls the
--    outbox's pending index instead, as often as it used to look for the
--    notifications (between two reads of the job stream): the outbox row is
--    still written in the change's own transaction and is the truth, so
--    nothing is lost and a job still leaves within about half a second.
--
-- 2. The audit chain's lock. A row went to chain pg_backend_pid() % 16 and
--    waited, until the other transaction's commit, whenever another
--    connection on the same stripe held that chain. Now it takes the first
--    chain that is free, starting from its own stripe, and waits only when
--    all sixteen are held; the rest of one transaction's rows follow its
--    first onto the same chain. Each chain is still one sequence of rows,
--    each hashing the one before it, appended under the chain's lock, so
--    concordctl audit verify checks it as before and finds a changed,
--    removed or reordered row the same way.
--
-- 3. An index nothing reads. report_location (0019), a GiST index on each
--    report's own point, was built for no query: the duplicate search and
--    the flags look at incident.location, and Open311 only prints a
--    report's point. Every report paid for a GiST insert.
--
-- 4. Row security's check, concord_visible(), runs for every row a query
--    reads. As SECURITY DEFINER with its own search_path it could not be
--    inlined, and every call switched user and settings (about 50 µs a row:
--    a list of 5,000 incidents took a quarter of a second to filter). It
--    needs no rights of its own (agency has no row security and the
--    application may read it), so it becomes a plain SQL expression that
--    the planner inlines into each policy; whether the acting agency is an
--    active core partner moves to concord_agency_core(). Its rules are the
--    same (0009). The roles that run it cannot create objects in any schema
--    (pg_temp is never searched for functions or operators), so the body,
--    parsed in the caller's search_path, cannot be redirected.

DROP TRIGGER outbox_inserted ON outbox;
DROP FUNCTION outbox_notify();

DROP INDEX report_location;

-- As in 0007 (see there for READ COMMITTED and SECURITY DEFINER), except
-- for how the chain is chosen. The chain a transaction took is kept in the
-- transaction-local setting concord.audit_chain; a value that is not a
-- chain's number is ignored, and whatever the setting says, the chain is
-- written only under its lock.
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	stripes		constant integer := 16;
	held		text := current_setting('concord.audit_chain', true);
	own		integer := pg_backend_pid() % stripes;
	c		integer;
	i		integer;
	last_seq	bigint;
	last_hash	bytea;
BEGIN
	IF held ~ '^[0-9]{1,2}$' AND held::integer < stripes THEN
		c := held::integer;
		PERFORM pg_advisory_xact_lock(1635083380, c);
	ELSE
		c := NULL;
		FOR i IN 0 .. stripes - 1 LOOP
			IF pg_try_advisory_xact_lock(1635083380, (own + i) % stripes) THEN
				c := (own + i) % stripes;
				EXIT;
			END IF;
		END LOOP;
		IF c IS NULL THEN
			c := own;
			PERFORM pg_advisory_xact_lock(1635083380, c);
		END IF;
		PERFORM set_config('concord.audit_chain', c::text, true);
	END IF;
	NEW.chain := c;
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

-- Whether the acting agency is an active core partner (police force,
-- council): such an agency sees what is shared at partnership level.
CREATE FUNCTION concord_agency_core() RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM public.agency a
	    WHERE a.id = public.concord_agency() AND a.core_partner AND a.active)
$$;

CREATE OR REPLACE FUNCTION concord_visible(owner bigint, level sharing_level,
    named bigint[])
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT public.concord_agency() IS NOT NULL AND (
		owner = public.concord_agency()
		OR public.concord_agency() = ANY (named)
		OR (level = 'partnership' AND public.concord_agency_core()))
$$;
