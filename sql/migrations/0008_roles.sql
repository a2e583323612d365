-- The seed roles and what each may do. An administrator can add roles and
-- change these; re-running this file is not needed (migrations run once).
INSERT INTO role (code, name, agency_kinds, permissions) VALUES
 ('call_handler', 'Call handler', '{police}',
  '{incident.create,incident.view,person.view}'),
 ('police_officer', 'Police officer', '{police}',
  '{incident.create,incident.view,incident.update,risk.assess,action.manage,case.manage,evidence.view,person.view}'),
 ('police_supervisor', 'Police supervisor', '{police}',
  '{incident.create,incident.view,incident.update,incident.reallocate,incident.close,risk.assess,risk.review,action.manage,case.manage,evidence.view,person.view,audit.team}'),
 ('council_officer', 'Council ASB officer', '{local_authority}',
  '{incident.create,incident.view,incident.update,risk.assess,action.manage,case.manage,evidence.view,person.view}'),
 ('council_manager', 'Council ASB manager', '{local_authority}',
  '{incident.create,incident.view,incident.update,incident.reallocate,incident.close,risk.assess,risk.review,action.manage,case.manage,evidence.view,person.view,audit.team}'),
 ('partner_reporter', 'Partner reporter', '{housing_provider,third_sector}',
  '{report.partner,incident.view,incident.update,person.view}'),
 ('analyst', 'Analyst', '{}',
  '{reporting.view}'),
 ('administrator', 'Administrator', '{}',
  '{admin.users,admin.agencies,admin.types,admin.routing,admin.api_clients}')
ON CONFLICT (code) DO UPDATE SET permissions = EXCLUDED.permissions
    WHERE role.permissions = '{}';
