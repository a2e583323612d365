{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<form method="post" action="/case-review/who" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-form-group{{#ON_BEHALF_ERROR}} govuk-form-group--error{{/ON_BEHALF_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="on-behalf-hint{{#ON_BEHALF_ERROR}} on-behalf-error{{/ON_BEHALF_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">Are you applying for yourself or for someone else?</h1></legend>
<div id="on-behalf-hint" class="govuk-hint">You can apply for someone else, such as a family member, a friend or someone you support, if they agree to it.</div>
{{#ON_BEHALF_ERROR}}<p id="on-behalf-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ON_BEHALF_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="on-behalf" name="on-behalf" type="radio" value="no"{{#ON_BEHALF_NO}} checked{{/ON_BEHALF_NO}}><label class="govuk-label govuk-radios__label" for="on-behalf">Myself</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="on-behalf-2" name="on-behalf" type="radio" value="yes"{{#ON_BEHALF_YES}} checked{{/ON_BEHALF_YES}}><label class="govuk-label govuk-radios__label" for="on-behalf-2">Someone else, with their agreement</label></div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
