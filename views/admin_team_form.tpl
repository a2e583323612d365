{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/teams" class="govuk-back-link">Back to teams</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">{{HEADING}}</h1>
{{#EDITING}}<p class="govuk-body"><a class="govuk-link" href="/admin/teams/{{ID}}/history">See the history of this team</a></p>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Agency</dt>
<dd class="govuk-summary-list__value">{{AGENCY_NAME}}</dd>
</div>
</dl>{{/EDITING}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#EDITING}}<input type="hidden" name="version" value="{{VERSION}}">{{/EDITING}}
{{#CHOOSE_AGENCY}}
<div class="govuk-form-group{{#AGENCY_ERROR}} govuk-form-group--error{{/AGENCY_ERROR}}">
<label class="govuk-label govuk-label--s" for="agency">Agency</label>
<div id="agency-hint" class="govuk-hint">The agency that owns the team. It cannot be changed later.</div>
{{#AGENCY_ERROR}}<p id="agency-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/AGENCY_ERROR}}
<select class="govuk-select{{#AGENCY_ERROR}} govuk-select--error{{/AGENCY_ERROR}}" id="agency" name="agency" aria-describedby="agency-hint{{#AGENCY_ERROR}} agency-error{{/AGENCY_ERROR}}">
<option value="">Choose an agency</option>
{{#AGENCY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/AGENCY_OPTION}}
</select>
</div>
{{/CHOOSE_AGENCY}}
<div class="govuk-form-group{{#CODE_ERROR}} govuk-form-group--error{{/CODE_ERROR}}">
<label class="govuk-label govuk-label--s" for="code">Code</label>
<div id="code-hint" class="govuk-hint">2 to 32 lower-case letters, digits and hyphens, for example asb-hub. It must be different from the codes of the agency's other teams.</div>
{{#CODE_ERROR}}<p id="code-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CODE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#CODE_ERROR}} govuk-input--error{{/CODE_ERROR}}" id="code" name="code" type="text" spellcheck="false" autocomplete="off" value="{{CODE}}" aria-describedby="code-hint{{#CODE_ERROR}} code-error{{/CODE_ERROR}}">
</div>
<div class="govuk-form-group{{#NAME_ERROR}} govuk-form-group--error{{/NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="name">Name</label>
{{#NAME_ERROR}}<p id="name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NAME_ERROR}}
<input class="govuk-input{{#NAME_ERROR}} govuk-input--error{{/NAME_ERROR}}" id="name" name="name" type="text" autocomplete="off" value="{{NAME}}"{{#NAME_ERROR}} aria-describedby="name-error"{{/NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#SPECIALIST_ERROR}} govuk-form-group--error{{/SPECIALIST_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="specialist-hint{{#SPECIALIST_ERROR}} specialist-error{{/SPECIALIST_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Is it a specialist team?</legend>
<div id="specialist-hint" class="govuk-hint">For example an ASB hub or a tenancy enforcement team.</div>
{{#SPECIALIST_ERROR}}<p id="specialist-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SPECIALIST_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="specialist" name="specialist" type="radio" value="yes"{{#SPECIALIST_YES}} checked{{/SPECIALIST_YES}}>
<label class="govuk-label govuk-radios__label" for="specialist">Yes</label>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="specialist-2" name="specialist" type="radio" value="no"{{#SPECIALIST_NO}} checked{{/SPECIALIST_NO}}>
<label class="govuk-label govuk-radios__label" for="specialist-2">No</label>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#ACTIVE_ERROR}} govuk-form-group--error{{/ACTIVE_ERROR}}">
<fieldset class="govuk-fieldset"{{#ACTIVE_ERROR}} aria-describedby="active-error"{{/ACTIVE_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Is it active?</legend>
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
