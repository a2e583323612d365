-- The webhook address check of 0046 could never pass: PostgreSQL's regular
-- expressions allow a bound of at most 255 ({1,2000} is an error on every
-- row that has an address). The same rule with the length checked apart.
ALTER TABLE api_client DROP CONSTRAINT api_client_webhook_url_check;
ALTER TABLE api_client ADD CONSTRAINT api_client_webhook_url_check
    CHECK (webhook_url ~ '^https?://[^\s]+$' AND length(webhook_url) <= 2008);
