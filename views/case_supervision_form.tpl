{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/cases/{{REFERENCE}}/reviews" class="govuk-back-link">Reviews</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
{{>CASE_HEAD}}
<h2 class="govuk-heading-m">Record a supervisor review</h2>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Risk level now</dt><dd class="govuk-summary-list__value">{{RISK_NOW}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Review due</dt><dd class="govuk-summary-list__value">{{DUE}}</dd></div>
</dl>
<form method="post" action="/staff/cases/{{REFERENCE}}/reviews" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="last" value="{{SEEN_LAST}}">
<input type="hidden" name="risk-seen" value="{{SEEN_RISK}}">
<div class="govuk-form-group{{#DECISION_ERROR}} govuk-form-group--error{{/DECISION_ERROR}}{{#RISK_ERROR}} govuk-form-group--error{{/RISK_ERROR}}">
<fieldset class="govuk-fieldset"{{#DECISION_ERROR}} aria-describedby="decision-error"{{/DECISION_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">What is your decision?</legend>
{{#DECISION_ERROR}}<p id="decision-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DECISION_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="decision" name="decision" type="radio" value="continue"{{#CONTINUE}} checked{{/CONTINUE}}><label class="govuk-label govuk-radios__label" for="decision">Continue as planned</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="decision-change-risk" name="decision" type="radio" value="change_risk"{{#CHANGE_RISK}} checked{{/CHANGE_RISK}} aria-controls="conditional-change-risk"><label class="govuk-label govuk-radios__label" for="decision-change-risk">Change the risk level</label></div>
<div class="govuk-radios__conditional" id="conditional-change-risk">
<div class="govuk-form-group">
<fieldset class="govuk-fieldset"{{#RISK_ERROR}} aria-describedby="risk-error"{{/RISK_ERROR}}>
<legend class="govuk-fieldset__legend">The new level of risk</legend>
{{#RISK_ERROR}}<p id="risk-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RISK_ERROR}}
<div class="govuk-radios govuk-radios--small">
{{#RISK_OPTION}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="risk-{{VALUE}}" name="risk" type="radio" value="{{VALUE}}"{{#SELECTED}} checked{{/SELECTED}}><label class="govuk-label govuk-radios__label" for="risk-{{VALUE}}">{{LABEL}}</label></div>
{{/RISK_OPTION}}</div>
</fieldset>
</div>
</div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="decision-close" name="decision" type="radio" value="close_recommended"{{#CLOSE_RECOMMENDED}} checked{{/CLOSE_RECOMMENDED}}><label class="govuk-label govuk-radios__label" for="decision-close">Recommend closing the case</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group govuk-character-count{{#NOTE_ERROR}} govuk-form-group--error{{/NOTE_ERROR}}" data-module="govuk-character-count" data-maxlength="{{NOTE_MAX}}">
<label class="govuk-label govuk-label--s" for="note">Note of the review</label>
<div id="note-hint" class="govuk-hint">What you checked — the action plan, the victim contact, the risk — and what is to happen next.</div>
{{#NOTE_ERROR}}<p id="note-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NOTE_ERROR}}
<textarea class="govuk-textarea govuk-js-character-count{{#NOTE_ERROR}} govuk-textarea--error{{/NOTE_ERROR}}" id="note" name="note" rows="6" aria-describedby="note-info note-hint{{#NOTE_ERROR}} note-error{{/NOTE_ERROR}}">{{NOTE:pre_escape}}</textarea>
<div id="note-info" class="govuk-hint govuk-character-count__message">You can enter up to {{NOTE_MAX}} characters</div>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Record the review</button>
</form>
</div>
</div>
{{>FOOT}}
