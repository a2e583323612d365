{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1 class="govuk-heading-l">Concord</h1>
<p class="govuk-body">Signed in as {{NAME}} ({{ROLES}}), {{AGENCY}}.</p>
<ul class="govuk-list">
{{#PARTNER}}<li><a class="govuk-link" href="/report">Report anti-social behaviour</a></li>
<li><a class="govuk-link" href="/staff/partner-reports">Your organisation's reports</a></li>{{/PARTNER}}
{{#INCIDENTS}}<li><a class="govuk-link" href="/staff/incidents">Search incidents</a></li>{{/INCIDENTS}}
{{#ACTIVITY}}<li><a class="govuk-link" href="/staff/activity">Your team's activity</a></li>{{/ACTIVITY}}
{{#ADMIN}}<li><a class="govuk-link" href="/admin">Administration: agencies, teams, users and roles</a></li>{{/ADMIN}}
<li><a class="govuk-link" href="/staff/me/history">Your own activity</a></li>
</ul>
{{>FOOT}}
