{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin" class="govuk-back-link">Back to administration</a>
<h1 class="govuk-heading-l">Action types</h1>
<p class="govuk-body">The kinds of action a monitored case's action plan offers, in this order. Enforcement actions also record the dates they were served, expire and are reviewed, their conditions and any breaches. An inactive type is not offered for new actions; actions that already have it keep it.</p>
<a href="/admin/action-types/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Add an action type</a>
<div class="concord-table-scroll" role="region" aria-label="Action types" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Action types, in the order they are offered</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Order</th>
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Code</th>
<th scope="col" class="govuk-table__header">Enforcement</th>
<th scope="col" class="govuk-table__header">Legal basis</th>
<th scope="col" class="govuk-table__header">Status</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#TYPE}}
<tr class="govuk-table__row">
<td class="govuk-table__cell govuk-table__cell--numeric">{{POSITION}}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/action-types/{{ID}}">{{NAME}}<span class="govuk-visually-hidden"> (change)</span></a></td>
<td class="govuk-table__cell">{{CODE}}</td>
<td class="govuk-table__cell">{{#ENFORCEMENT}}Yes{{/ENFORCEMENT}}{{#NOT_ENFORCEMENT}}No{{/NOT_ENFORCEMENT}}</td>
<td class="govuk-table__cell">{{BASIS}}</td>
<td class="govuk-table__cell">{{#ACTIVE}}<strong class="govuk-tag govuk-tag--green">Active</strong>{{/ACTIVE}}{{#INACTIVE}}<strong class="govuk-tag govuk-tag--grey">Inactive</strong>{{/INACTIVE}}</td>
</tr>
{{/TYPE}}
</tbody>
</table>
</div>
{{>FOOT}}
