{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff" class="govuk-back-link">Back</a>
<h1 class="govuk-heading-l">Administration</h1>
<p class="govuk-body">Every change made here is recorded in the audit trail with who made it, when and why.</p>
<ul class="govuk-list govuk-list--spaced">
{{#AGENCIES}}
<li><a class="govuk-link govuk-link--no-visited-state" href="/admin/agencies">Agencies</a>: the police force, councils, housing providers and other partners</li>
<li><a class="govuk-link govuk-link--no-visited-state" href="/admin/teams">Teams</a>: the queues of work each agency has</li>
{{/AGENCIES}}
{{#USERS}}
<li><a class="govuk-link govuk-link--no-visited-state" href="/admin/users">Users</a>: staff accounts, their roles, disabling accounts and resetting authenticators</li>
<li><a class="govuk-link govuk-link--no-visited-state" href="/admin/roles">Roles</a>: what each role may do, and which agencies may hold it</li>
{{/USERS}}
{{#TYPES}}
<li><a class="govuk-link govuk-link--no-visited-state" href="/admin/types">ASB types</a>: the types people report, and the questions asked for each</li>
<li><a class="govuk-link govuk-link--no-visited-state" href="/admin/action-types">Action types</a>: the actions a case's action plan offers, and which are enforcement with their legal basis</li>
{{/TYPES}}
{{#ROUTING}}
<li><a class="govuk-link govuk-link--no-visited-state" href="/admin/routing">Routing rules</a>: which specialist queues an incident also goes to, the force's manual triage queue, and where an incident would go</li>
{{/ROUTING}}
{{#API_CLIENTS}}
<li><a class="govuk-link govuk-link--no-visited-state" href="/admin/api-clients">API clients</a>: command-and-control systems and Open311 apps, their keys, scopes, webhooks and code mappings</li>
{{/API_CLIENTS}}
</ul>
{{>FOOT}}
