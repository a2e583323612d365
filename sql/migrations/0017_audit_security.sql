-- Who may read the audit trail and what the application may write to it.
--
-- Until now any agency context read every audit row (0009), among them the
-- text of a staff-only update on another agency's incident, and the
-- application role could insert rows under any actor. Now:
--
--   * a row about a record — an incident, report, piece of evidence or
--     person, named by its id — is readable exactly when that record is:
--     the check looks the record up in its own table, whose row security
--     (0009 and later) decides for the caller, so the trail follows the
--     record's owner and sharing as they are now, whatever they become;
--   * a row about staff and administration (users, agencies, teams,
--     roles, types, questions, API clients, imports) is readable by the
--     agency of whoever acted and by administrators, who manage every
--     agency's staff and settings (as the admin pages do);
--   * any other row (searches, look-ups of what was not found, refused
--     requests, sign-ins without an account) is readable by the actor's
--     agency only;
--   * a row may be added only under the transaction's own actor and
--     agency (concord.user_id and concord.agency_id, which tx_actor sets):
--     NULL for 0, as audit_append stores them. The public and the system
--     act as user 0, so their rows have no actor.
--
-- concordctl and the SECURITY DEFINER functions (the retention purge) run
-- as the tables' owner, which row security does not bind.

-- The acting user: NULL for the public and the system (0, '' or unset),
-- as concord_agency() is for the agency.
CREATE FUNCTION audit_acting_user() RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT nullif(nullif(current_setting('concord.user_id', true), ''), '0')::bigint
$$;

-- Whether the acting user is an administrator: holds a role with an
-- admin.* permission in their own agency, which is the acting one.
CREATE FUNCTION audit_reader_administers() RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (
		SELECT 1 FROM user_role ur
		JOIN app_user u ON u.id = ur.user_id AND u.agency_id = ur.agency_id
		JOIN role ro ON ro.id = ur.role_id
		WHERE ur.user_id = audit_acting_user()
		  AND ur.agency_id = concord_agency()
		  AND u.disabled_at IS NULL
		  AND ro.permissions && ARRAY['admin.users', 'admin.agencies',
		      'admin.types', 'admin.routing', 'admin.api_clients'])
$$;

-- Whether the acting agency may read an audit row (see the top). Not
-- SECURITY DEFINER: the look-ups of incident, report, evidence and person
-- run as the caller, filtered by those tables' own policies. A miss
-- ("not_found", whose entity_id before 0017 was whatever was typed) names
-- no record, whatever its text.
CREATE FUNCTION audit_event_visible(entity text, entity_id text, action text,
    agency_id bigint)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT concord_agency() IS NOT NULL AND CASE
	WHEN entity IN ('incident', 'report', 'evidence', 'person')
	    AND entity_id ~ '^[0-9]{1,18}$' AND action <> 'not_found' THEN
		CASE entity
		WHEN 'incident' THEN EXISTS (SELECT 1 FROM incident r
		    WHERE r.id = entity_id::bigint)
		WHEN 'report' THEN EXISTS (SELECT 1 FROM report r
		    WHERE r.id = entity_id::bigint)
		WHEN 'evidence' THEN EXISTS (SELECT 1 FROM evidence r
		    WHERE r.id = entity_id::bigint)
		ELSE EXISTS (SELECT 1 FROM person r WHERE r.id = entity_id::bigint)
		END
	WHEN entity IN ('user', 'agency', 'team', 'role', 'asb_type', 'question',
	    'api_client', 'routing_rule', 'beat', 'la_area') THEN
		agency_id IS NOT DISTINCT FROM concord_agency()
		OR audit_reader_administers()
	ELSE agency_id IS NOT DISTINCT FROM concord_agency()
	END
$$;

DROP POLICY audit_read ON audit_event;
CREATE POLICY audit_read ON audit_event FOR SELECT TO concord_app
    USING (audit_event_visible(entity, entity_id, action, agency_id));

DROP POLICY audit_write ON audit_event;
CREATE POLICY audit_write ON audit_event FOR INSERT TO concord_app
    WITH CHECK (actor_id IS NOT DISTINCT FROM audit_acting_user()
        AND agency_id IS NOT DISTINCT FROM concord_agency());
