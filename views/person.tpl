{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/incidents" class="govuk-back-link">Incidents</a>
{{#MERGED}}
<div class="govuk-notification-banner" role="region" aria-labelledby="merged-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="merged-title">Important</h2></div>
<div class="govuk-notification-banner__content">
<p class="govuk-notification-banner__heading">This record was merged into <a class="govuk-notification-banner__link" href="/staff/people/{{KEPT_ID}}">{{KEPT_NAME}} (record {{KEPT_ID}})</a> on {{AT}} by {{BY}}.</p>
<p class="govuk-body">Its incidents, reports and calls are on that record now.</p>
{{#UNDO}}<form method="post" action="/staff/people/{{ID}}/unmerge" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Undo merge</button>
</form>{{/UNDO}}
</div>
</div>
{{/MERGED}}
<span class="govuk-caption-l">Person, record {{ID}}</span>
<h1 class="govuk-heading-l">{{NAME}}</h1>
{{#VULNERABLE}}<p class="govuk-body"><strong class="govuk-tag govuk-tag--red">Vulnerable</strong></p>{{/VULNERABLE}}
<dl class="govuk-summary-list">
{{#FACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KEY}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd></div>
{{/FACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Record created</dt><dd class="govuk-summary-list__value">{{CREATED}}</dd></div>
</dl>
<p class="govuk-body"><a class="govuk-link" href="/staff/people/{{ID}}/history">History of this person</a></p>
<h2 class="govuk-heading-m" id="incidents">Incidents</h2>
{{#NO_INCIDENTS}}<p class="govuk-body">This person is in no incident you can see.</p>{{/NO_INCIDENTS}}
{{#INCIDENTS}}
<div class="concord-table-scroll" role="region" aria-label="Incidents this person is in" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">The incidents this person is in that you can see, newest first, and their part in each.</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Reference</th>
<th scope="col" class="govuk-table__header">Type</th>
<th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header">Reported</th>
<th scope="col" class="govuk-table__header">Their part</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#INCIDENT}}<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a></td>
<td class="govuk-table__cell">{{TYPE}}</td>
<td class="govuk-table__cell">{{STATUS}}</td>
<td class="govuk-table__cell">{{REPORTED}}</td>
<td class="govuk-table__cell">{{ROLE}}</td>
</tr>
{{/INCIDENT}}</tbody>
</table>
</div>
{{/INCIDENTS}}
{{#MATCHES}}
<h2 class="govuk-heading-m" id="matches">May be the same person</h2>
<p class="govuk-body">Concord only suggests: records are merged only when a supervisor or manager decides to.</p>
<ul class="govuk-list">
{{#MATCH}}<li class="govuk-!-margin-bottom-4">May be the same person as <a class="govuk-link" href="/staff/people/{{ID}}">{{NAME}} (record {{ID}})</a> <strong class="govuk-tag govuk-tag--yellow">{{LEVEL}}</strong>
<ul class="govuk-list govuk-list--bullet govuk-body-s">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
{{#MERGE}}<a class="govuk-link" href="/staff/people/{{PERSON_ID}}/merge?with={{ID}}">Merge with this person<span class="govuk-visually-hidden"> ({{NAME}}, record {{ID}})</span></a>{{/MERGE}}
</li>
{{/MATCH}}</ul>
{{/MATCHES}}
{{#MERGE_OTHER}}
<h2 class="govuk-heading-m" id="merge">Merge with another record</h2>
<p class="govuk-body">If this person has another record, merge the two: you will see both side by side and choose which to keep before anything changes.</p>
<a class="govuk-button govuk-button--secondary" data-module="govuk-button" href="/staff/people/{{ID}}/merge">Merge with another record</a>
{{/MERGE_OTHER}}
{{>FOOT}}
