-- The OData feed serves rpt_case_incident (0058) too, as CaseIncidents: an
-- analyst's key may be scoped to it like any other reporting view.
ALTER TABLE api_client DROP CONSTRAINT api_client_odata_account;
ALTER TABLE api_client ADD CONSTRAINT api_client_odata_account CHECK (kind <> 'odata' OR
    (agency_id IS NOT NULL AND user_id IS NOT NULL AND key_hash IS NULL AND
     webhook_url IS NULL AND cardinality(scopes) > 0 AND
     scopes <@ ARRAY['rpt_agency', 'rpt_team', 'rpt_type', 'rpt_area', 'rpt_incident',
         'rpt_allocation', 'rpt_action', 'rpt_contact', 'rpt_case', 'rpt_case_review',
         'rpt_daily', 'rpt_incident_person', 'rpt_case_person', 'rpt_case_incident']));
