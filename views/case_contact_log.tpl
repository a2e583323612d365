{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/cases/{{REFERENCE}}/contact" class="govuk-back-link">Victim contact</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
{{>CASE_HEAD}}
<h2 class="govuk-heading-m">Record a contact with {{NAME}}</h2>
<form method="post" action="/staff/cases/{{REFERENCE}}/contact/{{PERSON}}/log" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="govuk-form-group{{#CONTACTED_DAY_ERROR}} govuk-form-group--error{{/CONTACTED_DAY_ERROR}}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="contacted-hint{{#CONTACTED_DAY_ERROR}} contacted-day-error{{/CONTACTED_DAY_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">When was the contact?</legend>
<div id="contacted-hint" class="govuk-hint">For example, 27 3 2026</div>
{{#CONTACTED_DAY_ERROR}}<p id="contacted-day-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CONTACTED_DAY_ERROR}}
<div class="govuk-date-input">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="contacted-day">Day</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#CONTACTED_DAY_PART}} govuk-input--error{{/CONTACTED_DAY_PART}}" id="contacted-day" name="contacted-day" type="text" inputmode="numeric" value="{{DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="contacted-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#CONTACTED_MONTH_PART}} govuk-input--error{{/CONTACTED_MONTH_PART}}" id="contacted-month" name="contacted-month" type="text" inputmode="numeric" value="{{MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="contacted-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#CONTACTED_YEAR_PART}} govuk-input--error{{/CONTACTED_YEAR_PART}}" id="contacted-year" name="contacted-year" type="text" inputmode="numeric" value="{{YEAR}}"></div></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#CONTACTED_TIME_ERROR}} govuk-form-group--error{{/CONTACTED_TIME_ERROR}}">
<label class="govuk-label govuk-label--s" for="contacted-time">Time (optional)</label>
<div id="contacted-time-hint" class="govuk-hint">For example, 9:30am or 14:30</div>
{{#CONTACTED_TIME_ERROR}}<p id="contacted-time-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CONTACTED_TIME_ERROR}}
<input class="govuk-input govuk-input--width-5{{#CONTACTED_TIME_ERROR}} govuk-input--error{{/CONTACTED_TIME_ERROR}}" id="contacted-time" name="contacted-time" type="text" value="{{TIME}}" aria-describedby="contacted-time-hint{{#CONTACTED_TIME_ERROR}} contacted-time-error{{/CONTACTED_TIME_ERROR}}">
</div>
{{>METHOD}}
<div class="govuk-form-group{{#OUTCOME_ERROR}} govuk-form-group--error{{/OUTCOME_ERROR}}">
<fieldset class="govuk-fieldset"{{#OUTCOME_ERROR}} aria-describedby="outcome-error"{{/OUTCOME_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">What happened?</legend>
{{#OUTCOME_ERROR}}<p id="outcome-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OUTCOME_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="outcome" name="outcome" type="radio" value="spoke"{{#SPOKE}} checked{{/SPOKE}}><label class="govuk-label govuk-radios__label" for="outcome">Spoke to them</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="outcome-message" name="outcome" type="radio" value="message"{{#MESSAGE_LEFT}} checked{{/MESSAGE_LEFT}}><label class="govuk-label govuk-radios__label" for="outcome-message">Left a message</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="outcome-no-answer" name="outcome" type="radio" value="no_answer"{{#NO_ANSWER}} checked{{/NO_ANSWER}}><label class="govuk-label govuk-radios__label" for="outcome-no-answer">No answer</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="outcome-letter-sent" name="outcome" type="radio" value="letter_sent"{{#LETTER_SENT}} checked{{/LETTER_SENT}}><label class="govuk-label govuk-radios__label" for="outcome-letter-sent">Letter sent</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="outcome-visit" name="outcome" type="radio" value="visit"{{#VISIT}} checked{{/VISIT}}><label class="govuk-label govuk-radios__label" for="outcome-visit">Visit</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group govuk-character-count{{#TOLD_ERROR}} govuk-form-group--error{{/TOLD_ERROR}}" data-module="govuk-character-count" data-maxlength="{{TOLD_MAX}}">
<label class="govuk-label govuk-label--s" for="told">What were they told? (optional)</label>
<div id="told-hint" class="govuk-hint">For example, what has been done on the case since the last contact and what happens next.</div>
{{#TOLD_ERROR}}<p id="told-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TOLD_ERROR}}
<textarea class="govuk-textarea govuk-js-character-count{{#TOLD_ERROR}} govuk-textarea--error{{/TOLD_ERROR}}" id="told" name="told" rows="5" aria-describedby="told-info told-hint{{#TOLD_ERROR}} told-error{{/TOLD_ERROR}}">{{TOLD:pre_escape}}</textarea>
<div id="told-info" class="govuk-hint govuk-character-count__message">You can enter up to {{TOLD_MAX}} characters</div>
</div>
<div class="govuk-form-group">
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="consulted" name="consulted" type="checkbox" value="yes"{{#CONSULTED}} checked{{/CONSULTED}} aria-describedby="consulted-hint"><label class="govuk-label govuk-checkboxes__label" for="consulted">Consulted on the action plan</label>
<div id="consulted-hint" class="govuk-hint govuk-checkboxes__hint">They were asked what they think of the case's action plan.</div></div>
</div>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Save the contact</button>
</form>
</div>
</div>
{{>FOOT}}
