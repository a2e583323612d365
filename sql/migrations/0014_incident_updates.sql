-- Updates on an incident: staff write them (shared with the people who
-- reported it, or kept internal), and a status change writes a shared one
-- in plain words. Reporters who asked for email updates are told.

-- Who to email about an incident: one row per address of a reporter who
-- asked for updates, with that reporter's own report references (never
-- anyone else's). Row security on person needs person.view, which staff
-- changing a status may not have; this reads the addresses as their owner
-- and returns nothing else, and only for an incident the caller may see.
CREATE FUNCTION incident_update_recipients(incident bigint)
RETURNS TABLE (email text, refs text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT (array_agg(p.email ORDER BY r.id))[1],
	    string_agg(r.reference, ', ' ORDER BY r.id)
	FROM incident i JOIN report r ON r.incident_id = i.id
	JOIN person p ON p.id = r.reporter_id
	WHERE i.id = incident AND r.email_updates
	  AND coalesce(p.email, '') <> ''
	  AND concord_visible(i.owning_agency_id, i.sharing, i.shared_with)
	GROUP BY lower(p.email)
	ORDER BY min(r.id)
$$;

REVOKE ALL ON FUNCTION incident_update_recipients(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION incident_update_recipients(bigint) TO concord_app;

-- The tracking page's timeline, newest first: updates written in one
-- transaction share a time, so the later-written comes first.
CREATE OR REPLACE FUNCTION report_tracking_updates(ref text, token_hash text)
RETURNS TABLE (at text, text text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT to_char(u.at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY "at" HH24:MI'), u.text
	FROM report r JOIN incident_update u ON u.incident_id = r.incident_id
	WHERE r.reference = ref AND r.tracking_hash = token_hash AND u.public
	ORDER BY u.at DESC, u.id DESC
	LIMIT 100
$$;
