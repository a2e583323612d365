-- The incident page as the working record (issue 9): every change of an
-- incident's status, with its reason and (for a closure) its outcome, so
-- the page's timeline shows who moved it where, when and why. The closure
-- itself is on the incident (0025: closed_at, closed_by, closure_reason,
-- outcome); this keeps each move, reopenings included.

CREATE TABLE incident_status_change (
	id		bigserial PRIMARY KEY,
	incident_id	bigint NOT NULL REFERENCES incident (id),
	from_status	incident_status NOT NULL,
	to_status	incident_status NOT NULL CHECK (to_status <> from_status),
	reason		text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
	-- Only a closure has one (domain/incident_status.c lists them).
	outcome		text CHECK (outcome IN ('resolved', 'no_further_action',
	    'referred_to_partner', 'case_opened', 'duplicate', 'other')),
	CHECK ((to_status = 'closed') = (outcome IS NOT NULL)),
	changed_by	bigint REFERENCES app_user (id),
	changed_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_status_change_incident
    ON incident_status_change (incident_id, changed_at DESC);

-- The supervisors' "waiting for you": open requests to close.
CREATE INDEX incident_close_requested ON incident (close_requested_at)
    WHERE close_requested_at IS NOT NULL;

-- Seen by whoever may see the incident; written only by the acting user.
ALTER TABLE incident_status_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_status_change_read ON incident_status_change
    FOR SELECT TO concord_app
    USING (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id));
CREATE POLICY incident_status_change_create ON incident_status_change
    FOR INSERT TO concord_app
    WITH CHECK (EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_id)
        AND changed_by IS NOT DISTINCT FROM audit_acting_user());

GRANT SELECT, INSERT ON incident_status_change TO concord_app;
GRANT USAGE ON SEQUENCE incident_status_change_id_seq TO concord_app;
