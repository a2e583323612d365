{{%AUTOESCAPE context="HTML"}}
<div class="govuk-form-group{{#IN_ERROR}} govuk-form-group--error{{/IN_ERROR}}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="{{PREFIX}}-hint{{#IN_ERROR}} {{PREFIX}}-error{{/IN_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{{LEGEND}}</legend>
<div id="{{PREFIX}}-hint" class="govuk-hint">{{HINT}}</div>
{{#ERROR}}<p id="{{PREFIX}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<div class="govuk-date-input">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{PREFIX}}-day">Day</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#DAY_PART}} govuk-input--error{{/DAY_PART}}" id="{{PREFIX}}-day" name="{{PREFIX}}-day" type="text" inputmode="numeric" value="{{DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{PREFIX}}-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#MONTH_PART}} govuk-input--error{{/MONTH_PART}}" id="{{PREFIX}}-month" name="{{PREFIX}}-month" type="text" inputmode="numeric" value="{{MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{PREFIX}}-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#YEAR_PART}} govuk-input--error{{/YEAR_PART}}" id="{{PREFIX}}-year" name="{{PREFIX}}-year" type="text" inputmode="numeric" value="{{YEAR}}"></div></div>
</div>
</fieldset>
</div>
