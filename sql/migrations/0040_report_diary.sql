-- The reporter's diary (issue 10): from the tracking page, a member of the
-- public who has the tracking token logs another occurrence of what they
-- reported — when, what happened, how it affected them, files. An entry
-- joins the report and its incident: it makes no incident and no report,
-- so it never counts as another complaint (the ASB Case Review threshold
-- counts incidents). Staff read the entries on the incident's timeline.
--
-- The web role may read entries as it may read their incident, and may
-- add one only through report_diary_add and report_diary_attach, which
-- take the report's reference and the SHA-256 of its tracking token:
-- whoever does not hold the token cannot write to a report's diary.

CREATE TABLE report_diary_entry (
	id		bigserial PRIMARY KEY,
	report_id	bigint NOT NULL REFERENCES report(id),
	-- The report's incident when the entry was made.
	incident_id	bigint NOT NULL REFERENCES incident(id),
	occurred_at	timestamptz NOT NULL,
	-- false: only the day was given (occurred_at is midday, London).
	time_known	boolean NOT NULL,
	-- The limits of the form (fcgi/domain/report_diary.h).
	what_happened	text NOT NULL CHECK (length(what_happened) BETWEEN 1 AND 5000),
	impact		text CHECK (length(impact) BETWEEN 1 AND 2000),
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_diary_entry_report ON report_diary_entry (report_id);
CREATE INDEX report_diary_entry_incident ON report_diary_entry (incident_id);

-- The evidence sent with an entry (evidence rows of the same incident,
-- made with the report's reference). The retention purge deletes evidence
-- rows as their owner: the link goes with them.
CREATE TABLE report_diary_file (
	entry_id	bigint NOT NULL REFERENCES report_diary_entry(id),
	evidence_id	bigint NOT NULL UNIQUE REFERENCES evidence(id) ON DELETE CASCADE,
	PRIMARY KEY (entry_id, evidence_id)
);

-- Read as the incident and the evidence are (0009, 0011).
ALTER TABLE report_diary_entry ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_diary_entry_read ON report_diary_entry FOR SELECT TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));
ALTER TABLE report_diary_file ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_diary_file_read ON report_diary_file FOR SELECT TO concord_app
    USING (EXISTS (SELECT 1 FROM evidence e WHERE e.id = evidence_id));
GRANT SELECT ON report_diary_entry, report_diary_file TO concord_app;

-- A moment in words, London time, as the public pages write it:
-- "1 December 2026 at 11:55pm", "… at midday", or the day alone.
CREATE FUNCTION london_words(at timestamptz, with_time boolean) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT to_char(at AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY') ||
	    CASE WHEN NOT with_time THEN ''
	    WHEN to_char(at AT TIME ZONE 'Europe/London', 'HH24:MI') = '00:00' THEN ' at midnight'
	    WHEN to_char(at AT TIME ZONE 'Europe/London', 'HH24:MI') = '12:00' THEN ' at midday'
	    ELSE ' at ' || lower(to_char(at AT TIME ZONE 'Europe/London', 'FMHH12:MIAM'))
	    END
$$;

-- Where, roughly, for a page anyone holding the link may see: the street
-- and town without house or flat numbers (the last two parts left: "Flat
-- 3, 10 Wood Street, London" is "Wood Street, London"), and the first
-- half of the postcode. NULL when neither says anything.
CREATE FUNCTION rough_place(address text, postcode text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	WITH parts AS (
		SELECT n, btrim(regexp_replace(p,
		    '^(\s*((flat|apartment|apt|unit|room|house)\s*)?[0-9]+[a-z]?(\s*[-/]\s*[0-9]+[a-z]?)?(\s+|$))+',
		    '', 'i')) AS p
		FROM unnest(string_to_array(coalesce(address, ''), ',')) WITH ORDINALITY AS u(p, n)
	), kept AS (
		SELECT n, p FROM parts WHERE p <> '' ORDER BY n DESC LIMIT 2
	)
	SELECT nullif(concat_ws(', ', (SELECT string_agg(p, ', ' ORDER BY n) FROM kept),
	    substring(upper(replace(coalesce(postcode, ''), ' ', ''))
	        FROM '^([A-Z]{1,2}[0-9][A-Z0-9]?)[0-9][A-Z]{2}$')), '')
$$;

-- What the tracking page says was reported: when (in words; a report
-- sent without a time was stored at midday, so midday shows the day
-- alone), how often when it keeps happening, and where roughly (the
-- council area, when only a point on the map was given).
CREATE FUNCTION report_tracking_summary(ref text, token_hash text)
RETURNS TABLE (occurred text, how_often text, times_of_day text, place text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	SELECT CASE WHEN r.occurred_at IS NOT NULL THEN london_words(r.occurred_at,
	        to_char(r.occurred_at AT TIME ZONE 'Europe/London', 'HH24:MI') <> '12:00')
	    END,
	    coalesce(r.recurring->>'how_often', ''),
	    coalesce((SELECT string_agg(t, ',') FROM jsonb_array_elements_text(
	        CASE WHEN jsonb_typeof(r.recurring->'times_of_day') = 'array'
	        THEN r.recurring->'times_of_day' END) AS t), ''),
	    coalesce(rough_place(r.address, r.postcode),
	        (SELECT a.name FROM la_area a WHERE r.location IS NOT NULL
	            AND ST_Intersects(a.geom, r.location) ORDER BY a.id LIMIT 1),
	        CASE WHEN r.location IS NOT NULL THEN 'The place you marked on the map' END,
	        '')
	FROM report r
	WHERE r.reference = ref AND r.tracking_hash = token_hash;
END
$$;

-- The entries of this report (never another reporter's on the same
-- incident), the latest occurrence first, with the names of their files.
CREATE FUNCTION report_diary_of(ref text, token_hash text)
RETURNS TABLE (occurred text, what_happened text, impact text, files text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	PERFORM concord_actor_required();
	RETURN QUERY
	SELECT london_words(d.occurred_at, d.time_known), d.what_happened,
	    coalesce(d.impact, ''),
	    coalesce((SELECT string_agg(e.original_name, ', ' ORDER BY e.id)
	        FROM report_diary_file f JOIN evidence e ON e.id = f.evidence_id
	        WHERE f.entry_id = d.id), '')
	FROM report r JOIN report_diary_entry d ON d.report_id = r.id
	WHERE r.reference = ref AND r.tracking_hash = token_hash
	ORDER BY d.occurred_at DESC, d.id DESC
	LIMIT 200;
END
$$;

-- Adds an entry to the report with this reference and token: its id, the
-- report's, the incident's and the incident's owner (whom the caller acts
-- as for the entry's evidence and audit row, as the report's own intake
-- does). No row when the reference or the token is wrong. When it
-- happened later than now (with no time: on a later day, in London) the
-- row says too_late and nothing is added.
CREATE FUNCTION report_diary_add(ref text, token_hash text, occurred timestamptz,
    with_time boolean, what text, how_affected text)
RETURNS TABLE (entry_id bigint, report_id bigint, incident_id bigint, owner bigint,
    too_late boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	rid	bigint;
	iid	bigint;
	own	bigint;
	eid	bigint;
BEGIN
	PERFORM concord_actor_required();
	SELECT r.id, r.incident_id, i.owning_agency_id INTO rid, iid, own
	FROM report r JOIN incident i ON i.id = r.incident_id
	WHERE r.reference = ref AND r.tracking_hash = token_hash;
	IF NOT FOUND THEN
		RETURN;
	END IF;
	IF (with_time AND occurred > now()) OR (NOT with_time
	    AND (occurred AT TIME ZONE 'Europe/London')::date >
	        (now() AT TIME ZONE 'Europe/London')::date) THEN
		RETURN QUERY SELECT NULL::bigint, rid, iid, own, true;
		RETURN;
	END IF;
	INSERT INTO report_diary_entry (report_id, incident_id, occurred_at, time_known,
	    what_happened, impact)
	VALUES (rid, iid, occurred, with_time, what, nullif(how_affected, ''))
	RETURNING id INTO eid;
	RETURN QUERY SELECT eid, rid, iid, own, false;
END
$$;

-- Links evidence rows to an entry of the report with this reference and
-- token: only rows of the entry's incident, made with the report's
-- reference by the public (uploaded_by NULL) and not linked yet. Returns
-- how many it linked.
CREATE FUNCTION report_diary_attach(entry bigint, ref text, token_hash text,
    files bigint[])
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	n	integer;
BEGIN
	PERFORM concord_actor_required();
	INSERT INTO report_diary_file (entry_id, evidence_id)
	SELECT d.id, e.id
	FROM report r JOIN report_diary_entry d ON d.report_id = r.id
	JOIN evidence e ON e.incident_id = d.incident_id AND e.report_reference = r.reference
	WHERE r.reference = ref AND r.tracking_hash = token_hash AND d.id = entry
	  AND e.id = ANY (files) AND e.uploaded_by IS NULL
	ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;

REVOKE ALL ON FUNCTION report_tracking_summary(text, text), report_diary_of(text, text),
    report_diary_add(text, text, timestamptz, boolean, text, text),
    report_diary_attach(bigint, text, text, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_tracking_summary(text, text), report_diary_of(text, text),
    report_diary_add(text, text, timestamptz, boolean, text, text),
    report_diary_attach(bigint, text, text, bigint[]), london_words(timestamptz, boolean),
    rough_place(text, text) TO concord_app;
