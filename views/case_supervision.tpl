{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{>CASE_HEAD}}
<h2 class="govuk-heading-m">Supervisor reviews</h2>
{{#NO_CADENCE}}<p class="govuk-body">No supervisor reviews are due at {{RISK_WORD}} risk. A change of risk level sets the reviews again from the day the case opened.</p>{{/NO_CADENCE}}
{{#CADENCE}}<p class="govuk-body">At {{RISK_WORD}} risk a supervisor reviews the case {{WORDS}}. A change of risk level sets them again from the day the case opened.</p>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Next review due</dt><dd class="govuk-summary-list__value" data-review-due>{{DUE}}{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">{{TEXT}}</strong>{{/OVERDUE}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Then</dt><dd class="govuk-summary-list__value"><ul class="govuk-list">{{#AHEAD}}<li>{{DAY}}</li>{{/AHEAD}}</ul></dd></div>
</dl>{{/CADENCE}}
{{#CAN_REVIEW}}<p class="govuk-body"><a class="govuk-link" href="/staff/cases/{{REFERENCE}}/reviews/new">Record a supervisor review</a></p>{{/CAN_REVIEW}}
<h3 class="govuk-heading-s">Reviews done</h3>
{{#NONE_DONE}}<p class="govuk-body">No supervisor review has been recorded yet.</p>{{/NONE_DONE}}
{{#DONE}}<table class="govuk-table">
<caption class="govuk-table__caption govuk-visually-hidden">Supervisor reviews of this case, newest first</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">When</th>
<th scope="col" class="govuk-table__header">By</th>
<th scope="col" class="govuk-table__header">Decision</th>
<th scope="col" class="govuk-table__header">Risk level</th>
<th scope="col" class="govuk-table__header">The review due</th>
<th scope="col" class="govuk-table__header">Note</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#ROW}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{WHEN}}</td><td class="govuk-table__cell">{{BY}}</td><td class="govuk-table__cell">{{DECISION}}</td><td class="govuk-table__cell">{{RISK}}</td><td class="govuk-table__cell">{{DUE}}</td><td class="govuk-table__cell concord-pre-line">{{NOTE:pre_escape}}</td></tr>
{{/ROW}}</tbody>
</table>{{/DONE}}
{{>FOOT}}
