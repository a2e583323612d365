{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1 class="govuk-heading-l">Incidents</h1>
<form method="get" action="/staff/incidents" class="govuk-!-margin-bottom-6">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="q">Search by reference, postcode, address or description</label>
<input class="govuk-input govuk-!-width-one-half" id="q" name="q" type="search" value="{{QUERY}}">
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Search</button>
</form>
{{#NONE}}<p class="govuk-body">No incidents found.</p>{{/NONE}}
{{#RESULTS}}
<table class="govuk-table">
<caption class="govuk-table__caption govuk-visually-hidden">Incidents you can see, newest first</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Reference</th>
<th scope="col" class="govuk-table__header">Type</th>
<th scope="col" class="govuk-table__header">Where</th>
<th scope="col" class="govuk-table__header">Reported</th>
<th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header">Owner</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#ROW}}
<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a></td>
<td class="govuk-table__cell">{{TYPE}}</td>
<td class="govuk-table__cell">{{ADDRESS}} {{POSTCODE}}</td>
<td class="govuk-table__cell">{{REPORTED}}</td>
<td class="govuk-table__cell">{{STATUS}}</td>
<td class="govuk-table__cell">{{OWNER}}</td>
</tr>
{{/ROW}}
</tbody>
</table>
{{/RESULTS}}
<nav class="govuk-pagination govuk-pagination--block" aria-label="Pages of results">
{{#PREV}}<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="/staff/incidents?q={{QUERY:u}}&amp;page={{PAGE}}" rel="prev"><span class="govuk-pagination__link-title">Newer</span></a></div>{{/PREV}}
{{#NEXT}}<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="/staff/incidents?q={{QUERY:u}}&amp;page={{PAGE}}" rel="next"><span class="govuk-pagination__link-title">Older</span></a></div>{{/NEXT}}
</nav>
{{>FOOT}}
