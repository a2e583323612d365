-- The audit trail and the job outbox.
CREATE TABLE audit_event (
	id		bigserial PRIMARY KEY,
	at		timestamptz NOT NULL DEFAULT clock_timestamp(),
	actor_id	bigint,
	agency_id	bigint,
	entity		text NOT NULL,
	entity_id	text,
	action		text NOT NULL,
	before		jsonb,
	after		jsonb,
	reason		text,
	request_id	text,
	client_addr	text,
	prev_hash	bytea,
	hash		bytea
);
CREATE INDEX audit_event_entity ON audit_event (entity, entity_id);

-- Audit rows are written once and never changed, not even by the owner.
CREATE FUNCTION audit_event_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_event rows cannot be changed or deleted';
END
$$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_immutable();

GRANT SELECT, INSERT ON audit_event TO concord_app;
GRANT USAGE ON SEQUENCE audit_event_id_seq TO concord_app;

-- Jobs written in the same transaction as the change that caused them; the
-- job daemon relays them into a Redis stream, so Redis may be down meanwhile.
CREATE TABLE outbox (
	id		bigserial PRIMARY KEY,
	type		text NOT NULL CHECK (type ~ '^[a-z_]{1,32}$'),
	payload		jsonb NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	relayed_at	timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE relayed_at IS NULL;

-- Wakes the relay at once instead of at its next poll.
CREATE FUNCTION outbox_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('outbox', NEW.id::text);
	RETURN NEW;
END
$$;
CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox
    FOR EACH ROW EXECUTE FUNCTION outbox_notify();

GRANT SELECT, INSERT, UPDATE ON outbox TO concord_app;
GRANT USAGE ON SEQUENCE outbox_id_seq TO concord_app;
