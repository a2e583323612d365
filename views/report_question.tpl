{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<span class="govuk-caption-l">Question {{NUMBER}} of {{TOTAL}}</span>
{{#SHORT_TEXT}}<div class="govuk-form-group{{#ERROR}} govuk-form-group--error{{/ERROR}}">
<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="answer">{{LABEL}}{{#OPTIONAL}} (optional){{/OPTIONAL}}</label></h1>
{{#HAS_HINT}}<div id="answer-hint" class="govuk-hint">{{HINT}}</div>{{/HAS_HINT}}
{{#ERROR}}<p id="answer-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<input class="govuk-input{{#ERROR}} govuk-input--error{{/ERROR}}" id="answer" name="answer" type="text" value="{{VALUE}}" aria-describedby="{{#HAS_HINT}}answer-hint {{/HAS_HINT}}{{#ERROR}}answer-error{{/ERROR}}">
</div>{{/SHORT_TEXT}}
{{#LONG_TEXT}}<div class="govuk-form-group govuk-character-count{{#ERROR}} govuk-form-group--error{{/ERROR}}" data-module="govuk-character-count" data-maxlength="{{MAXLEN}}">
<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="answer">{{LABEL}}{{#OPTIONAL}} (optional){{/OPTIONAL}}</label></h1>
{{#HAS_HINT}}<div id="answer-hint" class="govuk-hint">{{HINT}}</div>{{/HAS_HINT}}
{{#ERROR}}<p id="answer-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<textarea class="govuk-textarea govuk-js-character-count{{#ERROR}} govuk-textarea--error{{/ERROR}}" id="answer" name="answer" rows="6" aria-describedby="answer-info{{#HAS_HINT}} answer-hint{{/HAS_HINT}}{{#ERROR}} answer-error{{/ERROR}}">{{VALUE}}</textarea>
<div id="answer-info" class="govuk-hint govuk-character-count__message">You can enter up to {{MAXLEN}} characters</div>
</div>{{/LONG_TEXT}}
{{#RADIOS}}<div class="govuk-form-group{{#ERROR}} govuk-form-group--error{{/ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="{{#HAS_HINT}}answer-hint {{/HAS_HINT}}{{#ERROR}}answer-error{{/ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">{{LABEL}}{{#OPTIONAL}} (optional){{/OPTIONAL}}</h1></legend>
{{#HAS_HINT}}<div id="answer-hint" class="govuk-hint">{{HINT}}</div>{{/HAS_HINT}}
{{#ERROR}}<p id="answer-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
{{#OPTION}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{ID}}" name="answer" type="radio" value="{{VALUE}}"{{#REVEAL}} data-aria-controls="conditional-{{ID}}"{{/REVEAL}}{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-radios__label" for="{{ID}}">{{LABEL}}</label></div>
{{#REVEAL}}<div class="govuk-radios__conditional govuk-radios__conditional--hidden" id="conditional-{{ID}}">
{{#OPTION_NOTICE}}<div class="govuk-warning-text" role="alert"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>{{TEXT}}</strong></div>{{/OPTION_NOTICE}}
{{#DETAIL}}<div class="govuk-form-group{{#DETAIL_ERROR}} govuk-form-group--error{{/DETAIL_ERROR}}">
<label class="govuk-label" for="{{NAME}}">{{PROMPT}}</label>
{{#DETAIL_ERROR}}<p id="{{NAME}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DETAIL_ERROR}}
<input class="govuk-input govuk-!-width-two-thirds{{#DETAIL_ERROR}} govuk-input--error{{/DETAIL_ERROR}}" id="{{NAME}}" name="{{NAME}}" type="text" value="{{TEXT}}"{{#DETAIL_ERROR}} aria-describedby="{{NAME}}-error"{{/DETAIL_ERROR}}>
</div>{{/DETAIL}}
</div>{{/REVEAL}}
{{/OPTION}}
</div>
</fieldset>
</div>{{/RADIOS}}
{{#CHECKBOXES}}<div class="govuk-form-group{{#ERROR}} govuk-form-group--error{{/ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="{{#HAS_HINT}}answer-hint {{/HAS_HINT}}{{#ERROR}}answer-error{{/ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">{{LABEL}}{{#OPTIONAL}} (optional){{/OPTIONAL}}</h1></legend>
{{#HAS_HINT}}<div id="answer-hint" class="govuk-hint">{{HINT}}</div>{{/HAS_HINT}}
{{#ERROR}}<p id="answer-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<div class="govuk-checkboxes" data-module="govuk-checkboxes">
{{#OPTION}}<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="{{ID}}" name="answer" type="checkbox" value="{{VALUE}}"{{#REVEAL}} data-aria-controls="conditional-{{ID}}"{{/REVEAL}}{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label></div>
{{#REVEAL}}<div class="govuk-checkboxes__conditional govuk-checkboxes__conditional--hidden" id="conditional-{{ID}}">
{{#OPTION_NOTICE}}<div class="govuk-warning-text" role="alert"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>{{TEXT}}</strong></div>{{/OPTION_NOTICE}}
{{#DETAIL}}<div class="govuk-form-group{{#DETAIL_ERROR}} govuk-form-group--error{{/DETAIL_ERROR}}">
<label class="govuk-label" for="{{NAME}}">{{PROMPT}}</label>
{{#DETAIL_ERROR}}<p id="{{NAME}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DETAIL_ERROR}}
<input class="govuk-input govuk-!-width-two-thirds{{#DETAIL_ERROR}} govuk-input--error{{/DETAIL_ERROR}}" id="{{NAME}}" name="{{NAME}}" type="text" value="{{TEXT}}"{{#DETAIL_ERROR}} aria-describedby="{{NAME}}-error"{{/DETAIL_ERROR}}>
</div>{{/DETAIL}}
</div>{{/REVEAL}}
{{/OPTION}}
</div>
</fieldset>
</div>{{/CHECKBOXES}}
{{#DATE}}<div class="govuk-form-group{{#ERROR}} govuk-form-group--error{{/ERROR}}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="answer-hint{{#ERROR}} answer-error{{/ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">{{LABEL}}{{#OPTIONAL}} (optional){{/OPTIONAL}}</h1></legend>
<div id="answer-hint" class="govuk-hint">{{#HAS_HINT}}{{HINT}} {{/HAS_HINT}}For example, 27 3 2026</div>
{{#ERROR}}<p id="answer-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<div class="govuk-date-input" id="answer">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="answer-day">Day</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#ANSWER_DAY_PART}} govuk-input--error{{/ANSWER_DAY_PART}}" id="answer-day" name="answer-day" type="text" inputmode="numeric" value="{{DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="answer-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#ANSWER_MONTH_PART}} govuk-input--error{{/ANSWER_MONTH_PART}}" id="answer-month" name="answer-month" type="text" inputmode="numeric" value="{{MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="answer-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#ANSWER_YEAR_PART}} govuk-input--error{{/ANSWER_YEAR_PART}}" id="answer-year" name="answer-year" type="text" inputmode="numeric" value="{{YEAR}}"></div></div>
</div>
</fieldset>
</div>{{/DATE}}
{{#TIME}}<div class="govuk-form-group{{#ERROR}} govuk-form-group--error{{/ERROR}}">
<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="answer">{{LABEL}}{{#OPTIONAL}} (optional){{/OPTIONAL}}</label></h1>
<div id="answer-hint" class="govuk-hint">{{#HAS_HINT}}{{HINT}} {{/HAS_HINT}}Use the 12-hour or 24-hour clock, for example 9:30pm or 21:30.</div>
{{#ERROR}}<p id="answer-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<input class="govuk-input govuk-input--width-5{{#ERROR}} govuk-input--error{{/ERROR}}" id="answer" name="answer" type="text" value="{{VALUE}}" aria-describedby="answer-hint{{#ERROR}} answer-error{{/ERROR}}">
</div>{{/TIME}}
{{#NUMBER}}<div class="govuk-form-group{{#ERROR}} govuk-form-group--error{{/ERROR}}">
<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="answer">{{LABEL}}{{#OPTIONAL}} (optional){{/OPTIONAL}}</label></h1>
{{#HAS_HINT}}<div id="answer-hint" class="govuk-hint">{{HINT}}</div>{{/HAS_HINT}}
{{#ERROR}}<p id="answer-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<input class="govuk-input govuk-input--width-5{{#ERROR}} govuk-input--error{{/ERROR}}" id="answer" name="answer" type="text" inputmode="numeric" spellcheck="false" value="{{VALUE}}" aria-describedby="{{#HAS_HINT}}answer-hint {{/HAS_HINT}}{{#ERROR}}answer-error{{/ERROR}}">
</div>{{/NUMBER}}
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
