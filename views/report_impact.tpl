{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
{{#NOTICE}}<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>{{TEXT}}</strong></div>{{/NOTICE}}
<h1 class="govuk-heading-l">How is this affecting you?</h1>
<form method="post" action="/report/impact" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="1">{{/CHANGE}}
<div class="govuk-form-group{{#IMPACT_ERROR}} govuk-form-group--error{{/IMPACT_ERROR}}">
<label class="govuk-label govuk-label--m" for="impact">Tell us how it affects you and the people you live with</label>
<div id="impact-hint" class="govuk-hint">For example, if you cannot sleep, are afraid to go out, or have had to change your routine.</div>
{{#IMPACT_ERROR}}<p id="impact-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/IMPACT_ERROR}}
<textarea class="govuk-textarea{{#IMPACT_ERROR}} govuk-textarea--error{{/IMPACT_ERROR}}" id="impact" name="impact" rows="5" aria-describedby="impact-hint{{#IMPACT_ERROR}} impact-error{{/IMPACT_ERROR}}">{{IMPACT}}</textarea>
<p class="govuk-body-s">You can enter up to 2000 characters.</p>
</div>
<div class="govuk-form-group{{#FEELS_UNSAFE_ERROR}} govuk-form-group--error{{/FEELS_UNSAFE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="{{#FEELS_UNSAFE_ERROR}} feels-unsafe-error{{/FEELS_UNSAFE_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Do you feel unsafe in your home?</legend>

{{#FEELS_UNSAFE_ERROR}}<p id="feels-unsafe-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/FEELS_UNSAFE_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="feels-unsafe" name="feels-unsafe" type="radio" value="yes"{{#UNSAFE_YES}} checked{{/UNSAFE_YES}}><label class="govuk-label govuk-radios__label" for="feels-unsafe">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="feels-unsafe-2" name="feels-unsafe" type="radio" value="no"{{#UNSAFE_NO}} checked{{/UNSAFE_NO}}><label class="govuk-label govuk-radios__label" for="feels-unsafe-2">No</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#VULNERABLE_ERROR}} govuk-form-group--error{{/VULNERABLE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="vulnerable-hint{{#VULNERABLE_ERROR}} vulnerable-error{{/VULNERABLE_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Is anyone in your household vulnerable?</legend>
<div id="vulnerable-hint" class="govuk-hint">For example, someone who is elderly, disabled, has a long-term illness or a mental health condition, is a child, or is a victim of domestic abuse.</div>
{{#VULNERABLE_ERROR}}<p id="vulnerable-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/VULNERABLE_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="vulnerable" name="vulnerable" type="radio" value="yes"{{#VULNERABLE_YES}} checked{{/VULNERABLE_YES}}><label class="govuk-label govuk-radios__label" for="vulnerable">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="vulnerable-2" name="vulnerable" type="radio" value="no"{{#VULNERABLE_NO}} checked{{/VULNERABLE_NO}}><label class="govuk-label govuk-radios__label" for="vulnerable-2">No</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#TARGETED_ERROR}} govuk-form-group--error{{/TARGETED_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="targeted-hint{{#TARGETED_ERROR}} targeted-error{{/TARGETED_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Do you think you are being targeted because of who you are?</legend>
<div id="targeted-hint" class="govuk-hint">For example, because of your race, religion, disability, sexuality or gender identity.</div>
{{#TARGETED_ERROR}}<p id="targeted-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TARGETED_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="targeted" name="targeted" type="radio" value="yes"{{#TARGETED_YES}} checked{{/TARGETED_YES}}><label class="govuk-label govuk-radios__label" for="targeted">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="targeted-2" name="targeted" type="radio" value="no"{{#TARGETED_NO}} checked{{/TARGETED_NO}}><label class="govuk-label govuk-radios__label" for="targeted-2">No</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#HAPPENED_BEFORE_ERROR}} govuk-form-group--error{{/HAPPENED_BEFORE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="{{#HAPPENED_BEFORE_ERROR}} happened-before-error{{/HAPPENED_BEFORE_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Has this happened before?</legend>

{{#HAPPENED_BEFORE_ERROR}}<p id="happened-before-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/HAPPENED_BEFORE_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="happened-before" name="happened-before" type="radio" value="yes"{{#BEFORE_YES}} checked{{/BEFORE_YES}}><label class="govuk-label govuk-radios__label" for="happened-before">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="happened-before-2" name="happened-before" type="radio" value="no"{{#BEFORE_NO}} checked{{/BEFORE_NO}}><label class="govuk-label govuk-radios__label" for="happened-before-2">No</label></div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
