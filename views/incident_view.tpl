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
<h2 class="govuk-heading-m" id="updates">Updates</h2>
{{#NO_UPDATES}}<p class="govuk-body">There are no updates yet.</p>{{/NO_UPDATES}}
<ol class="govuk-list">
{{#INCIDENT_UPDATE}}<li class="govuk-!-margin-bottom-4"><p class="govuk-body-s govuk-!-margin-bottom-1"><time>{{WHEN}}</time>{{#BY}}, {{NAME}}{{/BY}} {{#SHARED}}<strong class="govuk-tag govuk-tag--green">Shared with reporters</strong>{{/SHARED}}{{#INTERNAL}}<strong class="govuk-tag govuk-tag--grey">Staff only</strong>{{/INTERNAL}}</p>{{#PARAGRAPH}}<p class="govuk-body govuk-!-margin-bottom-2">{{TEXT}}</p>{{/PARAGRAPH}}</li>
{{/INCIDENT_UPDATE}}</ol>
{{#CAN_UPDATE}}
<form method="post" action="/staff/incidents/{{REFERENCE}}/updates" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#UPDATE_TEXT_ERROR}} govuk-form-group--error{{/UPDATE_TEXT_ERROR}}">
<h3 class="govuk-label-wrapper"><label class="govuk-label govuk-label--s" for="update-text">Add an update</label></h3>
<div id="update-text-hint" class="govuk-hint">Up to 2,000 characters. Write shared updates in plain words, without names or other personal details.</div>
{{#UPDATE_TEXT_ERROR}}<p id="update-text-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/UPDATE_TEXT_ERROR}}
<textarea class="govuk-textarea{{#UPDATE_TEXT_ERROR}} govuk-textarea--error{{/UPDATE_TEXT_ERROR}}" id="update-text" name="text" rows="4" aria-describedby="update-text-hint{{#UPDATE_TEXT_ERROR}} update-text-error{{/UPDATE_TEXT_ERROR}}">{{UPDATE_TEXT}}</textarea>
</div>
<div class="govuk-form-group{{#UPDATE_SHARED_ERROR}} govuk-form-group--error{{/UPDATE_SHARED_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="update-shared-hint{{#UPDATE_SHARED_ERROR}} update-shared-error{{/UPDATE_SHARED_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Share with the people who reported this?</legend>
<div id="update-shared-hint" class="govuk-hint">A shared update is shown on their tracking page and in the public list of reports, and is emailed to those who asked for updates.</div>
{{#UPDATE_SHARED_ERROR}}<p id="update-shared-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/UPDATE_SHARED_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="update-shared" name="shared" type="radio" value="yes"{{#SHARED_YES}} checked{{/SHARED_YES}}><label class="govuk-label govuk-radios__label" for="update-shared">Yes, share it</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="update-shared-no" name="shared" type="radio" value="no"{{#SHARED_NO}} checked{{/SHARED_NO}}><label class="govuk-label govuk-radios__label" for="update-shared-no">No, staff only</label></div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add update</button>
</form>
{{/CAN_UPDATE}}
{{#REPORT}}
<h2 class="govuk-heading-m">Report {{REFERENCE}}</h2>
<p class="govuk-body-s">{{REPORTED}}, through {{CHANNEL}}{{#LINKED}} (a further report of this incident){{/LINKED}}</p>
<p class="govuk-body">{{#FLAG}}<strong class="govuk-tag govuk-tag--red">{{LABEL}}</strong> {{/FLAG}}</p>
<dl class="govuk-summary-list">
{{#WHERE}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Where</dt><dd class="govuk-summary-list__value">{{PLACE}}</dd></div>{{/WHERE}}
{{#ANSWER}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{QUESTION}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd></div>{{/ANSWER}}
{{#IMPACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">How it affects them</dt><dd class="govuk-summary-list__value">{{TEXT}}</dd></div>{{/IMPACT}}
{{#CONTACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reporter</dt><dd class="govuk-summary-list__value">{{NAME}}<br>{{EMAIL}}<br>{{PHONE}}<br>Prefers: {{PREFERRED}}</dd></div>{{/CONTACT}}
{{#PARTNER}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reported by</dt><dd class="govuk-summary-list__value">{{BY}}, {{AGENCY}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Their reference</dt><dd class="govuk-summary-list__value">{{THEIR_REF}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Tenancy reference</dt><dd class="govuk-summary-list__value">{{TENANCY_REF}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">The people involved are their tenants</dt><dd class="govuk-summary-list__value">{{TENANTS}}</dd></div>{{/PARTNER}}
{{#NO_CONTACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reporter</dt><dd class="govuk-summary-list__value">Anonymous, or not shared with your agency</dd></div>{{/NO_CONTACT}}
{{#FILE}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KIND}}</dt><dd class="govuk-summary-list__value">{{#LINK}}<a class="govuk-link" href="/staff/evidence/{{ID}}" download>{{NAME}}</a>{{/LINK}}{{#NO_LINK}}{{NAME}} <span class="govuk-hint govuk-!-display-inline">(your role cannot open evidence)</span>{{/NO_LINK}}, {{SIZE}}</dd></div>{{/FILE}}
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
<div id="reason-hint" class="govuk-hint">Needed when closing or reopening an incident. For staff only: the people who reported this are told the new status in plain words, never the reason.</div>
{{#REASON_ERROR}}<p id="reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REASON_ERROR}}
<textarea class="govuk-textarea{{#REASON_ERROR}} govuk-textarea--error{{/REASON_ERROR}}" id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#REASON_ERROR}} reason-error{{/REASON_ERROR}}">{{REASON}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Save status</button>
</form>
{{/CAN_UPDATE}}
{{>FOOT}}
