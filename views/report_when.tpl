{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<form method="post" action="/report/when" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-form-group{{#WHEN_ERROR}} govuk-form-group--error{{/WHEN_ERROR}}">
<fieldset class="govuk-fieldset"{{#WHEN_ERROR}} aria-describedby="when-error"{{/WHEN_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">When did it happen?</h1></legend>
{{#WHEN_ERROR}}<p id="when-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/WHEN_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="when" name="when" type="radio" value="once" data-aria-controls="conditional-when"{{#WHEN_ONCE}} checked{{/WHEN_ONCE}}><label class="govuk-label govuk-radios__label" for="when">It happened once, or I want to report one time</label></div>
<div class="govuk-radios__conditional govuk-radios__conditional--hidden" id="conditional-when">
<div class="govuk-form-group{{#OCCURRED_DAY_ERROR}} govuk-form-group--error{{/OCCURRED_DAY_ERROR}}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="occurred-hint{{#OCCURRED_DAY_ERROR}} occurred-day-error{{/OCCURRED_DAY_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Date</legend>
<div id="occurred-hint" class="govuk-hint">For example, 27 3 2026</div>
{{#OCCURRED_DAY_ERROR}}<p id="occurred-day-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OCCURRED_DAY_ERROR}}
<div class="govuk-date-input">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="occurred-day">Day</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#OCCURRED_DAY_PART}} govuk-input--error{{/OCCURRED_DAY_PART}}" id="occurred-day" name="occurred-day" type="text" inputmode="numeric" value="{{DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="occurred-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#OCCURRED_MONTH_PART}} govuk-input--error{{/OCCURRED_MONTH_PART}}" id="occurred-month" name="occurred-month" type="text" inputmode="numeric" value="{{MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="occurred-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#OCCURRED_YEAR_PART}} govuk-input--error{{/OCCURRED_YEAR_PART}}" id="occurred-year" name="occurred-year" type="text" inputmode="numeric" value="{{YEAR}}"></div></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#OCCURRED_TIME_ERROR}} govuk-form-group--error{{/OCCURRED_TIME_ERROR}}">
<label class="govuk-label govuk-label--s" for="occurred-time">Time (optional)</label>
<div id="occurred-time-hint" class="govuk-hint">For example, 9:30pm or 21:30. Leave this blank if you are not sure.</div>
{{#OCCURRED_TIME_ERROR}}<p id="occurred-time-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OCCURRED_TIME_ERROR}}
<input class="govuk-input govuk-input--width-5{{#OCCURRED_TIME_ERROR}} govuk-input--error{{/OCCURRED_TIME_ERROR}}" id="occurred-time" name="occurred-time" type="text" value="{{TIME}}" aria-describedby="occurred-time-hint{{#OCCURRED_TIME_ERROR}} occurred-time-error{{/OCCURRED_TIME_ERROR}}">
</div>
</div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="when-2" name="when" type="radio" value="ongoing" data-aria-controls="conditional-when-2"{{#WHEN_ONGOING}} checked{{/WHEN_ONGOING}}><label class="govuk-label govuk-radios__label" for="when-2">It keeps happening</label></div>
<div class="govuk-radios__conditional govuk-radios__conditional--hidden" id="conditional-when-2">
<div class="govuk-form-group{{#HOW_OFTEN_ERROR}} govuk-form-group--error{{/HOW_OFTEN_ERROR}}">
<fieldset class="govuk-fieldset"{{#HOW_OFTEN_ERROR}} aria-describedby="how-often-error"{{/HOW_OFTEN_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">How often does it happen?</legend>
{{#HOW_OFTEN_ERROR}}<p id="how-often-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/HOW_OFTEN_ERROR}}
<div class="govuk-radios govuk-radios--small">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="how-often" name="how-often" type="radio" value="every_day"{{#OFTEN_EVERY_DAY}} checked{{/OFTEN_EVERY_DAY}}><label class="govuk-label govuk-radios__label" for="how-often">Every day</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="how-often-2" name="how-often" type="radio" value="several_times_a_week"{{#OFTEN_SEVERAL_TIMES_A_WEEK}} checked{{/OFTEN_SEVERAL_TIMES_A_WEEK}}><label class="govuk-label govuk-radios__label" for="how-often-2">Several times a week</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="how-often-3" name="how-often" type="radio" value="weekly"{{#OFTEN_WEEKLY}} checked{{/OFTEN_WEEKLY}}><label class="govuk-label govuk-radios__label" for="how-often-3">About once a week</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="how-often-4" name="how-often" type="radio" value="less_often"{{#OFTEN_LESS_OFTEN}} checked{{/OFTEN_LESS_OFTEN}}><label class="govuk-label govuk-radios__label" for="how-often-4">Less often than once a week</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#TIMES_ERROR}} govuk-form-group--error{{/TIMES_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="times-hint{{#TIMES_ERROR}} times-error{{/TIMES_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">At what times of day?</legend>
<div id="times-hint" class="govuk-hint">Select all that apply.</div>
{{#TIMES_ERROR}}<p id="times-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TIMES_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="times" name="times" type="checkbox" value="morning"{{#TIMES_MORNING}} checked{{/TIMES_MORNING}}><label class="govuk-label govuk-checkboxes__label" for="times">Morning</label></div>
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="times-2" name="times" type="checkbox" value="afternoon"{{#TIMES_AFTERNOON}} checked{{/TIMES_AFTERNOON}}><label class="govuk-label govuk-checkboxes__label" for="times-2">Afternoon</label></div>
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="times-3" name="times" type="checkbox" value="evening"{{#TIMES_EVENING}} checked{{/TIMES_EVENING}}><label class="govuk-label govuk-checkboxes__label" for="times-3">Evening</label></div>
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="times-4" name="times" type="checkbox" value="night"{{#TIMES_NIGHT}} checked{{/TIMES_NIGHT}}><label class="govuk-label govuk-checkboxes__label" for="times-4">Night</label></div>
</div>
</fieldset>
</div>
</div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
