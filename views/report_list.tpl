{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1 class="govuk-heading-l">New reports</h1>
<p class="govuk-body">Reports from the public, partners and other services, newest first. A further report of something already reported joins that incident.</p>
{{#NONE}}<p class="govuk-body">There are no reports you can see.</p>{{/NONE}}
{{#RESULTS}}
<div class="concord-table-scroll" role="region" aria-label="Reports" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-visually-hidden">Reports, newest first</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Report</th>
<th scope="col" class="govuk-table__header">Type</th>
<th scope="col" class="govuk-table__header">Where</th>
<th scope="col" class="govuk-table__header">Reported</th>
<th scope="col" class="govuk-table__header">Flags</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#ROW}}
<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/incidents/{{INCIDENT}}">{{REFERENCE}}</a>{{#LINKED}}<br><span class="govuk-body-s">Further report of {{INCIDENT}}</span>{{/LINKED}}</td>
<td class="govuk-table__cell">{{TYPE}}</td>
<td class="govuk-table__cell">{{PLACE}}</td>
<td class="govuk-table__cell">{{REPORTED}}</td>
<td class="govuk-table__cell">{{#FLAG}}<strong class="govuk-tag govuk-tag--red">{{LABEL}}</strong> {{/FLAG}}</td>
</tr>
{{/ROW}}
</tbody>
</table>
</div>
{{/RESULTS}}
<nav class="govuk-pagination govuk-pagination--block" aria-label="Pages of reports">
{{#PREV}}<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="/staff/reports?page={{PAGE}}" rel="prev"><span class="govuk-pagination__link-title">Newer</span></a></div>{{/PREV}}
{{#NEXT}}<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="/staff/reports?page={{PAGE}}" rel="next"><span class="govuk-pagination__link-title">Older</span></a></div>{{/NEXT}}
</nav>
{{>FOOT}}
