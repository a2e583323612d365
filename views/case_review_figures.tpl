{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<span class="govuk-caption-l">ASB Case Review</span>
<h1 class="govuk-heading-l">ASB Case Review figures</h1>
<p class="govuk-body">Each body that receives ASB Case Review applications publishes these figures every year (section 104 of the Anti-social Behaviour, Crime and Policing Act 2014). A year here is a financial year, 1 April to 31 March. Each number counts what happened in the year: applications by the day they were received, decisions by the day they were made, reviews by the day they were held.</p>
<form method="get" action="/case-review/figures" class="govuk-!-margin-bottom-6" novalidate>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="year">Year</label>
<select class="govuk-select" id="year" name="year">
{{#YEAR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/YEAR_OPTION}}</select>
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Show the year</button>
</div>
</form>
<table class="govuk-table" id="figures">
<caption class="govuk-table__caption govuk-table__caption--m">{{YEAR_WORDS}}{{#TO_DATE}} (so far){{/TO_DATE}}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Agency</th>
{{#MEASURE_HEAD}}<th scope="col" class="govuk-table__header govuk-table__header--numeric">{{NAME}}</th>
{{/MEASURE_HEAD}}</tr></thead>
<tbody class="govuk-table__body">
{{#AGENCY}}<tr class="govuk-table__row" data-agency="{{ID}}">
<th scope="row" class="govuk-table__header">{{NAME}}</th>
{{#CELL}}<td class="govuk-table__cell govuk-table__cell--numeric" data-measure="{{CODE}}">{{#LINK}}<a class="govuk-link" href="/case-review/figures?year={{YEAR}}&amp;agency={{AGENCY_ID}}&amp;measure={{CODE}}#list"><span class="govuk-visually-hidden">{{LABEL}}: </span>{{COUNT}}</a>{{/LINK}}{{#ZERO}}0{{/ZERO}}</td>
{{/CELL}}</tr>
{{/AGENCY}}<tr class="govuk-table__row" data-agency="all">
<th scope="row" class="govuk-table__header">All agencies</th>
{{#TOTAL}}<td class="govuk-table__cell govuk-table__cell--numeric" data-measure="{{CODE}}">{{#LINK}}<a class="govuk-link" href="/case-review/figures?year={{YEAR}}&amp;measure={{CODE}}#list"><span class="govuk-visually-hidden">{{LABEL}}: </span><strong>{{COUNT}}</strong></a>{{/LINK}}{{#ZERO}}<strong>0</strong>{{/ZERO}}</td>
{{/TOTAL}}</tr>
</tbody>
</table>
<p class="govuk-body"><a class="govuk-link" href="/case-review/figures.csv?year={{YEAR}}" download>Download these figures (CSV)</a></p>
{{#LIST}}<h2 class="govuk-heading-m" id="list">{{HEADING}}</h2>
{{#NONE}}<p class="govuk-body">None.</p>{{/NONE}}
{{#ROWS}}<table class="govuk-table" id="applications">
<caption class="govuk-table__caption govuk-table__caption--s">{{COUNT}} application{{PLURAL}}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Reference</th>
<th scope="col" class="govuk-table__header">Received</th>
<th scope="col" class="govuk-table__header">Agency</th>
<th scope="col" class="govuk-table__header">Outcome</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#APP}}<tr class="govuk-table__row">
<td class="govuk-table__cell">{{#STAFF}}<a class="govuk-link" href="/staff/case-review/{{REFERENCE}}">{{REFERENCE}}</a>{{/STAFF}}{{#PUBLIC}}{{REFERENCE}}{{/PUBLIC}}</td>
<td class="govuk-table__cell">{{RECEIVED}}</td>
<td class="govuk-table__cell">{{AGENCY}}</td>
<td class="govuk-table__cell">{{OUTCOME}}</td>
</tr>
{{/APP}}</tbody>
</table>{{/ROWS}}
{{/LIST}}
<p class="govuk-body">To apply for an ASB Case Review, <a class="govuk-link" href="/case-review">start your application</a>.</p>
{{>FOOT}}
