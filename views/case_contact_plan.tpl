{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/cases/{{REFERENCE}}/contact" class="govuk-back-link">Victim contact</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
{{>CASE_HEAD}}
<h2 class="govuk-heading-m">{{#CHANGING}}Change the contact plan{{/CHANGING}}{{#AGREEING}}Agree a contact plan{{/AGREEING}} with {{NAME}}</h2>
<p class="govuk-body">Agree with them how often and how they will be contacted. The next contact is due that many days after the last one, or on the start date until there is one.</p>
<form method="post" action="/staff/cases/{{REFERENCE}}/contact/{{PERSON}}/plan" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="plan" value="{{SEEN_PLAN}}">
<div class="govuk-form-group{{#EVERY_ERROR}} govuk-form-group--error{{/EVERY_ERROR}}{{#EVERY_DAYS_ERROR}} govuk-form-group--error{{/EVERY_DAYS_ERROR}}">
<fieldset class="govuk-fieldset"{{#EVERY_ERROR}} aria-describedby="every-error"{{/EVERY_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">How often will they be contacted?</legend>
{{#EVERY_ERROR}}<p id="every-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EVERY_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="every" name="every" type="radio" value="7"{{#EVERY_7}} checked{{/EVERY_7}}><label class="govuk-label govuk-radios__label" for="every">Every week (7 days)</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="every-14" name="every" type="radio" value="14"{{#EVERY_14}} checked{{/EVERY_14}}><label class="govuk-label govuk-radios__label" for="every-14">Every 2 weeks (14 days)</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="every-28" name="every" type="radio" value="28"{{#EVERY_28}} checked{{/EVERY_28}}><label class="govuk-label govuk-radios__label" for="every-28">Every 4 weeks (28 days)</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="every-other" name="every" type="radio" value="other"{{#EVERY_OTHER}} checked{{/EVERY_OTHER}} aria-controls="conditional-every-other"><label class="govuk-label govuk-radios__label" for="every-other">Another number of days</label></div>
<div class="govuk-radios__conditional{{#OTHER_HIDDEN}} govuk-radios__conditional--hidden{{/OTHER_HIDDEN}}" id="conditional-every-other">
<div class="govuk-form-group">
<label class="govuk-label" for="every-days">Number of days between contacts</label>
<div id="every-days-hint" class="govuk-hint">From 1 to 365</div>
{{#EVERY_DAYS_ERROR}}<p id="every-days-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EVERY_DAYS_ERROR}}
<input class="govuk-input govuk-input--width-3{{#EVERY_DAYS_ERROR}} govuk-input--error{{/EVERY_DAYS_ERROR}}" id="every-days" name="every-days" type="text" inputmode="numeric" spellcheck="false" value="{{EVERY_DAYS}}" aria-describedby="every-days-hint{{#EVERY_DAYS_ERROR}} every-days-error{{/EVERY_DAYS_ERROR}}">
</div>
</div>
</div>
</fieldset>
</div>
{{>METHOD}}
<div class="govuk-form-group{{#STARTS_DAY_ERROR}} govuk-form-group--error{{/STARTS_DAY_ERROR}}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="starts-hint{{#STARTS_DAY_ERROR}} starts-day-error{{/STARTS_DAY_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">From when?</legend>
<div id="starts-hint" class="govuk-hint">The first contact is due on this day. For example, 27 3 2026</div>
{{#STARTS_DAY_ERROR}}<p id="starts-day-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/STARTS_DAY_ERROR}}
<div class="govuk-date-input">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="starts-day">Day</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#STARTS_DAY_PART}} govuk-input--error{{/STARTS_DAY_PART}}" id="starts-day" name="starts-day" type="text" inputmode="numeric" value="{{DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="starts-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#STARTS_MONTH_PART}} govuk-input--error{{/STARTS_MONTH_PART}}" id="starts-month" name="starts-month" type="text" inputmode="numeric" value="{{MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="starts-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#STARTS_YEAR_PART}} govuk-input--error{{/STARTS_YEAR_PART}}" id="starts-year" name="starts-year" type="text" inputmode="numeric" value="{{YEAR}}"></div></div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Save the contact plan</button>
</form>
</div>
</div>
{{>FOOT}}
