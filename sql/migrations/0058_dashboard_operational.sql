-- The weekly operational dashboard (/dashboards/operational).
--
-- rpt_case_incident: which incidents each monitored case links, so that a
-- dashboard's area and ASB type filters reach a case's actions. Ids and a
-- date only; it runs with the reader's rights, like every reporting view.
CREATE VIEW rpt_case_incident WITH (security_invoker = true) AS
SELECT ci.case_id || ':' || ci.incident_id AS id, ci.case_id, ci.incident_id,
    ci.linked_at, ci.unlinked_at IS NULL AS current
FROM case_incident ci;

GRANT SELECT ON rpt_case_incident TO concord_app;

COMMENT ON VIEW rpt_case_incident IS 'The incidents each monitored case links.';
COMMENT ON COLUMN rpt_case_incident.id IS 'Key: case:incident.';
COMMENT ON COLUMN rpt_case_incident.case_id IS 'The case (rpt_case.id).';
COMMENT ON COLUMN rpt_case_incident.incident_id IS 'The incident (rpt_incident.id).';
COMMENT ON COLUMN rpt_case_incident.linked_at IS 'When it was linked.';
COMMENT ON COLUMN rpt_case_incident.current IS 'Still linked (not unlinked since).';

-- Supervisors and managers run their teams' week from the dashboard: they
-- read reporting as analysts do (row security still limits what they see).
UPDATE role SET permissions = permissions || '{reporting.view}'::text[]
WHERE code IN ('police_supervisor', 'council_manager')
  AND NOT 'reporting.view' = ANY (permissions);
