{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1 class="govuk-heading-l">Your work</h1>
<p class="govuk-body">Signed in as {{NAME}} ({{ROLES}}), {{AGENCY}}.</p>
{{#CLOSE_REQUESTS}}
<h2 class="govuk-heading-m" id="close-requests">Waiting for you: asked to close</h2>
{{#NONE}}<p class="govuk-body">Nobody has asked you to close an incident.</p>{{/NONE}}
<ul class="govuk-list govuk-list--spaced">
{{#ROW}}<li><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}#change-status">{{REFERENCE}}</a>: {{TYPE}}. {{BY}} asked on {{WHEN}}: {{REASON}}</li>
{{/ROW}}</ul>
{{/CLOSE_REQUESTS}}
{{#WAITING}}
<h2 class="govuk-heading-m">New reports waiting</h2>
{{#NONE}}<p class="govuk-body">There are no new reports waiting.</p>{{/NONE}}
<ul class="govuk-list govuk-list--spaced">
{{#ROW}}<li><a class="govuk-link" href="/staff/incidents/{{INCIDENT}}">{{REFERENCE}}</a>: {{TYPE}}{{#PLACE}}, {{TEXT}}{{/PLACE}}. {{#FLAG}}<strong class="govuk-tag govuk-tag--orange">{{LABEL}}</strong> {{/FLAG}}<span class="govuk-body-s">Reported {{REPORTED}}</span></li>
{{/ROW}}</ul>
<p class="govuk-body"><a class="govuk-link" href="/staff/reports">All new reports</a></p>
{{/WAITING}}
{{#MINE}}
<h2 class="govuk-heading-m">Incidents you have worked on</h2>
{{#NONE}}<p class="govuk-body">You have not created, reported or updated an incident yet.</p>{{/NONE}}
<ul class="govuk-list govuk-list--spaced">
{{#ROW}}<li><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a>: {{TYPE}}. {{#FLAG}}<strong class="govuk-tag govuk-tag--orange">{{LABEL}}</strong> {{/FLAG}}<span class="govuk-body-s">Reported {{REPORTED}}</span></li>
{{/ROW}}</ul>
{{/MINE}}
{{#PARTNER}}
<h2 class="govuk-heading-m">Your organisation's latest reports</h2>
{{#NONE}}<p class="govuk-body">Your organisation has not sent any reports yet.</p>{{/NONE}}
<ul class="govuk-list govuk-list--spaced">
{{#ROW}}<li>{{REFERENCE}}: {{TYPE}}. <strong class="govuk-tag govuk-tag--grey">{{STATUS}}</strong> <span class="govuk-body-s">Reported {{REPORTED}}</span></li>
{{/ROW}}</ul>
<ul class="govuk-list">
<li><a class="govuk-link" href="/staff/partner-reports">All your organisation's reports</a></li>
<li><a class="govuk-link" href="/report">Report anti-social behaviour</a></li>
</ul>
{{/PARTNER}}
<h2 class="govuk-heading-m">Go to</h2>
<ul class="govuk-list">
{{#CREATE}}<li><a class="govuk-link" href="/staff/quick">Take a call</a></li>{{/CREATE}}
{{#CREATE}}<li><a class="govuk-link" href="/staff/incidents/new">Record an incident</a></li>{{/CREATE}}
{{#INCIDENTS}}<li><a class="govuk-link" href="/staff/queues">Your queues and your work</a></li>{{/INCIDENTS}}
{{#INCIDENTS}}<li><a class="govuk-link" href="/staff/incidents">Search incidents</a></li>{{/INCIDENTS}}
{{#RISK_REVIEWS}}<li><a class="govuk-link" href="/staff/risk-reviews">Risk reviews due: {{COUNT}}</a></li>{{/RISK_REVIEWS}}
{{#ACTIVITY}}<li><a class="govuk-link" href="/staff/activity">Your team's activity</a></li>{{/ACTIVITY}}
{{#REPORTING}}<li><a class="govuk-link" href="/dashboards/operational">Weekly operational dashboard</a></li>
<li><a class="govuk-link" href="/dashboards/hotspots">Hotspot dashboard</a></li>{{/REPORTING}}
<li><a class="govuk-link" href="/staff/me/history">Your own activity</a></li>
</ul>
{{#ADMIN}}
<h2 class="govuk-heading-m">Administration</h2>
<ul class="govuk-list">
{{#LINK}}<li><a class="govuk-link" href="{{HREF}}">{{LABEL}}</a></li>
{{/LINK}}</ul>
{{/ADMIN}}
{{>FOOT}}
