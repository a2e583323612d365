{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Who have you reported it to?</h1>
<form method="post" action="/case-review/reported" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" aria-describedby="reported-agency-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Who have you told about it?</legend>
<div id="reported-agency-hint" class="govuk-hint">Select all that apply.</div>
<div class="govuk-checkboxes" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="reported-agency" name="reported-agency" type="checkbox" value="police"{{#AGENCY_POLICE}} checked{{/AGENCY_POLICE}}><label class="govuk-label govuk-checkboxes__label" for="reported-agency">The police</label></div>
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="reported-agency-2" name="reported-agency" type="checkbox" value="council"{{#AGENCY_COUNCIL}} checked{{/AGENCY_COUNCIL}}><label class="govuk-label govuk-checkboxes__label" for="reported-agency-2">The council</label></div>
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="reported-agency-3" name="reported-agency" type="checkbox" value="housing"{{#AGENCY_HOUSING}} checked{{/AGENCY_HOUSING}}><label class="govuk-label govuk-checkboxes__label" for="reported-agency-3">A housing association or landlord</label></div>
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="reported-agency-4" name="reported-agency" type="checkbox" value="other"{{#AGENCY_OTHER}} checked{{/AGENCY_OTHER}}><label class="govuk-label govuk-checkboxes__label" for="reported-agency-4">Someone else</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#REPORTED_WHEN_ERROR}} govuk-form-group--error{{/REPORTED_WHEN_ERROR}}">
<label class="govuk-label govuk-label--s" for="reported-when">Roughly when did you report it? (optional)</label>
<div id="reported-when-hint" class="govuk-hint">For example, three times since March, or last week.</div>
{{#REPORTED_WHEN_ERROR}}<p id="reported-when-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REPORTED_WHEN_ERROR}}
<input class="govuk-input{{#REPORTED_WHEN_ERROR}} govuk-input--error{{/REPORTED_WHEN_ERROR}}" id="reported-when" name="reported-when" type="text" autocomplete="off" spellcheck="false" value="{{REPORTED_WHEN}}" aria-describedby="reported-when-hint{{#REPORTED_WHEN_ERROR}} reported-when-error{{/REPORTED_WHEN_ERROR}}">
</div>
<div class="govuk-form-group govuk-character-count{{#REPORTED_TO_ERROR}} govuk-form-group--error{{/REPORTED_TO_ERROR}}" data-module="govuk-character-count" data-maxlength="{{MAXLEN}}">
<label class="govuk-label govuk-label--s" for="reported-to">Anything else about who you told (optional)</label>
<div id="reported-to-hint" class="govuk-hint">For example, the names of people you spoke to, or reference numbers you were given.</div>
{{#REPORTED_TO_ERROR}}<p id="reported-to-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REPORTED_TO_ERROR}}
<textarea class="govuk-textarea govuk-js-character-count{{#REPORTED_TO_ERROR}} govuk-textarea--error{{/REPORTED_TO_ERROR}}" id="reported-to" name="reported-to" rows="4" aria-describedby="reported-to-info reported-to-hint{{#REPORTED_TO_ERROR}} reported-to-error{{/REPORTED_TO_ERROR}}">{{REPORTED_TO}}</textarea>
<div id="reported-to-info" class="govuk-hint govuk-character-count__message">You can enter up to {{MAXLEN}} characters</div>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
