{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/roles" class="govuk-back-link">Back to roles</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">{{HEADING}}</h1>
{{#EDITING}}<p class="govuk-body"><a class="govuk-link" href="/admin/roles/{{ID}}/history">See the history of this role</a></p>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>Changing the permissions signs out everyone who holds this role, so that the new permissions apply at once.</strong></div>{{/EDITING}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#EDITING}}<input type="hidden" name="version" value="{{VERSION}}">{{/EDITING}}
<div class="govuk-form-group{{#CODE_ERROR}} govuk-form-group--error{{/CODE_ERROR}}">
<label class="govuk-label govuk-label--s" for="code">Code</label>
<div id="code-hint" class="govuk-hint">2 to 32 lower-case letters, digits and underscores, for example police_officer</div>
{{#CODE_ERROR}}<p id="code-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CODE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#CODE_ERROR}} govuk-input--error{{/CODE_ERROR}}" id="code" name="code" type="text" spellcheck="false" autocomplete="off" value="{{CODE}}" aria-describedby="code-hint{{#CODE_ERROR}} code-error{{/CODE_ERROR}}">
</div>
<div class="govuk-form-group{{#NAME_ERROR}} govuk-form-group--error{{/NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="name">Name</label>
{{#NAME_ERROR}}<p id="name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NAME_ERROR}}
<input class="govuk-input{{#NAME_ERROR}} govuk-input--error{{/NAME_ERROR}}" id="name" name="name" type="text" autocomplete="off" value="{{NAME}}"{{#NAME_ERROR}} aria-describedby="name-error"{{/NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#AGENCY_KINDS_ERROR}} govuk-form-group--error{{/AGENCY_KINDS_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="agency-kinds-hint{{#AGENCY_KINDS_ERROR}} agency-kinds-error{{/AGENCY_KINDS_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Which kinds of agency may hold this role?</legend>
<div id="agency-kinds-hint" class="govuk-hint">Leave them all unticked if any agency may.</div>
{{#AGENCY_KINDS_ERROR}}<p id="agency-kinds-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/AGENCY_KINDS_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#KIND_OPTION}}<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{ID}}" name="agency_kinds" type="checkbox" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/KIND_OPTION}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#PERMISSIONS_ERROR}} govuk-form-group--error{{/PERMISSIONS_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="permissions-hint{{#PERMISSIONS_ERROR}} permissions-error{{/PERMISSIONS_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">What may someone with this role do?</legend>
<div id="permissions-hint" class="govuk-hint">Select all that apply. What they see is also limited to their own agency's records and those shared with it.</div>
{{#PERMISSIONS_ERROR}}<p id="permissions-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PERMISSIONS_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#PERM_OPTION}}<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{ID}}" name="permissions" type="checkbox" value="{{VALUE}}" aria-describedby="{{ID}}-item-hint"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label>
<div id="{{ID}}-item-hint" class="govuk-hint govuk-checkboxes__hint">{{VALUE}}</div>
</div>
{{/PERM_OPTION}}
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
