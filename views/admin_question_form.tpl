{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/types/{{TYPE_ID}}#questions" class="govuk-back-link">Back to {{TYPE_NAME}}</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<span class="govuk-caption-l">{{TYPE_NAME}}</span>
<h1 class="govuk-heading-l">{{HEADING}}</h1>
{{#EDITING}}<p class="govuk-body"><a class="govuk-link" href="/admin/questions/{{ID}}/history">See the history of this question</a></p>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Key</dt>
<dd class="govuk-summary-list__value">{{KEY}}<div class="govuk-hint govuk-!-margin-bottom-0">Answers are filed under the key, so it cannot be changed.</div></dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Version</dt>
<dd class="govuk-summary-list__value">{{CURRENT_VERSION}}<div class="govuk-hint govuk-!-margin-bottom-0">Saving a change makes the next version. Reports already made keep the words they were asked in.</div></dd>
</div>
</dl>{{/EDITING}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#EDITING}}<input type="hidden" name="version" value="{{VERSION}}">{{/EDITING}}
{{#NEW}}
<div class="govuk-form-group{{#KEY_ERROR}} govuk-form-group--error{{/KEY_ERROR}}">
<label class="govuk-label govuk-label--s" for="key">Key</label>
<div id="key-hint" class="govuk-hint">1 to 48 lower-case letters, digits and underscores, for example noise_source. Answers are filed under it in reports and exports. It cannot be changed later.</div>
{{#KEY_ERROR}}<p id="key-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/KEY_ERROR}}
<input class="govuk-input govuk-input--width-20{{#KEY_ERROR}} govuk-input--error{{/KEY_ERROR}}" id="key" name="key" type="text" spellcheck="false" autocomplete="off" value="{{KEY}}" aria-describedby="key-hint{{#KEY_ERROR}} key-error{{/KEY_ERROR}}">
</div>
{{/NEW}}
<div class="govuk-form-group{{#LABEL_ERROR}} govuk-form-group--error{{/LABEL_ERROR}}">
<label class="govuk-label govuk-label--s" for="label">Question</label>
<div id="label-hint" class="govuk-hint">As people reporting see it, for example Where is the noise coming from?</div>
{{#LABEL_ERROR}}<p id="label-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LABEL_ERROR}}
<input class="govuk-input{{#LABEL_ERROR}} govuk-input--error{{/LABEL_ERROR}}" id="label" name="label" type="text" autocomplete="off" value="{{LABEL}}" aria-describedby="label-hint{{#LABEL_ERROR}} label-error{{/LABEL_ERROR}}">
</div>
<div class="govuk-form-group{{#HINT_ERROR}} govuk-form-group--error{{/HINT_ERROR}}">
<label class="govuk-label govuk-label--s" for="hint">Hint (optional)</label>
<div id="hint-hint" class="govuk-hint">Shown under the question, for example Enter 0 if it started this week.</div>
{{#HINT_ERROR}}<p id="hint-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/HINT_ERROR}}
<textarea class="govuk-textarea{{#HINT_ERROR}} govuk-textarea--error{{/HINT_ERROR}}" id="hint" name="hint" rows="2" aria-describedby="hint-hint{{#HINT_ERROR}} hint-error{{/HINT_ERROR}}">{{HINT:pre_escape}}</textarea>
</div>
<div class="govuk-form-group{{#KIND_ERROR}} govuk-form-group--error{{/KIND_ERROR}}">
<fieldset class="govuk-fieldset"{{#KIND_ERROR}} aria-describedby="kind-error"{{/KIND_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Kind of answer</legend>
{{#KIND_ERROR}}<p id="kind-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/KIND_ERROR}}
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
{{#KIND_OPTION}}<div class="govuk-radios__item">
<input class="govuk-radios__input" id="{{ID}}" name="kind" type="radio" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-radios__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/KIND_OPTION}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#OPTIONS_ERROR}} govuk-form-group--error{{/OPTIONS_ERROR}}">
<label class="govuk-label govuk-label--s" for="options">Options (single and multiple choice only)</label>
<div id="options-hint" class="govuk-hint">At least 2, one a line: a value, a | and the label people see, for example home|A home. An option that needs a few words more asks them with two more parts: a follow-up question and what to say when it is left blank, for example name|Yes, I know their name|What is their name?|Enter their name. Values are 1 to 48 lower-case letters, digits and underscores, and are what reports store. Leave empty for other kinds.</div>
{{#OPTIONS_ERROR}}<p id="options-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OPTIONS_ERROR}}
<textarea class="govuk-textarea{{#OPTIONS_ERROR}} govuk-textarea--error{{/OPTIONS_ERROR}}" id="options" name="options" rows="6" spellcheck="false" aria-describedby="options-hint{{#OPTIONS_ERROR}} options-error{{/OPTIONS_ERROR}}">{{OPTIONS:pre_escape}}</textarea>
</div>
<div class="govuk-form-group{{#REQUIRED_ERROR}} govuk-form-group--error{{/REQUIRED_ERROR}}">
<fieldset class="govuk-fieldset"{{#REQUIRED_ERROR}} aria-describedby="required-error"{{/REQUIRED_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Must it be answered?</legend>
{{#REQUIRED_ERROR}}<p id="required-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REQUIRED_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="required" name="required" type="radio" value="yes"{{#REQUIRED_YES}} checked{{/REQUIRED_YES}}>
<label class="govuk-label govuk-radios__label" for="required">Yes</label>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="required-2" name="required" type="radio" value="no"{{#REQUIRED_NO}} checked{{/REQUIRED_NO}}>
<label class="govuk-label govuk-radios__label" for="required-2">No</label>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#TRIAGE_WEIGHT_ERROR}} govuk-form-group--error{{/TRIAGE_WEIGHT_ERROR}}">
<label class="govuk-label govuk-label--s" for="triage-weight">Triage weight</label>
<div id="triage-weight-hint" class="govuk-hint">0 to 100, added to the risk score when the answer is yes (or, for other kinds, when the question is answered). 0 if it should not count.</div>
{{#TRIAGE_WEIGHT_ERROR}}<p id="triage-weight-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TRIAGE_WEIGHT_ERROR}}
<input class="govuk-input govuk-input--width-3{{#TRIAGE_WEIGHT_ERROR}} govuk-input--error{{/TRIAGE_WEIGHT_ERROR}}" id="triage-weight" name="triage-weight" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" value="{{WEIGHT}}" aria-describedby="triage-weight-hint{{#TRIAGE_WEIGHT_ERROR}} triage-weight-error{{/TRIAGE_WEIGHT_ERROR}}">
</div>
<fieldset class="govuk-fieldset govuk-!-margin-bottom-6" aria-describedby="notice-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Notice for an answer (optional)</legend>
<div id="notice-hint" class="govuk-hint">Shown as a warning as soon as someone gives this answer, for example yes and If you are in danger now, call 999. Yes or no and choice questions only.</div>
<div class="govuk-form-group{{#NOTICE_ANSWER_ERROR}} govuk-form-group--error{{/NOTICE_ANSWER_ERROR}}">
<label class="govuk-label" for="notice-answer">Answer that shows the notice</label>
<div id="notice-answer-hint" class="govuk-hint">yes or no, or the value of one of the options.</div>
{{#NOTICE_ANSWER_ERROR}}<p id="notice-answer-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NOTICE_ANSWER_ERROR}}
<input class="govuk-input govuk-input--width-20{{#NOTICE_ANSWER_ERROR}} govuk-input--error{{/NOTICE_ANSWER_ERROR}}" id="notice-answer" name="notice-answer" type="text" spellcheck="false" autocomplete="off" value="{{NOTICE_ANSWER}}" aria-describedby="notice-answer-hint{{#NOTICE_ANSWER_ERROR}} notice-answer-error{{/NOTICE_ANSWER_ERROR}}">
</div>
<div class="govuk-form-group{{#NOTICE_TEXT_ERROR}} govuk-form-group--error{{/NOTICE_TEXT_ERROR}}">
<label class="govuk-label" for="notice-text">Notice</label>
{{#NOTICE_TEXT_ERROR}}<p id="notice-text-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NOTICE_TEXT_ERROR}}
<textarea class="govuk-textarea{{#NOTICE_TEXT_ERROR}} govuk-textarea--error{{/NOTICE_TEXT_ERROR}}" id="notice-text" name="notice-text" rows="2"{{#NOTICE_TEXT_ERROR}} aria-describedby="notice-text-error"{{/NOTICE_TEXT_ERROR}}>{{NOTICE_TEXT:pre_escape}}</textarea>
</div>
</fieldset>
<div class="govuk-form-group{{#SORT_ORDER_ERROR}} govuk-form-group--error{{/SORT_ORDER_ERROR}}">
<label class="govuk-label govuk-label--s" for="sort-order">Order</label>
<div id="sort-order-hint" class="govuk-hint">Questions are asked from the lowest number to the highest.</div>
{{#SORT_ORDER_ERROR}}<p id="sort-order-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SORT_ORDER_ERROR}}
<input class="govuk-input govuk-input--width-5{{#SORT_ORDER_ERROR}} govuk-input--error{{/SORT_ORDER_ERROR}}" id="sort-order" name="sort-order" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" value="{{ORDER}}" aria-describedby="sort-order-hint{{#SORT_ORDER_ERROR}} sort-order-error{{/SORT_ORDER_ERROR}}">
</div>
<div class="govuk-form-group{{#ACTIVE_ERROR}} govuk-form-group--error{{/ACTIVE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="active-hint{{#ACTIVE_ERROR}} active-error{{/ACTIVE_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Is it asked?</legend>
<div id="active-hint" class="govuk-hint">An inactive question is no longer asked. Answers already given to it are kept.</div>
{{#ACTIVE_ERROR}}<p id="active-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ACTIVE_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="active" name="active" type="radio" value="yes"{{#ACTIVE_YES}} checked{{/ACTIVE_YES}}>
<label class="govuk-label govuk-radios__label" for="active">Yes</label>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="active-2" name="active" type="radio" value="no"{{#ACTIVE_NO}} checked{{/ACTIVE_NO}}>
<label class="govuk-label govuk-radios__label" for="active-2">No</label>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#REASON_ERROR}} govuk-form-group--error{{/REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="reason">Reason for the change (optional)</label>
<div id="reason-hint" class="govuk-hint">Recorded in the audit trail with your name.</div>
{{#REASON_ERROR}}<p id="reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REASON_ERROR}}
<textarea class="govuk-textarea{{#REASON_ERROR}} govuk-textarea--error{{/REASON_ERROR}}" id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#REASON_ERROR}} reason-error{{/REASON_ERROR}}">{{REASON:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">{{BUTTON}}</button>
</form>
</div>
</div>
{{>FOOT}}
