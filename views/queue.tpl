{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/queues" class="govuk-back-link">Queues</a>
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">{{QUEUE_NAME}}</h1>
{{#MINE}}<p class="govuk-body">What is assigned to you in every queue, the next target first: overdue items are at the top.</p>{{/MINE}}
{{#TEAM}}
<form method="get" action="/staff/queues/{{QUEUE_PATH}}" class="govuk-!-margin-bottom-6" novalidate>
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-third">
<div class="govuk-form-group{{#RISK_ERROR}} govuk-form-group--error{{/RISK_ERROR}}">
<label class="govuk-label govuk-label--s" for="risk">Risk</label>
{{#RISK_ERROR}}<p id="risk-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RISK_ERROR}}
<select class="govuk-select{{#RISK_ERROR}} govuk-select--error{{/RISK_ERROR}}" id="risk" name="risk"{{#RISK_ERROR}} aria-describedby="risk-error"{{/RISK_ERROR}}>
<option value="">Any risk</option>
{{#RISK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/RISK_OPTION}}
</select>
</div>
<div class="govuk-form-group{{#FLAG_ERROR}} govuk-form-group--error{{/FLAG_ERROR}}">
<label class="govuk-label govuk-label--s" for="flag">Flag</label>
{{#FLAG_ERROR}}<p id="flag-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/FLAG_ERROR}}
<select class="govuk-select{{#FLAG_ERROR}} govuk-select--error{{/FLAG_ERROR}}" id="flag" name="flag"{{#FLAG_ERROR}} aria-describedby="flag-error"{{/FLAG_ERROR}}>
<option value="">Any or none</option>
{{#FLAG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FLAG_OPTION}}
</select>
</div>
</div>
<div class="govuk-grid-column-one-third">
<div class="govuk-form-group{{#CLOCK_ERROR}} govuk-form-group--error{{/CLOCK_ERROR}}">
<label class="govuk-label govuk-label--s" for="clock">Clock</label>
{{#CLOCK_ERROR}}<p id="clock-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CLOCK_ERROR}}
<select class="govuk-select{{#CLOCK_ERROR}} govuk-select--error{{/CLOCK_ERROR}}" id="clock" name="clock"{{#CLOCK_ERROR}} aria-describedby="clock-error"{{/CLOCK_ERROR}}>
<option value="">Any</option>
{{#CLOCK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CLOCK_OPTION}}
</select>
</div>
<div class="govuk-form-group{{#ASSIGNED_ERROR}} govuk-form-group--error{{/ASSIGNED_ERROR}}">
<label class="govuk-label govuk-label--s" for="assigned">Assigned to</label>
{{#ASSIGNED_ERROR}}<p id="assigned-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ASSIGNED_ERROR}}
<select class="govuk-select{{#ASSIGNED_ERROR}} govuk-select--error{{/ASSIGNED_ERROR}}" id="assigned" name="assigned"{{#ASSIGNED_ERROR}} aria-describedby="assigned-error"{{/ASSIGNED_ERROR}}>
<option value="">Anyone or nobody</option>
{{#ASSIGNED_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ASSIGNED_OPTION}}
</select>
</div>
</div>
<div class="govuk-grid-column-one-third">
<div class="govuk-form-group{{#SORT_ERROR}} govuk-form-group--error{{/SORT_ERROR}}">
<label class="govuk-label govuk-label--s" for="sort">Sort by</label>
{{#SORT_ERROR}}<p id="sort-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SORT_ERROR}}
<select class="govuk-select{{#SORT_ERROR}} govuk-select--error{{/SORT_ERROR}}" id="sort" name="sort"{{#SORT_ERROR}} aria-describedby="sort-error"{{/SORT_ERROR}}>
{{#SORT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SORT_OPTION}}
</select>
</div>
</div>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Apply filters</button>
<p class="govuk-body"><a class="govuk-link" href="/staff/queues/{{QUEUE_PATH}}">Clear filters</a></p>
</form>
{{/TEAM}}
<h2 class="govuk-heading-m" id="found">{{FOUND}}</h2>
{{#NONE}}<p class="govuk-body">Nothing here matches. Try fewer filters.</p>{{/NONE}}
{{#RESULTS}}
<div class="concord-table-scroll" role="region" aria-label="Items of the queue" tabindex="0">
<table class="govuk-table" id="items">
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Reference</th>
<th scope="col" class="govuk-table__header">Type</th>
<th scope="col" class="govuk-table__header">Where</th>
<th scope="col" class="govuk-table__header">Risk</th>
<th scope="col" class="govuk-table__header">Flags</th>
<th scope="col" class="govuk-table__header">Age</th>
<th scope="col" class="govuk-table__header">Why it is here</th>
<th scope="col" class="govuk-table__header">Assigned to</th>
<th scope="col" class="govuk-table__header">Triage</th>
<th scope="col" class="govuk-table__header">Clock</th>
<th scope="col" class="govuk-table__header">Actions</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#ROW}}
<tr class="govuk-table__row" data-allocation="{{ID}}">
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a>{{#IN_TEAM}}<br><span class="govuk-body-s">{{NAME}}</span>{{/IN_TEAM}}</td>
<td class="govuk-table__cell">{{TYPE}}</td>
<td class="govuk-table__cell">{{WHERE}}{{#TO_CONFIRM}} <strong class="govuk-tag govuk-tag--yellow">Location to confirm</strong>{{/TO_CONFIRM}}</td>
<td class="govuk-table__cell">{{RISK}}</td>
<td class="govuk-table__cell">{{#FLAG}}<strong class="govuk-tag govuk-tag--orange">{{LABEL}}</strong> {{/FLAG}}</td>
<td class="govuk-table__cell">{{AGE}}</td>
<td class="govuk-table__cell">{{REASON}}</td>
<td class="govuk-table__cell">{{ASSIGNED}}</td>
<td class="govuk-table__cell">{{TRIAGE}}</td>
<td class="govuk-table__cell">{{#CLOCK}}<p class="govuk-body-s govuk-!-margin-bottom-1">{{#LATE}}<strong class="govuk-tag govuk-tag--red">Overdue</strong> {{/LATE}}{{TEXT}}</p>{{/CLOCK}}</td>
<td class="govuk-table__cell">{{#CLAIM}}<form method="post" action="/staff/allocations/{{ID}}/claim" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="assigned" value="{{ASSIGNED_ID}}">
<input type="hidden" name="from" value="{{FROM}}">
<input type="hidden" name="query" value="{{BACK_QUERY}}">
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" data-module="govuk-button" data-claim="{{REFERENCE}}">Claim<span class="govuk-visually-hidden"> {{REFERENCE}}</span></button>
</form>{{/CLAIM}}<a class="govuk-link" href="/staff/allocations/{{ID}}">Triage and act<span class="govuk-visually-hidden"> on {{REFERENCE}}</span></a></td>
</tr>
{{/ROW}}
</tbody>
</table>
</div>
{{/RESULTS}}
{{#PREV}}<p class="govuk-body"><a class="govuk-link" rel="prev" href="/staff/queues/{{QUEUE_PATH}}?risk={{F_RISK:u}}&amp;flag={{F_FLAG:u}}&amp;clock={{F_CLOCK:u}}&amp;assigned={{F_ASSIGNED:u}}&amp;sort={{F_SORT:u}}&amp;page={{PAGE}}">Previous page</a></p>{{/PREV}}
{{#NEXT}}<p class="govuk-body"><a class="govuk-link" rel="next" href="/staff/queues/{{QUEUE_PATH}}?risk={{F_RISK:u}}&amp;flag={{F_FLAG:u}}&amp;clock={{F_CLOCK:u}}&amp;assigned={{F_ASSIGNED:u}}&amp;sort={{F_SORT:u}}&amp;page={{PAGE}}">Next page</a></p>{{/NEXT}}
<p class="govuk-body-s">{{PAGE_OF}}</p>
{{>FOOT}}
