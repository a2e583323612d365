{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/incidents" class="govuk-back-link">Incidents</a>
{{>ERROR_SUMMARY}}
<span class="govuk-caption-l">{{TYPE}}</span>
<h1 class="govuk-heading-l">Incident {{REFERENCE}}</h1>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Status</dt><dd class="govuk-summary-list__value">{{STATUS}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What happened</dt><dd class="govuk-summary-list__value">{{DESCRIPTION}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Where</dt><dd class="govuk-summary-list__value">{{ADDRESS}}<br>{{POSTCODE}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reported</dt><dd class="govuk-summary-list__value">{{REPORTED}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Owning agency</dt><dd class="govuk-summary-list__value">{{OWNER}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Shared with</dt><dd class="govuk-summary-list__value">{{SHARING}}</dd></div>
</dl>
<p class="govuk-body"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}/history">History of this incident</a></p>
{{#REPORT}}
<h2 class="govuk-heading-m">Report {{REFERENCE}}</h2>
<p class="govuk-body-s">{{REPORTED}}, through {{CHANNEL}}{{#LINKED}} (a further report of this incident){{/LINKED}}</p>
<p class="govuk-body">{{#FLAG}}<strong class="govuk-tag govuk-tag--red">{{LABEL}}</strong> {{/FLAG}}</p>
<dl class="govuk-summary-list">
{{#ANSWER}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{QUESTION}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd></div>{{/ANSWER}}
{{#IMPACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">How it affects them</dt><dd class="govuk-summary-list__value">{{TEXT}}</dd></div>{{/IMPACT}}
{{#CONTACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reporter</dt><dd class="govuk-summary-list__value">{{NAME}}<br>{{EMAIL}}<br>{{PHONE}}<br>Prefers: {{PREFERRED}}</dd></div>{{/CONTACT}}
{{#NO_CONTACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reporter</dt><dd class="govuk-summary-list__value">Anonymous, or not shared with your agency</dd></div>{{/NO_CONTACT}}
</dl>
{{/REPORT}}
{{#CAN_UPDATE}}
<h2 class="govuk-heading-m">Change status</h2>
<form method="post" action="/staff/incidents/{{REFERENCE}}/status" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#STATUS_ERROR}} govuk-form-group--error{{/STATUS_ERROR}}">
<label class="govuk-label govuk-label--s" for="status">Status</label>
{{#STATUS_ERROR}}<p id="status-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/STATUS_ERROR}}
<select class="govuk-select" id="status" name="status">
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
</select>
</div>
<div class="govuk-form-group{{#REASON_ERROR}} govuk-form-group--error{{/REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="reason">Reason</label>
<div id="reason-hint" class="govuk-hint">Needed when closing or reopening an incident.</div>
{{#REASON_ERROR}}<p id="reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REASON_ERROR}}
<textarea class="govuk-textarea{{#REASON_ERROR}} govuk-textarea--error{{/REASON_ERROR}}" id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#REASON_ERROR}} reason-error{{/REASON_ERROR}}">{{REASON}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Save status</button>
</form>
{{/CAN_UPDATE}}
{{>FOOT}}
