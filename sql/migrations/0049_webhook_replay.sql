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
