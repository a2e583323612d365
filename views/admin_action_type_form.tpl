{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/action-types" class="govuk-back-link">Back to action types</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">{{HEADING}}</h1>
{{#EDITING}}<dl class="govuk-summary-list">
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Code</dt>
<dd class="govuk-summary-list__value">{{CODE}}</dd>
</div>
</dl>{{/EDITING}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#EDITING}}<input type="hidden" name="version" value="{{VERSION}}">{{/EDITING}}
{{#NEW}}
<div class="govuk-form-group{{#CODE_ERROR}} govuk-form-group--error{{/CODE_ERROR}}">
<label class="govuk-label govuk-label--s" for="code">Code</label>
<div id="code-hint" class="govuk-hint">2 to 32 lower-case letters, digits and hyphens, for example noise-abatement. It cannot be changed later.</div>
{{#CODE_ERROR}}<p id="code-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CODE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#CODE_ERROR}} govuk-input--error{{/CODE_ERROR}}" id="code" name="code" type="text" spellcheck="false" autocomplete="off" value="{{CODE}}" aria-describedby="code-hint{{#CODE_ERROR}} code-error{{/CODE_ERROR}}">
</div>
{{/NEW}}
<div class="govuk-form-group{{#NAME_ERROR}} govuk-form-group--error{{/NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="name">Name</label>
{{#NAME_ERROR}}<p id="name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NAME_ERROR}}
<input class="govuk-input{{#NAME_ERROR}} govuk-input--error{{/NAME_ERROR}}" id="name" name="name" type="text" autocomplete="off" value="{{NAME}}"{{#NAME_ERROR}} aria-describedby="name-error"{{/NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#ENFORCEMENT_ERROR}} govuk-form-group--error{{/ENFORCEMENT_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="enforcement-hint{{#ENFORCEMENT_ERROR}} enforcement-error{{/ENFORCEMENT_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Is it an enforcement action?</legend>
<div id="enforcement-hint" class="govuk-hint">Enforcement actions record when they were served, expire and are reviewed, their conditions and breaches.</div>
{{#ENFORCEMENT_ERROR}}<p id="enforcement-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ENFORCEMENT_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="enforcement" name="enforcement" type="radio" value="yes"{{#ENFORCEMENT_YES}} checked{{/ENFORCEMENT_YES}}>
<label class="govuk-label govuk-radios__label" for="enforcement">Yes</label>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="enforcement-2" name="enforcement" type="radio" value="no"{{#ENFORCEMENT_NO}} checked{{/ENFORCEMENT_NO}}>
<label class="govuk-label govuk-radios__label" for="enforcement-2">No</label>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#BASIS_ERROR}} govuk-form-group--error{{/BASIS_ERROR}}">
<label class="govuk-label govuk-label--s" for="basis">Legal basis (optional)</label>
<div id="basis-hint" class="govuk-hint">For example, Anti-social Behaviour, Crime and Policing Act 2014, section 43.</div>
{{#BASIS_ERROR}}<p id="basis-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/BASIS_ERROR}}
<input class="govuk-input{{#BASIS_ERROR}} govuk-input--error{{/BASIS_ERROR}}" id="basis" name="basis" type="text" autocomplete="off" value="{{BASIS}}" aria-describedby="basis-hint{{#BASIS_ERROR}} basis-error{{/BASIS_ERROR}}">
</div>
<div class="govuk-form-group{{#POSITION_ERROR}} govuk-form-group--error{{/POSITION_ERROR}}">
<label class="govuk-label govuk-label--s" for="position">Order</label>
<div id="position-hint" class="govuk-hint">Types are offered from the lowest number to the highest, 0 to 9999.</div>
{{#POSITION_ERROR}}<p id="position-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/POSITION_ERROR}}
<input class="govuk-input govuk-input--width-5{{#POSITION_ERROR}} govuk-input--error{{/POSITION_ERROR}}" id="position" name="position" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" value="{{POSITION}}" aria-describedby="position-hint{{#POSITION_ERROR}} position-error{{/POSITION_ERROR}}">
</div>
<div class="govuk-form-group{{#ACTIVE_ERROR}} govuk-form-group--error{{/ACTIVE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="active-hint{{#ACTIVE_ERROR}} active-error{{/ACTIVE_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Is it offered for new actions?</legend>
<div id="active-hint" class="govuk-hint">Choose no to deactivate it.</div>
{{#ACTIVE_ERROR}}<p id="active-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ACTIVE_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="active" name="active" type="radio" value="yes"{{#ACTIVE_YES}} checked{{/ACTIVE_YES}}>
<label class="govuk-label govuk-radios__label" for="active">Yes</label>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="active-2" name="active" type="radio" value="no"{{#ACTIVE_NO}} checked{{/ACTIVE_NO}}>
<label class="govuk-label govuk-radios__label" for="active-2">No</label>
</div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Save</button>
</form>
{{#EDITING}}<p class="govuk-body"><a class="govuk-link" href="/admin/action-types/{{ID}}/history">See the history of this action type</a></p>{{/EDITING}}
</div>
</div>
{{>FOOT}}
