{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin" class="govuk-back-link">Back to administration</a>
<h1 class="govuk-heading-l">Teams</h1>
<a href="/admin/teams/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Add a team</a>
<div class="concord-table-scroll" role="region" aria-label="Teams, by agency" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Teams, by agency</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Agency</th>
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Code</th>
<th scope="col" class="govuk-table__header">Specialist</th>
<th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">History</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#TEAM}}
<tr class="govuk-table__row">
<td class="govuk-table__cell">{{AGENCY}}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/teams/{{ID}}">{{NAME}}<span class="govuk-visually-hidden"> (change)</span></a></td>
<td class="govuk-table__cell">{{CODE}}</td>
<td class="govuk-table__cell">{{SPECIALIST}}</td>
<td class="govuk-table__cell">{{#ACTIVE}}<strong class="govuk-tag govuk-tag--green">Active</strong>{{/ACTIVE}}{{#INACTIVE}}<strong class="govuk-tag govuk-tag--grey">Inactive</strong>{{/INACTIVE}}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/teams/{{ID}}/history">History<span class="govuk-visually-hidden"> of {{NAME}}</span></a></td>
</tr>
{{/TEAM}}
</tbody>
</table>
</div>
{{>FOOT}}
