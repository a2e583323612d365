{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1 class="govuk-heading-l">Your organisation's reports</h1>
<p class="govuk-body">Reports {{AGENCY}} has sent through the partner route, newest first, and where each has got to. They are shared with the partnership.</p>
<p class="govuk-body"><a class="govuk-link" href="/report">Report anti-social behaviour</a></p>
{{#NONE}}<p class="govuk-body">Your organisation has not sent any reports yet.</p>{{/NONE}}
{{#RESULTS}}
<div class="concord-table-scroll" role="region" aria-label="Your organisation's reports" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-visually-hidden">Your organisation's reports, newest first</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Report</th>
<th scope="col" class="govuk-table__header">Your reference</th>
<th scope="col" class="govuk-table__header">Type</th>
<th scope="col" class="govuk-table__header">Where</th>
<th scope="col" class="govuk-table__header">Reported</th>
<th scope="col" class="govuk-table__header">Status</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#ROW}}
<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/incidents/{{INCIDENT}}">{{REFERENCE}}</a>{{#LINKED}}<br><span class="govuk-body-s">Further report of {{INCIDENT}}</span>{{/LINKED}}</td>
<td class="govuk-table__cell">{{YOUR_REFERENCE}}{{#TENANCY}}<br><span class="govuk-body-s">Tenancy: {{REF}}</span>{{/TENANCY}}</td>
<td class="govuk-table__cell">{{TYPE}}</td>
<td class="govuk-table__cell">{{PLACE}}</td>
<td class="govuk-table__cell">{{REPORTED}}</td>
<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--grey">{{STATUS}}</strong></td>
</tr>
{{/ROW}}
</tbody>
</table>
</div>
{{/RESULTS}}
<nav class="govuk-pagination govuk-pagination--block" aria-label="Pages of reports">
{{#PREV}}<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="/staff/partner-reports?page={{PAGE}}" rel="prev"><span class="govuk-pagination__link-title">Newer</span></a></div>{{/PREV}}
{{#NEXT}}<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="/staff/partner-reports?page={{PAGE}}" rel="next"><span class="govuk-pagination__link-title">Older</span></a></div>{{/NEXT}}
</nav>
{{>FOOT}}
