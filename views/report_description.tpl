{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<form method="post" action="/report/description" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-form-group govuk-character-count{{#DESCRIPTION_ERROR}} govuk-form-group--error{{/DESCRIPTION_ERROR}}" data-module="govuk-character-count" data-maxlength="{{MAXLEN}}">
<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="description">What happened?</label></h1>
<div id="description-hint" class="govuk-hint">{{#FOR_PUBLIC}}Tell us what you saw or heard, in your own words: what the people involved did, and anything that would help us find them, such as what they looked like or a vehicle's number plate.{{/FOR_PUBLIC}}{{#FOR_PARTNER}}Describe what happened, as your resident or your staff told you: what the people involved did, and anything that would help identify them, such as descriptions or a vehicle's number plate.{{/FOR_PARTNER}}</div>
{{#DESCRIPTION_ERROR}}<p id="description-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<textarea class="govuk-textarea govuk-js-character-count{{#DESCRIPTION_ERROR}} govuk-textarea--error{{/DESCRIPTION_ERROR}}" id="description" name="description" rows="8" aria-describedby="description-info description-hint{{#DESCRIPTION_ERROR}} description-error{{/DESCRIPTION_ERROR}}">{{DESCRIPTION}}</textarea>
<div id="description-info" class="govuk-hint govuk-character-count__message">You can enter up to {{MAXLEN}} characters</div>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
