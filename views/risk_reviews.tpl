{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff" class="govuk-back-link">Home</a>
<h1 class="govuk-heading-l">Risk reviews due</h1>
<p class="govuk-body">Open incidents whose risk assessment is due for review, or that are waiting longer than they should for a first assessment. Oldest first.</p>
{{#NONE_DUE}}<p class="govuk-body">No risk reviews are due.</p>{{/NONE_DUE}}
{{#DUE}}
<div class="concord-table-scroll" role="region" aria-label="Risk reviews due" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">{{COUNT}} due. Dates are UK time.</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Incident</th>
<th scope="col" class="govuk-table__header">Type</th>
<th scope="col" class="govuk-table__header">Level</th>
<th scope="col" class="govuk-table__header">Assessed</th>
<th scope="col" class="govuk-table__header">Due</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#ROW}}
<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a></td>
<td class="govuk-table__cell">{{TYPE}}</td>
{{#ASSESSED_ROW}}<td class="govuk-table__cell">{{LEVEL}}</td>
<td class="govuk-table__cell">{{ASSESSED}}</td>{{/ASSESSED_ROW}}
{{#AWAITING}}<td class="govuk-table__cell" colspan="2">Awaiting a first assessment</td>{{/AWAITING}}
<td class="govuk-table__cell">{{DUE}}<br>{{#DUE_TODAY}}<strong class="govuk-tag govuk-tag--yellow">Due today</strong>{{/DUE_TODAY}}{{#OVERDUE}}<strong class="govuk-tag govuk-tag--red">{{TEXT}}</strong>{{/OVERDUE}}</td>
<td class="govuk-table__cell">{{#ASSESSED_ROW}}<a class="govuk-link" href="/staff/incidents/{{REFERENCE}}/risk/review">Record review<span class="govuk-visually-hidden"> of {{REFERENCE}}</span></a>{{/ASSESSED_ROW}}{{#AWAITING}}<a class="govuk-link" href="/staff/incidents/{{REFERENCE}}/risk">Assess<span class="govuk-visually-hidden"> {{REFERENCE}}</span></a>{{/AWAITING}}</td>
</tr>
{{/ROW}}
</tbody>
</table>
</div>
{{/DUE}}
{{>FOOT}}
