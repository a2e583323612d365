{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin" class="govuk-back-link">Back to administration</a>
<h1 class="govuk-heading-l">ASB types</h1>
<p class="govuk-body">The types people choose from when they report anti-social behaviour, and the questions asked for each. Sub-types are listed under their type.</p>
<a href="/admin/types/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Add a type</a>
<div class="concord-table-scroll" role="region" aria-label="ASB types" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">ASB types, each followed by its sub-types</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Code</th>
<th scope="col" class="govuk-table__header">Category</th>
<th scope="col" class="govuk-table__header">Parent</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Questions</th>
<th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">History</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#TYPE}}
<tr class="govuk-table__row">
<td class="govuk-table__cell">{{#SUBTYPE}}<span aria-hidden="true">&mdash; </span>{{/SUBTYPE}}<a class="govuk-link" href="/admin/types/{{ID}}">{{NAME}}<span class="govuk-visually-hidden"> (change)</span></a></td>
<td class="govuk-table__cell">{{CODE}}</td>
<td class="govuk-table__cell">{{CATEGORY}}</td>
<td class="govuk-table__cell">{{PARENT}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">{{QUESTIONS}}</td>
<td class="govuk-table__cell">{{#ACTIVE}}<strong class="govuk-tag govuk-tag--green">Active</strong>{{/ACTIVE}}{{#INACTIVE}}<strong class="govuk-tag govuk-tag--grey">Inactive</strong>{{/INACTIVE}}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/types/{{ID}}/history">History<span class="govuk-visually-hidden"> of {{NAME}}</span></a></td>
</tr>
{{/TYPE}}
</tbody>
</table>
</div>
{{>FOOT}}
