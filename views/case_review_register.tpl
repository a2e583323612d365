{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{>ERROR_SUMMARY}}
<span class="govuk-caption-l">Anti-social behaviour</span>
<h1 class="govuk-heading-l">ASB Case Review register</h1>
<p class="govuk-body"><a class="govuk-button govuk-button--secondary" data-module="govuk-button" href="/staff/case-review/new">Record an application taken by phone, on paper or in person</a></p>
<h2 class="govuk-heading-m" id="due">Due and overdue milestones</h2>
{{#NOTHING_DUE}}<p class="govuk-body">No milestone is overdue or due in the next 7 days.</p>{{/NOTHING_DUE}}
{{#DUE}}
<ul class="govuk-list govuk-list--spaced" id="due-list">
{{#DUE_ITEM}}<li>{{#OVERDUE}}<strong class="govuk-tag govuk-tag--red">Overdue</strong> {{/OVERDUE}}{{#NOT_OVERDUE}}<strong class="govuk-tag govuk-tag--yellow">Due</strong> {{/NOT_OVERDUE}}<a class="govuk-link" href="{{PATH}}">{{LABEL}}</a>, due by the end of {{DUE}}</li>
{{/DUE_ITEM}}</ul>
{{/DUE}}
<h2 class="govuk-heading-m">Applications</h2>
<form method="get" action="/staff/case-review" class="govuk-!-margin-bottom-6" novalidate>
<div class="govuk-form-group{{#STATUS_ERROR}} govuk-form-group--error{{/STATUS_ERROR}}">
<label class="govuk-label govuk-label--s" for="status">Status</label>
{{#STATUS_ERROR}}<p id="status-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/STATUS_ERROR}}
<select class="govuk-select{{#STATUS_ERROR}} govuk-select--error{{/STATUS_ERROR}}" id="status" name="status"{{#STATUS_ERROR}} aria-describedby="status-error"{{/STATUS_ERROR}}>
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
</select>
</div>
<div class="govuk-form-group">
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="overdue" name="overdue" type="checkbox" value="1"{{#OVERDUE_CHECKED}} checked{{/OVERDUE_CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="overdue">Only those with an overdue milestone</label>
</div>
</div>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Apply filters</button>
<p class="govuk-body"><a class="govuk-link" href="/staff/case-review">Clear filters</a></p>
</form>
<h3 class="govuk-heading-s" id="found">{{FOUND}}</h3>
{{#NONE}}<p class="govuk-body">No application matches.</p>{{/NONE}}
{{#RESULTS}}
<div class="concord-table-scroll" role="region" aria-label="Applications" tabindex="0">
<table class="govuk-table" id="applications">
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Reference</th>
<th scope="col" class="govuk-table__header">Received</th>
<th scope="col" class="govuk-table__header">Channel</th>
<th scope="col" class="govuk-table__header">Applicant</th>
<th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header">Next milestone</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#ROW}}<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/case-review/{{REFERENCE}}">{{REFERENCE}}</a></td>
<td class="govuk-table__cell">{{RECEIVED}}</td>
<td class="govuk-table__cell">{{CHANNEL}}</td>
<td class="govuk-table__cell">{{APPLICANT}}</td>
<td class="govuk-table__cell">{{STATUS}}</td>
<td class="govuk-table__cell">{{#OVERDUE}}<strong class="govuk-tag govuk-tag--red">Overdue</strong> {{NEXT}}, due {{NEXT_DUE}}{{/OVERDUE}}{{#HAS_NEXT}}{{NEXT}}, due {{NEXT_DUE}}{{/HAS_NEXT}}</td>
</tr>
{{/ROW}}</tbody>
</table>
</div>
{{/RESULTS}}
{{#PREV}}<p class="govuk-body"><a class="govuk-link" rel="prev" href="/staff/case-review?status={{F_STATUS:u}}&amp;overdue={{F_OVERDUE:u}}&amp;page={{PAGE}}">Previous page</a></p>{{/PREV}}
{{#NEXT}}<p class="govuk-body"><a class="govuk-link" rel="next" href="/staff/case-review?status={{F_STATUS:u}}&amp;overdue={{F_OVERDUE:u}}&amp;page={{PAGE}}">Next page</a></p>{{/NEXT}}
<p class="govuk-body-s">{{PAGE_OF}}</p>
{{>FOOT}}
