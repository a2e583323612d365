{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Help us decide how urgent this is</h1>
<form method="post" action="/report/triage" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-form-group{{#HAPPENING_NOW_ERROR}} govuk-form-group--error{{/HAPPENING_NOW_ERROR}}">
<fieldset class="govuk-fieldset"{{#HAPPENING_NOW_ERROR}} aria-describedby="happening-now-error"{{/HAPPENING_NOW_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Is it happening now?</legend>
{{#HAPPENING_NOW_ERROR}}<p id="happening-now-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/HAPPENING_NOW_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="happening-now" name="happening-now" type="radio" value="yes" data-aria-controls="conditional-happening-now"{{#NOW_YES}} checked{{/NOW_YES}}><label class="govuk-label govuk-radios__label" for="happening-now">Yes</label></div>
<div class="govuk-radios__conditional govuk-radios__conditional--hidden" id="conditional-happening-now">
<div class="govuk-warning-text" role="alert"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If anyone is in danger or a crime is happening now, call 999. We do not watch reports around the clock.</strong></div>
</div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="happening-now-2" name="happening-now" type="radio" value="no"{{#NOW_NO}} checked{{/NOW_NO}}><label class="govuk-label govuk-radios__label" for="happening-now-2">No</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#VULNERABLE_ERROR}} govuk-form-group--error{{/VULNERABLE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="vulnerable-hint{{#VULNERABLE_ERROR}} vulnerable-error{{/VULNERABLE_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{{#FOR_PUBLIC}}Is anyone in your household vulnerable?{{/FOR_PUBLIC}}{{#FOR_PARTNER}}Is anyone affected vulnerable?{{/FOR_PARTNER}}</legend>
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
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{{#FOR_PUBLIC}}Do you think you are being targeted because of who you are?{{/FOR_PUBLIC}}{{#FOR_PARTNER}}Do you think the people affected are targeted because of who they are?{{/FOR_PARTNER}}</legend>
<div id="targeted-hint" class="govuk-hint">For example, because of race, religion, disability, sexual orientation or transgender identity. This may be a hate incident.</div>
{{#TARGETED_ERROR}}<p id="targeted-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TARGETED_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="targeted" name="targeted" type="radio" value="yes"{{#TARGETED_YES}} checked{{/TARGETED_YES}}><label class="govuk-label govuk-radios__label" for="targeted">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="targeted-2" name="targeted" type="radio" value="no"{{#TARGETED_NO}} checked{{/TARGETED_NO}}><label class="govuk-label govuk-radios__label" for="targeted-2">No</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#HAPPENED_BEFORE_ERROR}} govuk-form-group--error{{/HAPPENED_BEFORE_ERROR}}">
<fieldset class="govuk-fieldset"{{#HAPPENED_BEFORE_ERROR}} aria-describedby="happened-before-error"{{/HAPPENED_BEFORE_ERROR}}>
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
