{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/agencies" class="govuk-back-link">Back to agencies</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">{{HEADING}}</h1>
{{#EDITING}}<p class="govuk-body"><a class="govuk-link" href="/admin/agencies/{{ID}}/history">See the history of this agency</a></p>{{/EDITING}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#EDITING}}<input type="hidden" name="version" value="{{VERSION}}">{{/EDITING}}
<div class="govuk-form-group{{#CODE_ERROR}} govuk-form-group--error{{/CODE_ERROR}}">
<label class="govuk-label govuk-label--s" for="code">Code</label>
<div id="code-hint" class="govuk-hint">2 to 32 lower-case letters, digits and hyphens, for example city-police</div>
{{#CODE_ERROR}}<p id="code-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CODE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#CODE_ERROR}} govuk-input--error{{/CODE_ERROR}}" id="code" name="code" type="text" spellcheck="false" autocomplete="off" value="{{CODE}}" aria-describedby="code-hint{{#CODE_ERROR}} code-error{{/CODE_ERROR}}">
</div>
<div class="govuk-form-group{{#NAME_ERROR}} govuk-form-group--error{{/NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="name">Name</label>
{{#NAME_ERROR}}<p id="name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NAME_ERROR}}
<input class="govuk-input{{#NAME_ERROR}} govuk-input--error{{/NAME_ERROR}}" id="name" name="name" type="text" autocomplete="off" value="{{NAME}}"{{#NAME_ERROR}} aria-describedby="name-error"{{/NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#KIND_ERROR}} govuk-form-group--error{{/KIND_ERROR}}">
<fieldset class="govuk-fieldset"{{#KIND_ERROR}} aria-describedby="kind-error"{{/KIND_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Kind of agency</legend>
{{#KIND_ERROR}}<p id="kind-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/KIND_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
{{#KIND_OPTION}}<div class="govuk-radios__item">
<input class="govuk-radios__input" id="{{ID}}" name="kind" type="radio" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-radios__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/KIND_OPTION}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#CORE_PARTNER_ERROR}} govuk-form-group--error{{/CORE_PARTNER_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="core-partner-hint{{#CORE_PARTNER_ERROR}} core-partner-error{{/CORE_PARTNER_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Is it a core partner?</legend>
<div id="core-partner-hint" class="govuk-hint">A core partner sees records shared with the partnership.</div>
{{#CORE_PARTNER_ERROR}}<p id="core-partner-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CORE_PARTNER_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="core-partner" name="core_partner" type="radio" value="yes"{{#CORE_YES}} checked{{/CORE_YES}}>
<label class="govuk-label govuk-radios__label" for="core-partner">Yes</label>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="core-partner-2" name="core_partner" type="radio" value="no"{{#CORE_NO}} checked{{/CORE_NO}}>
<label class="govuk-label govuk-radios__label" for="core-partner-2">No</label>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#ACTIVE_ERROR}} govuk-form-group--error{{/ACTIVE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="active-hint{{#ACTIVE_ERROR}} active-error{{/ACTIVE_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Is it active?</legend>
<div id="active-hint" class="govuk-hint">Users of an inactive agency cannot sign in, and are signed out when it becomes inactive.</div>
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
<div class="govuk-form-group{{#REASON_ERROR}} govuk-form-group--error{{/REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="reason">Reason for the change (optional)</label>
<div id="reason-hint" class="govuk-hint">Recorded in the audit trail with your name.</div>
{{#REASON_ERROR}}<p id="reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REASON_ERROR}}
<textarea class="govuk-textarea{{#REASON_ERROR}} govuk-textarea--error{{/REASON_ERROR}}" id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#REASON_ERROR}} reason-error{{/REASON_ERROR}}">{{REASON}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">{{BUTTON}}</button>
</form>
</div>
</div>
{{>FOOT}}
