-- The CAD API's entries on an incident (issue 12, POST
-- /api/v1/incidents/{ref}/events): a log entry or a contact is an
-- incident_update like a member of staff's, told apart by its kind so the
-- API's timeline can say which it was; a contact keeps how it was made
-- and with whom. Staff updates stay kind 'update'.
ALTER TABLE incident_update
	ADD COLUMN kind text NOT NULL DEFAULT 'update'
	    CHECK (kind IN ('update', 'log', 'contact')),
	ADD COLUMN contact_method text
	    CHECK (contact_method IN ('phone', 'visit', 'email', 'letter', 'sms')),
	ADD COLUMN contact_with text
	    CHECK (contact_with IN ('victim', 'caller', 'witness', 'other')),
	ADD CONSTRAINT incident_update_contact CHECK (
	    (kind = 'contact') = (contact_method IS NOT NULL) AND
	    (kind = 'contact') = (contact_with IS NOT NULL));
