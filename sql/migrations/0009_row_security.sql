-- Agency segregation, enforced by PostgreSQL as well as in C. Every domain
-- transaction sets, with SET LOCAL (set_config(..., true)):
--   concord.user_id      the acting user (0 for the public and the system)
--   concord.agency_id    the acting agency (0 for none)
--   concord.person_view  '1' when the actor may see personal details
-- A query run without them sees no incident or person at all. concord_app
-- is not the tables' owner and has no BYPASSRLS, so the policies bind it.

CREATE FUNCTION concord_agency() RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT nullif(nullif(current_setting('concord.agency_id', true), ''), '0')::bigint
$$;

-- Whether the acting agency may see a record with this owner and sharing:
-- its own, ones shared with it by name, and — for core partners (police
-- force, council) — everything shared at partnership level.
CREATE FUNCTION concord_visible(owner bigint, level sharing_level, named bigint[])
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT concord_agency() IS NOT NULL AND (
		owner = concord_agency()
		OR concord_agency() = ANY (named)
		OR (level = 'partnership' AND EXISTS (
			SELECT 1 FROM agency a
			WHERE a.id = concord_agency() AND a.core_partner AND a.active)))
$$;

ALTER TABLE incident ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_read ON incident FOR SELECT TO concord_app
    USING (concord_visible(owning_agency_id, sharing, shared_with));
CREATE POLICY incident_create ON incident FOR INSERT TO concord_app
    WITH CHECK (owning_agency_id = concord_agency());
CREATE POLICY incident_change ON incident FOR UPDATE TO concord_app
    USING (concord_visible(owning_agency_id, sharing, shared_with))
    WITH CHECK (concord_visible(owning_agency_id, sharing, shared_with));

ALTER TABLE person ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_read ON person FOR SELECT TO concord_app
    USING (current_setting('concord.person_view', true) = '1'
        AND concord_visible(owning_agency_id, sharing, shared_with));
CREATE POLICY person_create ON person FOR INSERT TO concord_app
    WITH CHECK (owning_agency_id = concord_agency());
CREATE POLICY person_change ON person FOR UPDATE TO concord_app
    USING (current_setting('concord.person_view', true) = '1'
        AND concord_visible(owning_agency_id, sharing, shared_with))
    WITH CHECK (concord_visible(owning_agency_id, sharing, shared_with));

-- The audit trail: anyone acting may add to it; reading it needs an agency
-- context (the pages decide whose history a user may see).
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_write ON audit_event FOR INSERT TO concord_app
    WITH CHECK (true);
CREATE POLICY audit_read ON audit_event FOR SELECT TO concord_app
    USING (concord_agency() IS NOT NULL);
