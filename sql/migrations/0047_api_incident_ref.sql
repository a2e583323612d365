-- A CAD client's fields with no column in Concord (api_incident_ref.kept,
-- a create's "extensions") are kept even when the client gives no id of
-- its own for the incident: the external id becomes optional. It stays
-- unique per client when given (NULLs are distinct), and a client has at
-- most one row for an incident.
ALTER TABLE api_incident_ref DROP CONSTRAINT api_incident_ref_pkey;
ALTER TABLE api_incident_ref ALTER COLUMN external_id DROP NOT NULL;
ALTER TABLE api_incident_ref
	ADD CONSTRAINT api_incident_ref_external UNIQUE (client_id, external_id),
	ADD CONSTRAINT api_incident_ref_one UNIQUE (client_id, incident_id);
