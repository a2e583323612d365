{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin" class="govuk-back-link">Back to administration</a>
<h1 class="govuk-heading-l">Agencies</h1>
<a href="/admin/agencies/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Add an agency</a>
<div class="concord-table-scroll" role="region" aria-label="Agencies" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Agencies</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Code</th>
<th scope="col" class="govuk-table__header">Kind</th>
<th scope="col" class="govuk-table__header">Core partner</th>
<th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">History</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#AGENCY}}
<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/agencies/{{ID}}">{{NAME}}<span class="govuk-visually-hidden"> (change)</span></a></td>
<td class="govuk-table__cell">{{CODE}}</td>
<td class="govuk-table__cell">{{KIND}}</td>
<td class="govuk-table__cell">{{CORE}}</td>
<td class="govuk-table__cell">{{#ACTIVE}}<strong class="govuk-tag govuk-tag--green">Active</strong>{{/ACTIVE}}{{#INACTIVE}}<strong class="govuk-tag govuk-tag--grey">Inactive</strong>{{/INACTIVE}}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/agencies/{{ID}}/history">History<span class="govuk-visually-hidden"> of {{NAME}}</span></a></td>
</tr>
{{/AGENCY}}
</tbody>
</table>
</div>
{{>FOOT}}
