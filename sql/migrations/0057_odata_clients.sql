-- The OData feed's keys (issue 14): an analyst's key to read the reporting
-- views from Power BI or Excel. An OData client is one analyst's (user_id,
-- one client each), acts as that analyst — their agency's row security,
-- their roles' permissions as they are at each request — and may read
-- only the views its scopes name (rpt_incident, rpt_allocation, ...).
-- Its keys are api_key rows like a CAD client's (0046): rotated with an
-- overlap, revoked one by one or with the client; the secret is derived
-- from the server's API key file, never stored. Revoking an OData client
-- leaves the analyst's own account alone: it is a person's, not a service
-- account.

ALTER TABLE api_client DROP CONSTRAINT api_client_kind_check;
ALTER TABLE api_client ADD CONSTRAINT api_client_kind_check
    CHECK (kind IN ('open311', 'cad', 'odata'));
ALTER TABLE api_client ADD CONSTRAINT api_client_odata_account CHECK (kind <> 'odata' OR
    (agency_id IS NOT NULL AND user_id IS NOT NULL AND key_hash IS NULL AND
     webhook_url IS NULL AND cardinality(scopes) > 0 AND
     scopes <@ ARRAY['rpt_agency', 'rpt_team', 'rpt_type', 'rpt_area', 'rpt_incident',
         'rpt_allocation', 'rpt_action', 'rpt_contact', 'rpt_case', 'rpt_case_review',
         'rpt_daily', 'rpt_incident_person', 'rpt_case_person']));

-- A CAD client's service account is its own for good; an analyst has one
-- live OData client at a time, and a new one after revoking the last.
ALTER TABLE api_client DROP CONSTRAINT api_client_user_id_key;
CREATE UNIQUE INDEX api_client_cad_account ON api_client (user_id) WHERE kind = 'cad';
CREATE UNIQUE INDEX api_client_odata_live ON api_client (user_id)
    WHERE kind = 'odata' AND revoked_at IS NULL;
