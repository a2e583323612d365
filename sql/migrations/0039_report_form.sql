-- The public form asks each fact once (issue 10). The shared steps ask
-- where, when (once, or how often and at what times of day), what
-- happened, and the triage facts: is it happening now, is anyone
-- vulnerable, targeted because of who they are, has it happened before.
-- The types' own questions that asked one of those again are retired
-- (inactive: the answers already given keep their wording and version),
-- so that ASB-2026-000013's "disability: yes, vulnerable: no" cannot
-- happen again.
UPDATE question q SET active = false, version = q.version + 1
FROM asb_type t
WHERE t.id = q.asb_type_id AND q.active AND (t.code, q.key) IN (
	('noise', 'when_heard'),			-- when: times of day
	('noise-music-parties', 'source_address'),	-- where
	('noise-music-parties', 'how_often'),		-- when: how often
	('noise-shouting-banging', 'source_address'),	-- where
	('noise-shouting-banging', 'last_date'),	-- when
	('noise-shouting-banging', 'last_time'),	-- when
	('noise-barking-dogs', 'dog_address'),		-- where
	('noise-alarms', 'alarm_location'),		-- where
	('noise-alarms', 'ringing_now'),		-- happening now
	('noise-construction', 'site'),			-- where
	('harassment', 'happening_now'),		-- happening now
	('harassment', 'targeted_for_who_you_are'),	-- targeted
	('nuisance-neighbours', 'vulnerable'),		-- vulnerable
	('vandalism', 'noticed_on'),			-- when
	('nuisance-gatherings', 'usual_time'),		-- when: times of day
	('vehicle-nuisance', 'usual_time'),		-- when: times of day
	('fireworks', 'date'),				-- when
	('fireworks', 'time'));				-- when

-- With where and how often asked once, on the shared steps, these types'
-- first questions of their own are the ones every report should answer.
UPDATE question q SET required = true, version = q.version + 1
FROM asb_type t
WHERE t.id = q.asb_type_id AND NOT q.required AND (t.code, q.key) IN (
	('noise-music-parties', 'after_11pm'),
	('noise-barking-dogs', 'hours_a_day'));

-- The noise's source is a kind of place, not the place: said so, so that
-- it does not read as Where asked again.
UPDATE question q SET label = 'What kind of place is the noise coming from?',
    version = q.version + 1
FROM asb_type t
WHERE t.id = q.asb_type_id AND t.code = 'noise' AND q.key = 'source'
  AND q.label = 'Where is the noise coming from?';

-- An option may ask a follow-up: {"value", "label", "detail": the
-- question for the text that goes with it, "detail_missing": what to say
-- when it is left blank}. "Yes, I know their name" asks the name;
-- "Something else" asks what (pages/report_questions.c shows it as a
-- conditional reveal, domain/answer_detail.c checks it).
UPDATE question q SET options = (
	SELECT jsonb_agg(CASE WHEN o ->> 'value' = s.value
	    THEN o || jsonb_build_object('detail', s.detail, 'detail_missing', s.missing)
	    ELSE o END ORDER BY e.n)
	FROM jsonb_array_elements(q.options) WITH ORDINALITY AS e (o, n)),
    version = q.version + 1
FROM asb_type t, (VALUES
	('harassment', 'know_who', 'name', 'What is their name?', 'Enter their name'),
	('noise-alarms', 'alarm_kind', 'other', 'What kind of alarm is it?',
	 'Enter what kind of alarm it is'),
	('nuisance-neighbours', 'what_happens', 'other', 'What else are they doing?',
	 'Enter what else your neighbours are doing'),
	('vandalism', 'what_damaged', 'other', 'What was damaged?',
	 'Enter what was damaged'),
	('nuisance-gatherings', 'doing_what', 'other', 'What else were they doing?',
	 'Enter what else they were doing'),
	('vehicle-nuisance', 'vehicle_kind', 'other', 'What kind of vehicle was it?',
	 'Enter what kind of vehicle it was'),
	('animal-problems', 'animal', 'other', 'What kind of animal is it?',
	 'Enter what kind of animal it is'),
	('litter-fly-tipping', 'what_dumped', 'other', 'What else has been dumped?',
	 'Enter what else has been dumped')
) AS s (type_code, key, value, detail, missing)
WHERE t.id = q.asb_type_id AND t.code = s.type_code AND q.key = s.key
  AND q.options @> jsonb_build_array(jsonb_build_object('value', s.value));

-- The fly-tipping hint named a description the form did not have; it has
-- one now, and says so plainly.
UPDATE question q SET hint = 'If you saw a vehicle, you can give its number plate when we ask what happened.',
    version = q.version + 1
FROM asb_type t
WHERE t.id = q.asb_type_id AND t.code = 'litter-fly-tipping' AND q.key = 'saw_who'
  AND q.hint LIKE '%in your description%';

-- As 0035's, with "at risk now" read from what the reports said as well as
-- from the call handler's screening: the public form's "Is it happening
-- now?" is kept as the report's at_risk (domain/report.c, impact_json),
-- and a yes is urgent on every channel alike.
CREATE OR REPLACE FUNCTION flag_facts(incidents bigint[], metres float8, days integer)
RETURNS TABLE (id bigint, urgent boolean, vulnerable boolean,
    repeat_victim boolean, repeat_location boolean, repeat_subject boolean,
    hate boolean, self json, people json, places json)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    SET plan_cache_mode = force_generic_plan AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	SELECT i.id, i.urgent, i.vulnerable, i.repeat_victim, i.repeat_location,
	    i.repeat_subject, i.hate,
	    -- flag_incident
	    json_build_array(extract(epoch FROM i.reported_at)::bigint,
	        s.vulnerable, s.targeted, s.happened_before,
	        s.at_risk,
	        coalesce(g.notices, '{}'), coalesce(g.answers, '{}')),
	    -- flag_people
	    coalesce((SELECT json_agg(json_build_array(p.person_id, p.role, p.here,
	        p.vulnerable, extract(epoch FROM p.at)::bigint)) FROM (
	        SELECT ip.person_id, ip.role, true AS here, pr.vulnerable,
	            NULL::timestamptz AS at
	        FROM incident_person ip JOIN person pr ON pr.id = ip.person_id
	        WHERE ip.incident_id = i.id
	        UNION ALL
	        (SELECT o.person_id, o.role, false, NULL::boolean, oi.reported_at
	        FROM (SELECT DISTINCT ip.person_id FROM incident_person ip
	            WHERE ip.incident_id = i.id) AS mine
	        JOIN incident_person o ON o.person_id = mine.person_id
	            AND o.incident_id <> i.id
	        JOIN incident oi ON oi.id = o.incident_id
	        LIMIT 2000)) AS p), '[]'),
	    -- flag_places: the degree box first, for the spatial index
	    coalesce((SELECT json_agg(json_build_array(l.distance,
	        extract(epoch FROM l.at)::bigint)) FROM (
	        SELECT ST_Distance(n.location::geography, i.location::geography) AS distance,
	            n.reported_at AS at
	        FROM incident n
	        WHERE i.location IS NOT NULL AND n.id <> i.id
	          AND n.reported_at BETWEEN i.reported_at - make_interval(days => days)
	              AND i.reported_at + make_interval(days => days)
	          AND n.location && ST_Expand(i.location, metres * 1.1 / (111320.0 *
	              greatest(cos(radians(ST_Y(i.location))), 0.05)))
	          AND ST_DWithin(n.location::geography, i.location::geography, metres)
	        LIMIT 1000) AS l), '[]')
	FROM unnest(incidents) WITH ORDINALITY AS x (id, n)
	JOIN incident i ON i.id = x.id
	-- what the reports and the screening said (flag_incident's `said`)
	CROSS JOIN LATERAL (
		SELECT bool_or((f.facts ->> 'vulnerable')::boolean) FILTER (
		        WHERE jsonb_typeof(f.facts -> 'vulnerable') = 'boolean') AS vulnerable,
		    bool_or((f.facts ->> 'targeted')::boolean) FILTER (
		        WHERE jsonb_typeof(f.facts -> 'targeted') = 'boolean') AS targeted,
		    bool_or((f.facts ->> 'happened_before')::boolean) FILTER (
		        WHERE jsonb_typeof(f.facts -> 'happened_before') = 'boolean')
		        AS happened_before,
		    bool_or((f.facts ->> 'at_risk')::boolean) FILTER (
		        WHERE jsonb_typeof(f.facts -> 'at_risk') = 'boolean') AS at_risk
		FROM (SELECT i.report_triage AS facts WHERE i.report_triage IS NOT NULL
		    UNION ALL
		    SELECT i.screening || jsonb_build_object('happened_before',
		        i.screening -> 'repeat')
		    WHERE i.screening IS NOT NULL) AS f) AS s
	-- the answers to questions with a notice (flag_incident's `given`):
	-- each answer looked up by the few questions' keys, not every answer
	-- of every report walked
	CROSS JOIN LATERAL (
		SELECT array_agg(q.notice ->> 'answer') AS notices,
		    array_agg(coalesce(sa.answers -> q.key ->> 'answer', '')) AS answers
		FROM (SELECT i.answers UNION ALL
		    SELECT r.answers FROM report r WHERE r.incident_id = i.id) AS sa (answers)
		JOIN question q ON q.asb_type_id = i.asb_type_id
		    AND coalesce(q.notice ->> 'answer', '') <> ''
		    AND jsonb_typeof(sa.answers) = 'object'
		    AND jsonb_typeof(sa.answers -> q.key) = 'object') AS g
	ORDER BY x.n;
END
$$;

