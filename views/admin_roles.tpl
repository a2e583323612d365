{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin" class="govuk-back-link">Back to administration</a>
<h1 class="govuk-heading-l">Roles</h1>
<a href="/admin/roles/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Add a role</a>
<div class="concord-table-scroll" role="region" aria-label="Roles" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Roles</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Code</th>
<th scope="col" class="govuk-table__header">Who may hold it</th>
<th scope="col" class="govuk-table__header">Permissions</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Users</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">History</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#ROLE}}
<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/roles/{{ID}}">{{NAME}}<span class="govuk-visually-hidden"> (change)</span></a></td>
<td class="govuk-table__cell">{{CODE}}</td>
<td class="govuk-table__cell">{{KINDS}}</td>
<td class="govuk-table__cell govuk-body-s">{{PERMISSIONS}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">{{HOLDERS}}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/roles/{{ID}}/history">History<span class="govuk-visually-hidden"> of {{NAME}}</span></a></td>
</tr>
{{/ROLE}}
</tbody>
</table>
</div>
{{>FOOT}}
