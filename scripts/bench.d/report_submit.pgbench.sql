-- pgbench script for `scripts/bench report`: the statements of one public
-- report's transaction as domain/report.c report_submit runs them (copied
-- from its statement set, domain/area.c, domain/tx.c, domain/audit.c and
-- domain/outbox.c), for a named reporter with an e-mail address and a point
-- in the partnership's area, run as concord_app with -M prepared.
--
-- Differences, all small: the kind of ASB is picked from :codes in SQL
-- (the app sends the code); columns that \gset/\aset read are given
-- names; report_duplicate_of runs every time (the app asks it only when
-- Redis knows of an incident nearby, which in this benchmark's area it
-- mostly does); the neighbourhood's lock keys are hashed in SQL, not C;
-- the idempotency key is a random number.
--
-- Variables from scripts/bench (-D): codes (space-separated kinds),
-- ncodes, lon_min, lat_min (micro-degrees added to them), lon_span,
-- lat_span (in micro-degrees), answers, impact, after, mail (JSON), hash.
\set t random(1, :ncodes)
\set lon :lon_min + random(0, :lon_span) / 1000000.0
\set lat :lat_min + random(0, :lat_span) / 1000000.0
\set idem random(1, 999999999999999)
\set incident_id 0
BEGIN;
-- tx_begin: the public actor.
SELECT set_config('concord.user_id', '0', true), set_config('concord.agency_id', '0', true), set_config('concord.person_view', '0', true);
-- earlier_report
SELECT id, reference, incident_id AS earlier_incident, incident_reference FROM report_by_idempotency_key(:idem);
-- plan_make: report_type, area_locate, report_lock, report_duplicate
SELECT id AS type_id, name AS type_name FROM asb_type WHERE code = (string_to_array(:codes, ' '))[:t] AND active \gset
WITH p AS (SELECT ST_SetSRID(ST_MakePoint(:lon::float8, :lat::float8), 4326) AS pt) SELECT b.id AS beat_id, b.agency_id AS beat_agency, b.code AS beat_code, b.name AS beat_name, coalesce(b.core, false) AS beat_core, a.id AS area_id, a.agency_id AS area_agency, a.code AS area_code, a.name AS area_name, coalesce(a.core, false) AS area_core, a.council FROM p LEFT JOIN LATERAL (SELECT x.id, x.agency_id, x.code, x.name,   g.core_partner AND g.active AS core   FROM beat x JOIN agency g ON g.id = x.agency_id   WHERE ST_Covers(x.geom, p.pt)   ORDER BY g.core_partner AND g.active DESC, x.id LIMIT 1) b ON true LEFT JOIN LATERAL (SELECT l.id, l.agency_id, l.code, l.name,   g.core_partner AND g.active AS core, g.name AS council   FROM la_area l JOIN agency g ON g.id = l.agency_id   WHERE ST_DWithin(l.geom, p.pt, CASE WHEN b.core THEN 0.005 ELSE 0 END)   AND (ST_Covers(l.geom, p.pt) OR (b.core AND g.core_partner AND g.active))   ORDER BY coalesce(b.core, false) AND g.core_partner AND g.active DESC,   ST_Covers(l.geom, p.pt) DESC, ST_Distance(l.geom, p.pt),   g.core_partner AND g.active DESC, l.id LIMIT 1) a ON true \gset
-- report_lock: the cells around the point (the app hashes them in C, dedup_lock)
SELECT pg_advisory_xact_lock(1919250544, k) FROM unnest(ARRAY(SELECT DISTINCT abs(hashtext(:type_id || ':' || y || ':' || x)) FROM generate_series(floor((:lat - 0.0015) / 0.003)::int, floor((:lat + 0.0015) / 0.003)::int) y, generate_series(floor((:lon - 0.0024) / 0.005)::int, floor((:lon + 0.0024) / 0.005)::int) x ORDER BY 1)) WITH ORDINALITY AS u (k, n) ORDER BY n;
-- plan_owner, then tx_actor: the owner, on the reporter's behalf
SELECT id AS owner FROM agency WHERE active AND core_partner ORDER BY id = :area_agency DESC, kind = 'local_authority' DESC, id LIMIT 1 \gset
SELECT set_config('concord.user_id', '0', true), set_config('concord.agency_id', :owner, true), set_config('concord.person_view', '1', true);
SELECT incident_id, owner AS join_owner FROM report_duplicate_of(:type_id, :lon, :lat) \aset
SELECT next_reference() AS ref \gset
-- write_person
INSERT INTO person (owning_agency_id, sharing, shared_with, given_name, family_name, email, phone, preferred_contact, contact_consent, share_consent, vulnerable) VALUES (:owner, 'partnership', '{}'::bigint[], nullif('Bench', ''), nullif('Mark', ''), nullif('bench@example.com', ''), nullif('', ''), nullif('email', ''), true, 'true'::boolean, 'false'::boolean) RETURNING id AS person_id \gset
-- write_incident, unless it joins one
\if :incident_id = 0
INSERT INTO incident (reference, channel, asb_type_id, description, occurred_at, recurring, location, address, postcode, beat_id, la_area_id, status, vulnerable, repeat_victim, answers, reporter_id, owning_agency_id, sharing) VALUES (:ref, 'public'::incident_channel, :type_id, nullif('', ''), (now() - interval '1 day')::timestamptz, NULL::jsonb, CASE WHEN :lon::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(:lon::float8, :lat::float8), 4326) END, nullif('10 Wood Street, London', ''), nullif('EC2V 7AA', ''), nullif(:beat_id, '0')::bigint, nullif(:area_id, '0')::bigint, 'new', 'false'::boolean, 'true'::boolean, :answers::jsonb, :person_id::bigint, :owner, 'partnership') RETURNING id AS incident_id \gset
\endif
-- write_report
INSERT INTO report (reference, incident_id, channel, tracking_hash, reporter_id, description, answers, impact, partner, email_updates, idempotency_key, client_ref, owning_agency_id, sharing, shared_with, created_by, location, address, postcode, occurred_at, recurring) VALUES (:ref, :incident_id, 'public'::incident_channel, :hash, :person_id::bigint, nullif('', ''), :answers::jsonb, :impact::jsonb, NULL::jsonb, 'true'::boolean, nullif(:idem, ''), nullif('', ''), :owner, 'partnership', '{}'::bigint[], nullif('0', '0')::bigint, CASE WHEN :lon::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(:lon::float8, :lat::float8), 4326) END, nullif('10 Wood Street, London', ''), nullif('EC2V 7AA', ''), (now() - interval '1 day')::timestamptz, NULL::jsonb) RETURNING id AS report_id \gset
-- write_trail: two audit rows (hash-chained by their trigger) and the mail
INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, action, before, after, reason, request_id, client_addr) VALUES (NULL::bigint, :owner::bigint, 'report', :report_id, 'create', NULL::jsonb, :after::jsonb, NULL, 'pgbench', '127.0.0.1');
INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, action, before, after, reason, request_id, client_addr) VALUES (NULL::bigint, :owner::bigint, 'incident', :incident_id, 'create', NULL::jsonb, :after::jsonb, NULL, 'pgbench', '127.0.0.1');
WITH job AS (SELECT nextval('outbox_id_seq') AS id), added AS (INSERT INTO outbox (id, type, payload) SELECT id, 'notify', :mail::jsonb FROM job) SELECT id FROM job;
COMMIT;
