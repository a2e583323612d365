{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<form method="post" action="/case-review/behaviour" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-form-group govuk-character-count{{#BEHAVIOUR_ERROR}} govuk-form-group--error{{/BEHAVIOUR_ERROR}}" data-module="govuk-character-count" data-maxlength="{{MAXLEN}}">
<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="behaviour">What has been happening?</label></h1>
<div id="behaviour-hint" class="govuk-hint">Tell us about the anti-social behaviour in your own words: what has been happening, where, how often and since when, and how it affects the person it is aimed at. Give any reference numbers you were given when you reported it.</div>
{{#BEHAVIOUR_ERROR}}<p id="behaviour-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/BEHAVIOUR_ERROR}}
<textarea class="govuk-textarea govuk-js-character-count{{#BEHAVIOUR_ERROR}} govuk-textarea--error{{/BEHAVIOUR_ERROR}}" id="behaviour" name="behaviour" rows="10" aria-describedby="behaviour-info behaviour-hint{{#BEHAVIOUR_ERROR}} behaviour-error{{/BEHAVIOUR_ERROR}}">{{BEHAVIOUR}}</textarea>
<div id="behaviour-info" class="govuk-hint govuk-character-count__message">You can enter up to {{MAXLEN}} characters</div>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
