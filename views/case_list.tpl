{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Monitored cases</h1>
<p class="govuk-body"><a class="govuk-link" href="/staff/cases/new">Open a monitored case</a> · <a class="govuk-link" href="/staff/cases/mine">My cases</a></p>
<form method="get" action="/staff/cases" novalidate class="concord-case-filter">
<div class="govuk-form-group{{#STATUS_ERROR}} govuk-form-group--error{{/STATUS_ERROR}}">
<label class="govuk-label" for="status">Status</label>
{{#STATUS_ERROR}}<p id="status-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/STATUS_ERROR}}
<select class="govuk-select" id="status" name="status">
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</select>
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="agency">Lead agency</label>
<select class="govuk-select" id="agency" name="agency"><option value="">Any</option>
{{#AGENCY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/AGENCY_OPTION}}</select>
</div>
<div class="govuk-form-group">
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="lead" name="lead" type="checkbox" value="me"{{#MINE_CHECKED}} checked{{/MINE_CHECKED}}><label class="govuk-label govuk-checkboxes__label" for="lead">I am the lead officer</label></div>
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="red" name="red" type="checkbox" value="1"{{#RED_CHECKED}} checked{{/RED_CHECKED}}><label class="govuk-label govuk-checkboxes__label" for="red">A victim has no current risk assessment</label></div>
</div>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show cases</button>
</form>
<p class="govuk-body">{{TOTAL}} cases</p>
{{#NONE}}<p class="govuk-body">No cases match.</p>{{/NONE}}
<div class="concord-table-scroll" role="region" aria-label="Cases" tabindex="0">
<table class="govuk-table" id="cases">
<caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Cases</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Case</th><th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header">Lead</th><th scope="col" class="govuk-table__header">Risk</th>
<th scope="col" class="govuk-table__header">Opened</th></tr></thead>
<tbody class="govuk-table__body">
{{#CASE}}<tr class="govuk-table__row" data-case="{{REF}}"><td class="govuk-table__cell"><a class="govuk-link" href="/staff/cases/{{REF}}">{{REF}}</a> {{TITLE}}{{#RED}} <strong class="govuk-tag govuk-tag--red">Risk assessment missing</strong>{{/RED}}</td>
<td class="govuk-table__cell">{{STATUS}}</td><td class="govuk-table__cell">{{LEAD}}, {{AGENCY}}</td>
<td class="govuk-table__cell">{{RISK}}</td><td class="govuk-table__cell">{{OPENED}}</td></tr>
{{/CASE}}</tbody>
</table>
</div>
{{#PREV}}<nav class="govuk-pagination" aria-label="Pages of cases"><div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{{HREF}}" rel="prev"><span class="govuk-pagination__link-title">Previous</span></a></div></nav>{{/PREV}}
{{#NEXT}}<nav class="govuk-pagination" aria-label="More cases"><div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{{HREF}}" rel="next"><span class="govuk-pagination__link-title">Next</span></a></div></nav>{{/NEXT}}
{{>FOOT}}
