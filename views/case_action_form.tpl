{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK_HREF}}" class="govuk-back-link">{{BACK_TEXT}}</a>
{{>ERROR_SUMMARY}}
{{>CASE_HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h2 class="govuk-heading-m">{{HEADING}}</h2>
{{#FROM_PANEL}}<p class="govuk-body">This action comes from the case panel of {{PANEL_TEXT}}.</p>{{/FROM_PANEL}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="panel" value="{{PANEL}}">
<div class="govuk-form-group{{#TYPE_ERROR}} govuk-form-group--error{{/TYPE_ERROR}}">
<label class="govuk-label govuk-label--s" for="type">Type of action</label>
{{#TYPE_ERROR}}<p id="type-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TYPE_ERROR}}
<select class="govuk-select{{#TYPE_ERROR}} govuk-select--error{{/TYPE_ERROR}}" id="type" name="type"{{#TYPE_ERROR}} aria-describedby="type-error"{{/TYPE_ERROR}}>
<option value="">Choose a type</option>
{{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TYPE_OPTION}}</select>
</div>
<div class="govuk-form-group{{#TITLE_ERROR}} govuk-form-group--error{{/TITLE_ERROR}}">
<label class="govuk-label govuk-label--s" for="title">What is the action?</label>
<div id="title-hint" class="govuk-hint">For example, Warning letter to J Smith</div>
{{#TITLE_ERROR}}<p id="title-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TITLE_ERROR}}
<input class="govuk-input{{#TITLE_ERROR}} govuk-input--error{{/TITLE_ERROR}}" id="title" name="title" type="text" autocomplete="off" value="{{TITLE}}" aria-describedby="title-hint{{#TITLE_ERROR}} title-error{{/TITLE_ERROR}}">
</div>
<div class="govuk-form-group{{#DETAIL_ERROR}} govuk-form-group--error{{/DETAIL_ERROR}}">
<label class="govuk-label govuk-label--s" for="detail">Details (optional)</label>
{{#DETAIL_ERROR}}<p id="detail-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DETAIL_ERROR}}
<textarea class="govuk-textarea{{#DETAIL_ERROR}} govuk-textarea--error{{/DETAIL_ERROR}}" id="detail" name="detail" rows="4"{{#DETAIL_ERROR}} aria-describedby="detail-error"{{/DETAIL_ERROR}}>{{DETAIL:pre_escape}}</textarea>
</div>
<h3 class="govuk-heading-s">Who owns it</h3>
<p class="govuk-body">An agency working this case, and a team or a person of it. The action is on that person's work, or the team's when no person is chosen.</p>
<div class="govuk-form-group{{#AGENCY_ERROR}} govuk-form-group--error{{/AGENCY_ERROR}}">
<label class="govuk-label govuk-label--s" for="agency">Agency</label>
{{#AGENCY_ERROR}}<p id="agency-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/AGENCY_ERROR}}
<select class="govuk-select{{#AGENCY_ERROR}} govuk-select--error{{/AGENCY_ERROR}}" id="agency" name="agency"{{#AGENCY_ERROR}} aria-describedby="agency-error"{{/AGENCY_ERROR}}>
<option value="">Choose an agency</option>
{{#AGENCY_GROUP}}{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTION}}{{/AGENCY_GROUP}}</select>
</div>
<div class="govuk-form-group{{#TEAM_ERROR}} govuk-form-group--error{{/TEAM_ERROR}}">
<label class="govuk-label govuk-label--s" for="team">Team</label>
{{#TEAM_ERROR}}<p id="team-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TEAM_ERROR}}
<select class="govuk-select{{#TEAM_ERROR}} govuk-select--error{{/TEAM_ERROR}}" id="team" name="team"{{#TEAM_ERROR}} aria-describedby="team-error"{{/TEAM_ERROR}}>
<option value="">No team</option>
{{#TEAM_GROUP}}<optgroup label="{{AGENCY}}">
{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTION}}</optgroup>
{{/TEAM_GROUP}}</select>
</div>
<div class="govuk-form-group{{#PERSON_ERROR}} govuk-form-group--error{{/PERSON_ERROR}}">
<label class="govuk-label govuk-label--s" for="person">Person</label>
{{#PERSON_ERROR}}<p id="person-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PERSON_ERROR}}
<select class="govuk-select{{#PERSON_ERROR}} govuk-select--error{{/PERSON_ERROR}}" id="person" name="person"{{#PERSON_ERROR}} aria-describedby="person-error"{{/PERSON_ERROR}}>
<option value="">No one in particular</option>
{{#PERSON_GROUP}}<optgroup label="{{AGENCY}}">
{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTION}}</optgroup>
{{/PERSON_GROUP}}</select>
</div>
{{>DUE_DATE}}
<h3 class="govuk-heading-s">Enforcement</h3>
<p class="govuk-body">For enforcement actions only (the types marked enforcement): left out for the others.</p>
{{>SERVED_DATE}}
{{>EXPIRES_DATE}}
{{>REVIEW_DATE}}
<div class="govuk-form-group{{#CONDITIONS_ERROR}} govuk-form-group--error{{/CONDITIONS_ERROR}}">
<label class="govuk-label govuk-label--s" for="conditions">Conditions (optional)</label>
<div id="conditions-hint" class="govuk-hint">What the order or notice requires or forbids</div>
{{#CONDITIONS_ERROR}}<p id="conditions-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CONDITIONS_ERROR}}
<textarea class="govuk-textarea{{#CONDITIONS_ERROR}} govuk-textarea--error{{/CONDITIONS_ERROR}}" id="conditions" name="conditions" rows="4" aria-describedby="conditions-hint{{#CONDITIONS_ERROR}} conditions-error{{/CONDITIONS_ERROR}}">{{CONDITIONS:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">{{BUTTON}}</button>
</form>
</div>
</div>
{{>FOOT}}
