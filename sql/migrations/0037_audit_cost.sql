-- What every audited change pays for its row (a public report pays twice;
-- issue 9: a report's SQL was to cost at most three TPC-B transactions).
--
-- audit_event_agency (agency_id, at) served no query: the history pages
-- read by record, by actor and by team (fcgi/domain/history.c), and row
-- security tests agency_id on rows found by those.
DROP INDEX audit_event_agency;

-- audit_event_actor serves the history by actor and by team, which name
-- an actor: rows without one (a public report's, a job's) need no entry.
-- Building it holds off writes to audit_event while it runs: on a large
-- trail, migrate at a quiet time.
DROP INDEX audit_event_actor;
CREATE INDEX audit_event_actor ON audit_event (actor_id, at) WHERE actor_id IS NOT NULL;

-- The chain's trigger as in 0033, with its locks and its setting taken in
-- expressions rather than in PERFORM statements of their own, which
-- PL/pgSQL runs as queries: the second row of a transaction takes the lock
-- it already holds again without waiting, and a stripe named in the
-- setting that is not held (the setting made by hand) is still waited for
-- before the chain's last row is read, in a query of its own, so that its
-- snapshot sees what the holder committed.
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
		IF NOT pg_try_advisory_xact_lock(1635083380, c) THEN
			PERFORM pg_advisory_xact_lock(1635083380, c);
		END IF;
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
		held := set_config('concord.audit_chain', c::text, true);
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
