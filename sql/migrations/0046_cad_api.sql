-- The API for command-and-control (CAD) systems (issue 12): clients with
-- signing keys, their code mappings and subscriptions, the incidents'
-- revision and change order for the change feed, what a client's documents
-- carried that Concord has no column for, and the webhooks out with every
-- delivery attempt.
--
-- One place for what a client hears: triggers here queue a webhook for
-- every change of an incident a client made or subscribed to (its
-- allocation, risk level, status, an update marked for the CAD), in the
-- transaction of the change, whichever channel or page made it.

-- ---------------------------------------------------------------------------
-- Clients. An Open311 client keeps its one key hash (0013); a CAD client
-- signs with keys (api_key) and acts as its own service account: a user
-- of its owning agency that cannot sign in (no password), so every row it
-- writes names it, and row security shows it what its agency may see.

ALTER TABLE api_client DROP CONSTRAINT api_client_kind_check;
ALTER TABLE api_client ADD CONSTRAINT api_client_kind_check
    CHECK (kind IN ('open311', 'cad'));
ALTER TABLE api_client ALTER COLUMN key_hash DROP NOT NULL;
ALTER TABLE api_client
	ADD COLUMN agency_id bigint REFERENCES agency(id),
	ADD COLUMN user_id bigint UNIQUE REFERENCES app_user(id),
	-- incidents.read, incidents.write, events.write, eido
	ADD COLUMN scopes text[] NOT NULL DEFAULT '{}',
	-- (PostgreSQL's regular expressions bound a repeat at 255: the
	-- length is checked apart.)
	ADD COLUMN webhook_url text CHECK (webhook_url ~ '^https?://[^\s]+$'
	    AND length(webhook_url) <= 2008),
	-- {"types": {their code: ASB type code}, "statuses": {their code:
	-- incident status}, "defaults": {field: value}, "fields":
	-- {"log_number": their field, "caller": their field}}
	-- (fcgi/domain/api_mapping.c checks it).
	ADD COLUMN mappings jsonb NOT NULL DEFAULT '{}',
	ADD COLUMN created_by bigint REFERENCES app_user(id),
	ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
	ADD COLUMN revoked_at timestamptz,
	ADD CONSTRAINT api_client_open311_key CHECK (kind <> 'open311' OR key_hash IS NOT NULL),
	ADD CONSTRAINT api_client_cad_account CHECK (kind <> 'cad' OR
	    (agency_id IS NOT NULL AND user_id IS NOT NULL AND key_hash IS NULL));

-- A CAD client's signing keys. The secret is never stored: it is derived
-- from the server's API key file and the key's salt (fcgi/api/sign.c),
-- and the database keeps only its SHA-256, to tell that the file is still
-- the one the key was made with. A rotation gives the old key an end
-- (expires_at, the overlap); a revocation ends it at once.
CREATE TABLE api_key (
	id		bigserial PRIMARY KEY,
	client_id	bigint NOT NULL REFERENCES api_client(id) ON DELETE CASCADE,
	key_id		text NOT NULL UNIQUE CHECK (key_id ~ '^[A-Za-z0-9_-]{8,64}$'),
	salt		text NOT NULL CHECK (salt ~ '^[0-9a-f]{32}$'),
	secret_hash	text NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
	created_at	timestamptz NOT NULL DEFAULT now(),
	created_by	bigint REFERENCES app_user(id),
	expires_at	timestamptz,
	revoked_at	timestamptz,
	revoked_by	bigint REFERENCES app_user(id),
	last_used_at	timestamptz
);
CREATE INDEX api_key_client ON api_key (client_id, created_at DESC);

GRANT SELECT, INSERT, UPDATE ON api_client TO concord_app;
GRANT USAGE ON SEQUENCE api_client_id_seq TO concord_app;
GRANT SELECT, INSERT, UPDATE ON api_key TO concord_app;
GRANT USAGE ON SEQUENCE api_key_id_seq TO concord_app;

-- The incidents a client hears about besides those it made.
CREATE TABLE api_subscription (
	client_id	bigint NOT NULL REFERENCES api_client(id) ON DELETE CASCADE,
	incident_id	bigint NOT NULL REFERENCES incident(id),
	created_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (client_id, incident_id)
);
CREATE INDEX api_subscription_incident ON api_subscription (incident_id);
GRANT SELECT, INSERT, DELETE ON api_subscription TO concord_app;

-- A client's own identifier for an incident (an EIDO document's $id, a
-- CAD's incident number) and what its documents carried that Concord has
-- no column for, kept as sent (the latest document's).
CREATE TABLE api_incident_ref (
	client_id	bigint NOT NULL REFERENCES api_client(id) ON DELETE CASCADE,
	external_id	text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
	incident_id	bigint NOT NULL REFERENCES incident(id),
	kept		jsonb NOT NULL DEFAULT '{}',
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (client_id, external_id)
);
CREATE INDEX api_incident_ref_incident ON api_incident_ref (incident_id);
GRANT SELECT, INSERT, UPDATE ON api_incident_ref TO concord_app;

-- A create as a client sent it, answered again when the client sends the
-- same Idempotency-Key (Redis first, this when Redis lost it). The
-- incident's own unique (created_by, idempotency_key) (0026) is what makes
-- a second incident impossible; body_hash tells a retry from a reused key.
ALTER TABLE incident ADD COLUMN idempotency_body text
    CHECK (idempotency_body ~ '^[0-9a-f]{64}$');
CREATE TABLE api_idempotency (
	client_id	bigint NOT NULL REFERENCES api_client(id) ON DELETE CASCADE,
	key		text NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
	body_hash	text NOT NULL CHECK (body_hash ~ '^[0-9a-f]{64}$'),
	incident_id	bigint NOT NULL REFERENCES incident(id),
	status		integer NOT NULL,
	response	jsonb NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (client_id, key)
);
GRANT SELECT, INSERT ON api_idempotency TO concord_app;

-- ---------------------------------------------------------------------------
-- Revisions and the change order. Every change of an incident row (and
-- every allocation or update of it, through incident_touch) bumps its
-- revision — the API's version and ETag — and stamps the transaction that
-- made it. The staff pages' own version (incident.version, which their
-- forms carry) is left to them: an allocation made while a form is open
-- does not make that form stale. The change feed pages by (change_xid, id)
-- and shows only changes older than every transaction still running
-- (pg_snapshot_xmin), so a change that commits late is never paged past:
-- stable under concurrent writes.
ALTER TABLE incident
	ADD COLUMN revision bigint NOT NULL DEFAULT 1,
	ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX incident_change ON incident (change_xid, id);

CREATE FUNCTION incident_revised() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.revision = OLD.revision THEN
		NEW.revision := OLD.revision + 1;
	END IF;
	NEW.change_xid := pg_current_xact_id();
	RETURN NEW;
END $$;
CREATE TRIGGER incident_revised BEFORE UPDATE ON incident
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION incident_revised();

-- An allocation or an update is a change of its incident too: the touch
-- runs as the owner, as the member of staff who allocates may not be
-- allowed to change the incident row itself.
CREATE FUNCTION incident_touch(iid bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
	UPDATE incident SET revision = revision + 1, updated_at = now() WHERE id = iid
$$;
REVOKE ALL ON FUNCTION incident_touch(bigint) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Webhooks out. One row a delivery, in the transaction of the change; the
-- worker (fcgi/jobs/webhook.c, which looks every 100 ms: no NOTIFY, which
-- would make every commit that queues one wait for the one before, as
-- 0033 found for the outbox) sends the oldest pending one of each client
-- and incident, so an incident's changes arrive in order, retries with
-- backoff, and after the last try marks it dead (a dead letter an
-- administrator can replay).
CREATE TABLE webhook_delivery (
	id		bigserial PRIMARY KEY,
	client_id	bigint NOT NULL REFERENCES api_client(id) ON DELETE CASCADE,
	incident_id	bigint NOT NULL REFERENCES incident(id),
	event		text NOT NULL CHECK (event IN ('allocation', 'risk', 'status', 'update')),
	payload		jsonb NOT NULL,
	state		text NOT NULL DEFAULT 'pending'
	    CHECK (state IN ('pending', 'delivered', 'dead')),
	attempts	integer NOT NULL DEFAULT 0,
	next_at		timestamptz NOT NULL DEFAULT now(),
	last_status	integer,
	last_error	text,
	created_at	timestamptz NOT NULL DEFAULT now(),
	delivered_at	timestamptz,
	dead_at		timestamptz,
	replayed_at	timestamptz,
	replayed_by	bigint REFERENCES app_user(id)
);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (client_id, incident_id, id)
    WHERE state = 'pending';
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_at) WHERE state = 'pending';
CREATE INDEX webhook_delivery_client ON webhook_delivery (client_id, id DESC);

CREATE TABLE webhook_attempt (
	id		bigserial PRIMARY KEY,
	delivery_id	bigint NOT NULL REFERENCES webhook_delivery(id) ON DELETE CASCADE,
	attempt		integer NOT NULL,
	at		timestamptz NOT NULL DEFAULT now(),
	duration_ms	integer NOT NULL,
	http_status	integer,
	error		text
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);

GRANT SELECT ON webhook_delivery, webhook_attempt TO concord_app;
-- An administrator replays a dead delivery (domain/webhook_admin.c): it is
-- pending again from its first attempt, and says who replayed it and when.
-- Only these columns: what was sent and what became of each attempt stay
-- as the worker wrote them.
GRANT UPDATE (state, attempts, next_at, replayed_at, replayed_by)
    ON webhook_delivery TO concord_app;
GRANT SELECT ON api_client, api_key TO concord_worker;
GRANT SELECT, UPDATE ON webhook_delivery TO concord_worker;
GRANT SELECT, INSERT ON webhook_attempt TO concord_worker;
GRANT USAGE ON SEQUENCE webhook_attempt_id_seq TO concord_worker;

-- The update marked for the CAD (a staff page's tick box).
ALTER TABLE incident_update ADD COLUMN for_cad boolean NOT NULL DEFAULT false;

-- The CAD clients that hear of an incident's changes: every active one
-- with a webhook that made it or subscribed to it. The one list for the
-- webhooks and for the incident page's "send to the CAD" choice.
CREATE FUNCTION cad_followers(iid bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT c.id FROM incident i JOIN api_client c
	  ON c.kind = 'cad' AND c.active AND c.revoked_at IS NULL
	 AND c.webhook_url IS NOT NULL
	 AND (c.user_id = i.created_by OR EXISTS (SELECT 1 FROM api_subscription s
	      WHERE s.client_id = c.id AND s.incident_id = i.id))
	WHERE i.id = iid
$$;
REVOKE ALL ON FUNCTION cad_followers(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cad_followers(bigint) TO concord_app;

-- Queues one delivery of event for each of them. The payload is what
-- changed, small: a client reads the whole incident with GET when it
-- wants it.
CREATE FUNCTION webhook_emit(iid bigint, ev text, data jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	INSERT INTO webhook_delivery (client_id, incident_id, event, payload)
	SELECT f.id, i.id, ev, jsonb_build_object(
		'event', ev,
		'occurred_at', to_char(now() AT TIME ZONE 'UTC',
		    'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
		'incident', jsonb_build_object('reference', i.reference,
		    'version', i.revision, 'status', i.status,
		    'risk_level', i.risk_level, 'log_number', i.log_number),
		'data', data)
	FROM incident i CROSS JOIN cad_followers(i.id) AS f(id)
	WHERE i.id = iid;
END $$;
REVOKE ALL ON FUNCTION webhook_emit(bigint, text, jsonb) FROM PUBLIC;

CREATE FUNCTION incident_changed_emit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	IF NEW.status IS DISTINCT FROM OLD.status THEN
		PERFORM webhook_emit(NEW.id, 'status', jsonb_build_object(
		    'from', OLD.status, 'to', NEW.status));
	END IF;
	IF NEW.risk_level IS DISTINCT FROM OLD.risk_level THEN
		PERFORM webhook_emit(NEW.id, 'risk', jsonb_build_object(
		    'from', OLD.risk_level, 'to', NEW.risk_level,
		    'score', NEW.risk_score));
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER incident_changed_emit AFTER UPDATE OF status, risk_level ON incident
    FOR EACH ROW EXECUTE FUNCTION incident_changed_emit();

CREATE FUNCTION allocation_changed_emit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM incident_touch(NEW.incident_id);
	PERFORM webhook_emit(NEW.incident_id, 'allocation', jsonb_build_object(
	    'allocation', NEW.id,
	    'change', CASE WHEN TG_OP = 'INSERT' THEN 'allocated'
	        WHEN NEW.ended_at IS NOT NULL THEN 'ended' ELSE 'changed' END,
	    'kind', NEW.kind, 'reason', NEW.reason,
	    'ended_reason', NEW.ended_reason,
	    'team', (SELECT jsonb_build_object('code', t.code, 'name', t.name,
	        'agency', a.code) FROM team t JOIN agency a ON a.id = t.agency_id
	        WHERE t.id = NEW.team_id)));
	RETURN NULL;
END $$;
CREATE TRIGGER allocation_changed_emit AFTER INSERT ON incident_allocation
    FOR EACH ROW EXECUTE FUNCTION allocation_changed_emit();
CREATE TRIGGER allocation_ended_emit AFTER UPDATE OF ended_at ON incident_allocation
    FOR EACH ROW WHEN (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL)
    EXECUTE FUNCTION allocation_changed_emit();

CREATE FUNCTION update_added_emit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM incident_touch(NEW.incident_id);
	IF NEW.for_cad THEN
		PERFORM webhook_emit(NEW.incident_id, 'update', jsonb_build_object(
		    'text', NEW.text, 'at', to_char(NEW.at AT TIME ZONE 'UTC',
		    'YYYY-MM-DD"T"HH24:MI:SS"Z"')));
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER update_added_emit AFTER INSERT ON incident_update
    FOR EACH ROW EXECUTE FUNCTION update_added_emit();
