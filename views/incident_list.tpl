{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Incidents</h1>
<form method="get" action="/staff/incidents" class="govuk-!-margin-bottom-6" novalidate>
<div class="govuk-form-group{{#Q_ERROR}} govuk-form-group--error{{/Q_ERROR}}">
<label class="govuk-label govuk-label--s" for="q">Search</label>
<div id="q-hint" class="govuk-hint">Part of a reference, a postcode, words from the description or answers, or a type of behaviour. Up to 200 characters.</div>
{{#Q_ERROR}}<p id="q-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/Q_ERROR}}
<input class="govuk-input govuk-!-width-two-thirds{{#Q_ERROR}} govuk-input--error{{/Q_ERROR}}" id="q" name="q" type="search" value="{{QUERY}}" aria-describedby="q-hint{{#Q_ERROR}} q-error{{/Q_ERROR}}">
</div>
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-third">
<div class="govuk-form-group{{#STATUS_ERROR}} govuk-form-group--error{{/STATUS_ERROR}}">
<label class="govuk-label govuk-label--s" for="status">Status</label>
{{#STATUS_ERROR}}<p id="status-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/STATUS_ERROR}}
<select class="govuk-select{{#STATUS_ERROR}} govuk-select--error{{/STATUS_ERROR}}" id="status" name="status"{{#STATUS_ERROR}} aria-describedby="status-error"{{/STATUS_ERROR}}>
<option value="">Any status</option>
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
</select>
</div>
<div class="govuk-form-group{{#TYPE_ERROR}} govuk-form-group--error{{/TYPE_ERROR}}">
<label class="govuk-label govuk-label--s" for="type">Type of behaviour</label>
{{#TYPE_ERROR}}<p id="type-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TYPE_ERROR}}
<select class="govuk-select{{#TYPE_ERROR}} govuk-select--error{{/TYPE_ERROR}}" id="type" name="type"{{#TYPE_ERROR}} aria-describedby="type-error"{{/TYPE_ERROR}}>
<option value="">Any type</option>
{{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}
</select>
</div>
<div class="govuk-form-group{{#RISK_ERROR}} govuk-form-group--error{{/RISK_ERROR}}">
<label class="govuk-label govuk-label--s" for="risk">Risk</label>
{{#RISK_ERROR}}<p id="risk-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RISK_ERROR}}
<select class="govuk-select{{#RISK_ERROR}} govuk-select--error{{/RISK_ERROR}}" id="risk" name="risk"{{#RISK_ERROR}} aria-describedby="risk-error"{{/RISK_ERROR}}>
<option value="">Any risk</option>
{{#RISK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/RISK_OPTION}}
</select>
</div>
</div>
<div class="govuk-grid-column-one-third">
<div class="govuk-form-group{{#FLAG_ERROR}} govuk-form-group--error{{/FLAG_ERROR}}">
<label class="govuk-label govuk-label--s" for="flag">Flag</label>
{{#FLAG_ERROR}}<p id="flag-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/FLAG_ERROR}}
<select class="govuk-select{{#FLAG_ERROR}} govuk-select--error{{/FLAG_ERROR}}" id="flag" name="flag"{{#FLAG_ERROR}} aria-describedby="flag-error"{{/FLAG_ERROR}}>
<option value="">Any or none</option>
{{#FLAG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FLAG_OPTION}}
</select>
</div>
<div class="govuk-form-group{{#AREA_ERROR}} govuk-form-group--error{{/AREA_ERROR}}">
<label class="govuk-label govuk-label--s" for="area">Area</label>
{{#AREA_ERROR}}<p id="area-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/AREA_ERROR}}
<select class="govuk-select{{#AREA_ERROR}} govuk-select--error{{/AREA_ERROR}}" id="area" name="area"{{#AREA_ERROR}} aria-describedby="area-error"{{/AREA_ERROR}}>
<option value="">Any area</option>
{{#AREA_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AREA_OPTION}}
</select>
</div>
<div class="govuk-form-group{{#SORT_ERROR}} govuk-form-group--error{{/SORT_ERROR}}">
<label class="govuk-label govuk-label--s" for="sort">Sort by</label>
{{#SORT_ERROR}}<p id="sort-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SORT_ERROR}}
<select class="govuk-select{{#SORT_ERROR}} govuk-select--error{{/SORT_ERROR}}" id="sort" name="sort"{{#SORT_ERROR}} aria-describedby="sort-error"{{/SORT_ERROR}}>
{{#SORT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SORT_OPTION}}
</select>
</div>
</div>
<div class="govuk-grid-column-one-third">
<div class="govuk-form-group{{#FROM_ERROR}} govuk-form-group--error{{/FROM_ERROR}}">
<label class="govuk-label govuk-label--s" for="from">Reported from</label>
<div id="from-hint" class="govuk-hint">For example, 2026-03-27</div>
{{#FROM_ERROR}}<p id="from-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/FROM_ERROR}}
<input class="govuk-input govuk-input--width-10{{#FROM_ERROR}} govuk-input--error{{/FROM_ERROR}}" id="from" name="from" type="date" value="{{F_FROM}}" aria-describedby="from-hint{{#FROM_ERROR}} from-error{{/FROM_ERROR}}">
</div>
<div class="govuk-form-group{{#TO_ERROR}} govuk-form-group--error{{/TO_ERROR}}">
<label class="govuk-label govuk-label--s" for="to">Reported to</label>
<div id="to-hint" class="govuk-hint">For example, 2026-03-31</div>
{{#TO_ERROR}}<p id="to-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TO_ERROR}}
<input class="govuk-input govuk-input--width-10{{#TO_ERROR}} govuk-input--error{{/TO_ERROR}}" id="to" name="to" type="date" value="{{F_TO}}" aria-describedby="to-hint{{#TO_ERROR}} to-error{{/TO_ERROR}}">
</div>
</div>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Apply</button>
<p class="govuk-body"><a class="govuk-link" href="/staff/incidents">Clear filters</a></p>
</form>
{{#SEARCHED}}<h2 class="govuk-heading-m" id="found">{{FOUND}}</h2>{{/SEARCHED}}
{{#NONE}}<p class="govuk-body">No incidents match. Try fewer filters or other words.</p>{{/NONE}}
{{#RESULTS}}
<div class="concord-table-scroll" role="region" aria-label="Incidents" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">Sorted by: {{SORTED}}</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Reference</th>
<th scope="col" class="govuk-table__header">Type</th>
<th scope="col" class="govuk-table__header">Where</th>
<th scope="col" class="govuk-table__header">Reported</th>
<th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header">Risk</th>
<th scope="col" class="govuk-table__header">Flags</th>
<th scope="col" class="govuk-table__header">Owner</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#ROW}}
<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a></td>
<td class="govuk-table__cell">{{TYPE}}</td>
<td class="govuk-table__cell">{{ADDRESS}} {{POSTCODE}}{{#TO_CONFIRM}} <strong class="govuk-tag govuk-tag--yellow">Location to confirm</strong>{{/TO_CONFIRM}}</td>
<td class="govuk-table__cell">{{REPORTED}}</td>
<td class="govuk-table__cell">{{STATUS}}</td>
<td class="govuk-table__cell">{{RISK}}</td>
<td class="govuk-table__cell">{{#FLAG}}<strong class="govuk-tag govuk-tag--orange">{{LABEL}}</strong> {{/FLAG}}</td>
<td class="govuk-table__cell">{{OWNER}}</td>
</tr>
{{/ROW}}
</tbody>
</table>
</div>
{{/RESULTS}}
{{#PAGINATION}}
<nav class="govuk-pagination" aria-label="Pages of results">
{{#PREV}}<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="/staff/incidents?q={{QUERY:u}}&amp;status={{F_STATUS:u}}&amp;type={{F_TYPE:u}}&amp;risk={{F_RISK:u}}&amp;flag={{F_FLAG:u}}&amp;area={{F_AREA:u}}&amp;from={{F_FROM:u}}&amp;to={{F_TO:u}}&amp;sort={{F_SORT:u}}&amp;page={{PAGE}}" rel="prev"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>{{/PREV}}
<ul class="govuk-pagination__list">
{{#PAGE_ITEM}}{{#ELLIPSIS}}<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>{{/ELLIPSIS}}{{#CURRENT}}<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="/staff/incidents?q={{QUERY:u}}&amp;status={{F_STATUS:u}}&amp;type={{F_TYPE:u}}&amp;risk={{F_RISK:u}}&amp;flag={{F_FLAG:u}}&amp;area={{F_AREA:u}}&amp;from={{F_FROM:u}}&amp;to={{F_TO:u}}&amp;sort={{F_SORT:u}}&amp;page={{PAGE}}" aria-label="Page {{PAGE}}" aria-current="page">{{PAGE}}</a></li>{{/CURRENT}}{{#LINK}}<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="/staff/incidents?q={{QUERY:u}}&amp;status={{F_STATUS:u}}&amp;type={{F_TYPE:u}}&amp;risk={{F_RISK:u}}&amp;flag={{F_FLAG:u}}&amp;area={{F_AREA:u}}&amp;from={{F_FROM:u}}&amp;to={{F_TO:u}}&amp;sort={{F_SORT:u}}&amp;page={{PAGE}}" aria-label="Page {{PAGE}}">{{PAGE}}</a></li>{{/LINK}}{{/PAGE_ITEM}}
</ul>
{{#NEXT}}<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="/staff/incidents?q={{QUERY:u}}&amp;status={{F_STATUS:u}}&amp;type={{F_TYPE:u}}&amp;risk={{F_RISK:u}}&amp;flag={{F_FLAG:u}}&amp;area={{F_AREA:u}}&amp;from={{F_FROM:u}}&amp;to={{F_TO:u}}&amp;sort={{F_SORT:u}}&amp;page={{PAGE}}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>{{/NEXT}}
</nav>
{{/PAGINATION}}
{{>FOOT}}
