{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/cases/{{REFERENCE}}/actions" class="govuk-back-link">Action plan</a>
{{>ERROR_SUMMARY}}
{{>CASE_HEAD}}
<h2 class="govuk-heading-m">{{TITLE}}</h2>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Type</dt><dd class="govuk-summary-list__value">{{TYPE}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Owner</dt><dd class="govuk-summary-list__value">{{OWNER}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Due</dt><dd class="govuk-summary-list__value">{{DUE}}{{#NO_DUE}}No due date{{/NO_DUE}}{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">{{TEXT}}</strong>{{/OVERDUE}}{{#DUE_TODAY}} <strong class="govuk-tag govuk-tag--yellow">Due today</strong>{{/DUE_TODAY}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Status</dt><dd class="govuk-summary-list__value">{{#OPEN}}<strong class="govuk-tag govuk-tag--blue">{{STATUS}}</strong>{{/OPEN}}{{#CLOSED}}<strong class="govuk-tag govuk-tag--grey">{{STATUS}}</strong> {{CLOSED_WHEN}}{{/CLOSED}}</dd></div>
{{#DONE}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Outcome</dt><dd class="govuk-summary-list__value concord-pre-line">{{OUTCOME}}</dd></div>{{/DONE}}
{{#CANCELLED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Why it was cancelled</dt><dd class="govuk-summary-list__value concord-pre-line">{{OUTCOME}}</dd></div>{{/CANCELLED}}
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Details</dt><dd class="govuk-summary-list__value concord-pre-line">{{DETAIL}}</dd></div>
{{#PANEL}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Decided at</dt><dd class="govuk-summary-list__value"><a class="govuk-link" href="/staff/panels/{{PANEL_ID}}">The case panel of {{TEXT}}</a></dd></div>{{/PANEL}}
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Added</dt><dd class="govuk-summary-list__value">{{CREATED}}</dd></div>
</dl>
{{#CAN_CHANGE}}<p class="govuk-body"><a class="govuk-link" href="/staff/actions/{{ID}}/edit">Change this action</a></p>{{/CAN_CHANGE}}
{{#ENFORCEMENT}}
<h3 class="govuk-heading-m">Enforcement</h3>
<p class="govuk-body">{{#REVIEW_DUE}}<strong class="govuk-tag govuk-tag--red">Review due</strong> {{/REVIEW_DUE}}{{LEGAL}}</p>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Served</dt><dd class="govuk-summary-list__value">{{SERVED}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Expires</dt><dd class="govuk-summary-list__value">{{EXPIRES}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Review</dt><dd class="govuk-summary-list__value">{{REVIEW}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Conditions</dt><dd class="govuk-summary-list__value concord-pre-line">{{CONDITIONS}}</dd></div>
</dl>
{{/ENFORCEMENT}}
{{#BREACHES}}
<h3 class="govuk-heading-m" id="breaches">Breaches</h3>
{{#NO_BREACHES}}<p class="govuk-body">No breaches recorded.</p>{{/NO_BREACHES}}
{{#HAS_BREACHES}}
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Breaches of this action, newest first</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">When</th>
<th scope="col" class="govuk-table__header">Reported by</th>
<th scope="col" class="govuk-table__header">What happened</th>
<th scope="col" class="govuk-table__header">Response</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#BREACH}}<tr class="govuk-table__row">
<td class="govuk-table__cell">{{WHEN}}</td>
<td class="govuk-table__cell">{{REPORTED_BY}}</td>
<td class="govuk-table__cell concord-pre-line">{{DESCRIPTION}}{{#INCIDENT}}<br><a class="govuk-link" href="/staff/incidents/{{REF}}">{{REF}}</a>{{/INCIDENT}}</td>
<td class="govuk-table__cell concord-pre-line">{{RESPONSE}}<br><span class="govuk-body-s">Recorded {{RECORDED}}</span></td>
</tr>
{{/BREACH}}</tbody>
</table>
{{/HAS_BREACHES}}
{{/BREACHES}}
{{#CAN_BREACH}}
<h3 class="govuk-heading-s">Record a breach</h3>
<form method="post" action="/staff/actions/{{ID}}/breaches" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>OCCURRED_DATE}}
<div class="govuk-form-group{{#REPORTED_BY_ERROR}} govuk-form-group--error{{/REPORTED_BY_ERROR}}">
<label class="govuk-label govuk-label--s" for="reported-by">Who reported it</label>
<div id="reported-by-hint" class="govuk-hint">For example, the victim, a neighbour, PC Smith</div>
{{#REPORTED_BY_ERROR}}<p id="reported-by-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REPORTED_BY_ERROR}}
<input class="govuk-input{{#REPORTED_BY_ERROR}} govuk-input--error{{/REPORTED_BY_ERROR}}" id="reported-by" name="reported-by" type="text" autocomplete="off" value="{{F_REPORTED_BY}}" aria-describedby="reported-by-hint{{#REPORTED_BY_ERROR}} reported-by-error{{/REPORTED_BY_ERROR}}">
</div>
<div class="govuk-form-group{{#DESCRIPTION_ERROR}} govuk-form-group--error{{/DESCRIPTION_ERROR}}">
<label class="govuk-label govuk-label--s" for="description">What happened</label>
{{#DESCRIPTION_ERROR}}<p id="description-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<textarea class="govuk-textarea{{#DESCRIPTION_ERROR}} govuk-textarea--error{{/DESCRIPTION_ERROR}}" id="description" name="description" rows="3"{{#DESCRIPTION_ERROR}} aria-describedby="description-error"{{/DESCRIPTION_ERROR}}>{{F_DESCRIPTION:pre_escape}}</textarea>
</div>
<div class="govuk-form-group{{#INCIDENT_ERROR}} govuk-form-group--error{{/INCIDENT_ERROR}}">
<label class="govuk-label govuk-label--s" for="incident">Incident reference (optional)</label>
<div id="incident-hint" class="govuk-hint">When the breach was reported as an incident, for example ASB-2026-000123</div>
{{#INCIDENT_ERROR}}<p id="incident-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/INCIDENT_ERROR}}
<input class="govuk-input govuk-input--width-20{{#INCIDENT_ERROR}} govuk-input--error{{/INCIDENT_ERROR}}" id="incident" name="incident" type="text" spellcheck="false" autocomplete="off" value="{{F_INCIDENT}}" aria-describedby="incident-hint{{#INCIDENT_ERROR}} incident-error{{/INCIDENT_ERROR}}">
</div>
<div class="govuk-form-group{{#RESPONSE_ERROR}} govuk-form-group--error{{/RESPONSE_ERROR}}">
<label class="govuk-label govuk-label--s" for="response">Response (optional)</label>
<div id="response-hint" class="govuk-hint">What was done about it, for example an application to the court</div>
{{#RESPONSE_ERROR}}<p id="response-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RESPONSE_ERROR}}
<textarea class="govuk-textarea{{#RESPONSE_ERROR}} govuk-textarea--error{{/RESPONSE_ERROR}}" id="response" name="response" rows="3" aria-describedby="response-hint{{#RESPONSE_ERROR}} response-error{{/RESPONSE_ERROR}}">{{F_RESPONSE:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Record the breach</button>
</form>
{{/CAN_BREACH}}
{{#CAN_CHANGE}}
<h3 class="govuk-heading-s">Complete the action</h3>
<form method="post" action="/staff/actions/{{ID}}/complete" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#OUTCOME_ERROR}} govuk-form-group--error{{/OUTCOME_ERROR}}">
<label class="govuk-label govuk-label--s" for="outcome">Outcome</label>
{{#OUTCOME_ERROR}}<p id="outcome-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OUTCOME_ERROR}}
<textarea class="govuk-textarea{{#OUTCOME_ERROR}} govuk-textarea--error{{/OUTCOME_ERROR}}" id="outcome" name="outcome" rows="3"{{#OUTCOME_ERROR}} aria-describedby="outcome-error"{{/OUTCOME_ERROR}}>{{F_OUTCOME:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Complete the action</button>
</form>
<h3 class="govuk-heading-s">Cancel the action</h3>
<form method="post" action="/staff/actions/{{ID}}/cancel" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#WHY_ERROR}} govuk-form-group--error{{/WHY_ERROR}}">
<label class="govuk-label govuk-label--s" for="why">Why is it cancelled?</label>
{{#WHY_ERROR}}<p id="why-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/WHY_ERROR}}
<textarea class="govuk-textarea{{#WHY_ERROR}} govuk-textarea--error{{/WHY_ERROR}}" id="why" name="why" rows="2"{{#WHY_ERROR}} aria-describedby="why-error"{{/WHY_ERROR}}>{{F_WHY:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Cancel the action</button>
</form>
{{/CAN_CHANGE}}
{{>FOOT}}
