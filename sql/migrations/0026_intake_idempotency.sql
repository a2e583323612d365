-- A staff entry sent twice (a double click, a resubmitted page) makes one
-- incident: the page's idempotency key is kept with the incident it made,
-- per member of staff (domain/intake.c). The public channels keep theirs
-- on the report (0012, 0021).
ALTER TABLE incident ADD COLUMN idempotency_key text
    CHECK (length(idempotency_key) BETWEEN 1 AND 64);

CREATE UNIQUE INDEX incident_idempotency_key ON incident (created_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
