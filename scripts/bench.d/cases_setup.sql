-- scripts/bench cases: the cases the benchmark reads, made as db_admin
-- (psql -v lead=EMAIL -v incidents=N -v actions=N -v cases=N): one case
-- led by the lead with :incidents linked incidents (people on them, two
-- subjects from a pool of ten on each, points around the City), its
-- people and a place, and :actions actions (the action plans' case_action, about
-- a tenth done, the rest open, some overdue); and open cases of the same
-- lead, one incident each, up to :cases in all. Cases titled "Bench
-- case..." are the benchmark's: a second run reuses them, so the lead's
-- queue stays at :cases. Prints the big case's reference.
\set ON_ERROR_STOP on
BEGIN;

\o /dev/null
SELECT set_config('bench.lead', :'lead', true),
    set_config('bench.incidents', :'incidents', true),
    set_config('bench.actions', :'actions', true),
    set_config('bench.cases', :'cases', true);
\o

DO $$
DECLARE
	lead		bigint;
	police		bigint;
	council		bigint;
	team		bigint;
	noise		bigint;
	big		bigint;
	small		bigint;
	victim		bigint;
	pool		bigint[] := '{}';
	inc		bigint;
	i		integer;
	n_incidents	integer := current_setting('bench.incidents')::integer;
	n_actions	integer := current_setting('bench.actions')::integer;
	n_cases		integer := current_setting('bench.cases')::integer;
	have		integer;
	big_title	text := format('Bench case: %s incidents and %s actions', n_incidents, n_actions);
BEGIN
	SELECT u.id, ur.agency_id INTO lead, police FROM app_user u
	    JOIN user_role ur ON ur.user_id = u.id WHERE u.email = current_setting('bench.lead')
	    LIMIT 1;
	IF lead IS NULL THEN
		RAISE EXCEPTION 'no user % (is the demo data loaded?)', current_setting('bench.lead');
	END IF;
	SELECT id INTO council FROM agency WHERE code = 'city-council';
	SELECT id INTO team FROM team WHERE agency_id = police ORDER BY id LIMIT 1;
	SELECT id INTO noise FROM asb_type WHERE code = 'noise';
	IF n_actions > 0 AND to_regclass('public.case_action') IS NULL THEN
		RAISE EXCEPTION 'table case_action is not in this database: it comes with the action plans'' '
		    'migration 0051 (action plans). Merge it, or run with BENCH_CASE_ACTIONS=0 to '
		    'bench without actions';
	END IF;

	SELECT id INTO big FROM monitored_case WHERE title = big_title AND lead_user_id = lead
	    AND status = 'open' ORDER BY id LIMIT 1;
	IF big IS NULL THEN
		INSERT INTO monitored_case (reference, title, summary, origin, lead_agency_id,
		    lead_user_id, lead_team_id, risk_level, opened_by, shared_with)
		VALUES (format('CASE-%s-%s', to_char(now(), 'YYYY'),
		    lpad(nextval('monitored_case_number')::text, 6, '0')), big_title,
		    'Made by scripts/bench cases.', 'incidents', police, lead, team, 'high', lead,
		    ARRAY[council])
		RETURNING id INTO big;
		INSERT INTO person (owning_agency_id, given_name, family_name, phone)
		VALUES (police, 'Bench', 'Victim', '07700 900001') RETURNING id INTO victim;
		INSERT INTO case_person (case_id, person_id, role, added_by)
		VALUES (big, victim, 'victim', lead);
		FOR i IN 1..10 LOOP
			INSERT INTO person (owning_agency_id, given_name, family_name)
			VALUES (police, 'Bench', format('Subject %s', i)) RETURNING id INTO inc;
			pool := pool || inc;
			INSERT INTO case_person (case_id, person_id, role, added_by)
			VALUES (big, inc, 'subject', lead);
		END LOOP;
		INSERT INTO case_place (case_id, label, address, postcode, location, radius_m, added_by)
		VALUES (big, 'Bench place', '1 Moorgate', 'EC2R 6AB',
		    ST_SetSRID(ST_MakePoint(-0.0905, 51.5150), 4326), 200, lead);
		-- The incidents: every hour of the week over the last 180 days,
		-- in a box inside the City.
		FOR i IN 1..n_incidents LOOP
			INSERT INTO incident (reference, channel, asb_type_id, description, occurred_at,
			    reported_at, location, address, postcode, owning_agency_id, team_id,
			    status, victim_id)
			VALUES (format('ASB-%s-%s', to_char(now(), 'YYYY'),
			    lpad(nextval('incident_ref_seq')::text, 6, '0')), 'police', noise,
			    format('Bench incident %s of case %s', i, big),
			    now() - make_interval(hours => i * 21), now() - make_interval(hours => i * 21 - 1),
			    ST_SetSRID(ST_MakePoint(-0.098 + (i % 17) * 0.001, 51.511 + (i % 7) * 0.001), 4326),
			    format('%s Moorgate', i), 'EC2M 6SB', police, team, 'open', victim)
			RETURNING id INTO inc;
			INSERT INTO case_incident (case_id, incident_id, how, linked_by)
			VALUES (big, inc, 'created', lead);
			INSERT INTO incident_person (incident_id, person_id, role) VALUES
			    (inc, victim, 'victim'),
			    (inc, pool[1 + i % 10], 'subject'),
			    (inc, pool[1 + (i * 3 + 1) % 10], 'subject')
			ON CONFLICT DO NOTHING;
		END LOOP;
		IF n_actions > 0 THEN
			EXECUTE $sql$
			INSERT INTO case_action (case_id, type_id, title, owner_agency_id, owner_team_id,
			    owner_user_id, due_on, status, created_by, outcome, closed_at, closed_by)
			SELECT $1, t.id, format('Bench action %s: %s', g, t.name), $2, $3, $4,
			    current_date + (g - $5 / 5), CASE WHEN g % 10 = 0 THEN 'done' ELSE 'open' END, $4,
			    CASE WHEN g % 10 = 0 THEN 'Done' ELSE '' END,
			    CASE WHEN g % 10 = 0 THEN now() END, CASE WHEN g % 10 = 0 THEN $4 END
			FROM generate_series(1, $5) AS g
			CROSS JOIN LATERAL (SELECT id, name FROM action_type
			    ORDER BY position, id OFFSET (g % greatest((SELECT count(*) FROM action_type), 1))
			    LIMIT 1) t
			$sql$ USING big, police, team, lead, n_actions;
		END IF;
	END IF;

	-- The rest of the lead's open cases, one incident each.
	SELECT count(*) INTO have FROM monitored_case WHERE lead_user_id = lead AND status = 'open';
	FOR i IN have + 1..n_cases LOOP
		INSERT INTO incident (reference, channel, asb_type_id, description, occurred_at,
		    reported_at, location, address, postcode, owning_agency_id, team_id, status)
		VALUES (format('ASB-%s-%s', to_char(now(), 'YYYY'),
		    lpad(nextval('incident_ref_seq')::text, 6, '0')), 'police', noise,
		    format('Bench incident of small case %s', i), now() - make_interval(days => i % 90),
		    now() - make_interval(days => i % 90), ST_SetSRID(ST_MakePoint(-0.094, 51.514), 4326),
		    'Wood Street', 'EC2V 7AA', police, team, 'open')
		RETURNING id INTO inc;
		INSERT INTO monitored_case (reference, title, origin, lead_agency_id, lead_user_id,
		    lead_team_id, opened_by, opened_at)
		VALUES (format('CASE-%s-%s', to_char(now(), 'YYYY'),
		    lpad(nextval('monitored_case_number')::text, 6, '0')),
		    format('Bench case %s', i), 'incidents', police, lead, team, lead,
		    now() - make_interval(days => i % 120))
		RETURNING id INTO small;
		INSERT INTO case_incident (case_id, incident_id, how, linked_by)
		VALUES (small, inc, 'created', lead);
	END LOOP;
END
$$;

COMMIT;

SELECT c.reference, (SELECT count(*) FROM case_incident ci WHERE ci.case_id = c.id),
    (SELECT count(*) FROM monitored_case m WHERE m.lead_user_id = c.lead_user_id
        AND m.status = 'open')
FROM monitored_case c
WHERE c.title = format('Bench case: %s incidents and %s actions', :'incidents', :'actions')
  AND c.lead_user_id = (SELECT id FROM app_user WHERE email = :'lead')
ORDER BY c.id LIMIT 1;
