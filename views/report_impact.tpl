{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">{{#FOR_PUBLIC}}How is this affecting you?{{/FOR_PUBLIC}}{{#FOR_PARTNER}}How is this affecting the people involved?{{/FOR_PARTNER}}</h1>
<form method="post" action="/report/impact" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-form-group govuk-character-count{{#IMPACT_ERROR}} govuk-form-group--error{{/IMPACT_ERROR}}" data-module="govuk-character-count" data-maxlength="2000">
<label class="govuk-label govuk-label--m" for="impact">{{#FOR_PUBLIC}}Tell us how it affects you and the people you live with{{/FOR_PUBLIC}}{{#FOR_PARTNER}}Tell us how it affects the people affected and their household{{/FOR_PARTNER}}</label>
<div id="impact-hint" class="govuk-hint">{{#FOR_PUBLIC}}For example, if you cannot sleep, are afraid to go out, or have had to change your routine.{{/FOR_PUBLIC}}{{#FOR_PARTNER}}For example, if they cannot sleep, are afraid to go out, or have asked to move.{{/FOR_PARTNER}}</div>
{{#IMPACT_ERROR}}<p id="impact-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/IMPACT_ERROR}}
<textarea class="govuk-textarea govuk-js-character-count{{#IMPACT_ERROR}} govuk-textarea--error{{/IMPACT_ERROR}}" id="impact" name="impact" rows="5" aria-describedby="impact-info impact-hint{{#IMPACT_ERROR}} impact-error{{/IMPACT_ERROR}}">{{IMPACT}}</textarea>
<div id="impact-info" class="govuk-hint govuk-character-count__message">You can enter up to 2000 characters</div>
</div>
<div class="govuk-form-group{{#FEELS_UNSAFE_ERROR}} govuk-form-group--error{{/FEELS_UNSAFE_ERROR}}">
<fieldset class="govuk-fieldset" {{#FEELS_UNSAFE_ERROR}} aria-describedby="feels-unsafe-error"{{/FEELS_UNSAFE_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{{#FOR_PUBLIC}}Do you feel unsafe in your home?{{/FOR_PUBLIC}}{{#FOR_PARTNER}}Do the people affected feel unsafe in their home?{{/FOR_PARTNER}}</legend>

{{#FEELS_UNSAFE_ERROR}}<p id="feels-unsafe-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/FEELS_UNSAFE_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="feels-unsafe" name="feels-unsafe" type="radio" value="yes"{{#UNSAFE_YES}} checked{{/UNSAFE_YES}}><label class="govuk-label govuk-radios__label" for="feels-unsafe">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="feels-unsafe-2" name="feels-unsafe" type="radio" value="no"{{#UNSAFE_NO}} checked{{/UNSAFE_NO}}><label class="govuk-label govuk-radios__label" for="feels-unsafe-2">No</label></div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
