-- Webhooks out (0046): what the administration pages need.
--
-- The webhook address check of 0046 could never pass: PostgreSQL's regular
-- expressions allow a bound of at most 255 ({1,2000} is an error on every
-- row that has an address). The same rule with the length checked apart
-- (api-admin's 0050 makes the same change; either may go first).
ALTER TABLE api_client DROP CONSTRAINT IF EXISTS api_client_webhook_url_check;
ALTER TABLE api_client ADD CONSTRAINT api_client_webhook_url_check
    CHECK (webhook_url ~ '^https?://[^\s]+$' AND length(webhook_url) <= 2008);

-- An administrator replays a dead delivery (domain/webhook_admin.c): it is
-- pending again from its first attempt, and says who replayed it and when.
-- Only these columns: what was sent and what became of each attempt stay
-- as the worker wrote them.
GRANT UPDATE (state, attempts, next_at, replayed_at, replayed_by)
    ON webhook_delivery TO concord_app;

-- The worker looks for due deliveries every 100 ms (jobs/webhook.c) and
-- does not LISTEN: 0046's NOTIFY on every queued delivery would only cost
-- what 0033 took out of the outbox (a transaction that notifies holds a
-- database-wide lock from its commit to its WAL flush, so every commit
-- that queued a webhook, i.e. every CAD client's create, waited for the
-- one before it).
DROP TRIGGER webhook_queued ON webhook_delivery;
DROP FUNCTION webhook_notify();
