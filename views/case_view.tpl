{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{>ERROR_SUMMARY}}
{{>CASE_HEAD}}
{{#RED}}<div class="govuk-warning-text concord-case-red" id="risk-warning">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> A victim on this case has no current risk assessment. Assess them, or review the assessment that is overdue.</strong>
</div>{{/RED}}

<h2 class="govuk-heading-m" id="people">People</h2>
<div class="concord-table-scroll" role="region" aria-label="People on this case" tabindex="0">
<table class="govuk-table" id="case-people">
<caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">People on this case</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Part</th>
<th scope="col" class="govuk-table__header">Contact</th>
<th scope="col" class="govuk-table__header">Risk assessment</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#PERSON}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{#LINK}}<a class="govuk-link" href="/staff/people/{{ID}}">{{/LINK}}{{NAME}}{{#LINK}}</a>{{/LINK}}{{#VULNERABLE}} <strong class="govuk-tag govuk-tag--orange">Vulnerable</strong>{{/VULNERABLE}}{{#WITHHELD}}<br><span class="govuk-body-s">Details not shared with your agency</span>{{/WITHHELD}}</td>
<td class="govuk-table__cell">{{ROLE}}{{#MEMBER}}, member of {{GROUP}}{{/MEMBER}}</td>
<td class="govuk-table__cell">{{PHONE}} {{EMAIL}} {{ADDRESS}}</td>
<td class="govuk-table__cell">{{#RISK_CURRENT}}<strong class="govuk-tag govuk-tag--green">Current</strong>{{/RISK_CURRENT}}{{#RISK_OVERDUE}}<strong class="govuk-tag govuk-tag--red">Review overdue</strong>{{/RISK_OVERDUE}}{{#RISK_NONE}}<strong class="govuk-tag govuk-tag--red">Not assessed</strong>{{/RISK_NONE}}</td></tr>
{{/PERSON}}</tbody>
</table>
</div>
{{#OPEN}}
<details class="govuk-details">
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Add a person</span></summary>
<div class="govuk-details__text">
<form method="post" action="/staff/cases/{{REFERENCE}}/people" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#PERSON_ERROR}} govuk-form-group--error{{/PERSON_ERROR}}">
<label class="govuk-label" for="person">Person number</label>
<div id="person-hint" class="govuk-hint">From the address of their page, /staff/people/<em>number</em></div>
{{#PERSON_ERROR}}<p id="person-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PERSON_ERROR}}
<input class="govuk-input govuk-input--width-10{{#PERSON_ERROR}} govuk-input--error{{/PERSON_ERROR}}" id="person" name="person" type="text" inputmode="numeric" value="{{F_PERSON}}" aria-describedby="person-hint">
</div>
<div class="govuk-form-group{{#ROLE_ERROR}} govuk-form-group--error{{/ROLE_ERROR}}">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Their part in the case</legend>
{{#ROLE_ERROR}}<p id="role-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ROLE_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="role" name="role" type="radio" value="victim"><label class="govuk-label govuk-radios__label" for="role">Victim</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="role-subject" name="role" type="radio" value="subject"><label class="govuk-label govuk-radios__label" for="role-subject">Subject</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="role-witness" name="role" type="radio" value="witness"><label class="govuk-label govuk-radios__label" for="role-witness">Witness</label></div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add the person</button>
</form>
</div>
</details>
<details class="govuk-details">
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Add a named group</span></summary>
<div class="govuk-details__text">
<form method="post" action="/staff/cases/{{REFERENCE}}/groups" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#GROUP_ERROR}} govuk-form-group--error{{/GROUP_ERROR}}">
<label class="govuk-label" for="group">Name of the group</label>
{{#GROUP_ERROR}}<p id="group-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/GROUP_ERROR}}
<input class="govuk-input{{#GROUP_ERROR}} govuk-input--error{{/GROUP_ERROR}}" id="group" name="group" type="text" value="{{F_GROUP}}">
</div>
{{#SUBJECT}}<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="member-{{ID}}" name="member-{{ID}}" type="checkbox" value="1"><label class="govuk-label govuk-checkboxes__label" for="member-{{ID}}">{{NAME}} is a member</label></div>
{{/SUBJECT}}
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-top-4" data-module="govuk-button">Add the group</button>
</form>
</div>
</details>
{{/OPEN}}

<h2 class="govuk-heading-m" id="places">Places</h2>
<ul class="govuk-list govuk-list--bullet" id="case-places">
{{#PLACE}}<li>{{LABEL}} {{POSTCODE}}, within {{RADIUS}} m{{#POINT}} of {{LAT}}, {{LON}}{{/POINT}}</li>
{{/PLACE}}</ul>
{{#OPEN}}
<details class="govuk-details">
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Add a place</span></summary>
<div class="govuk-details__text">
<form method="post" action="/staff/cases/{{REFERENCE}}/places" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#LABEL_ERROR}} govuk-form-group--error{{/LABEL_ERROR}}">
<label class="govuk-label" for="label">What to call it</label>
{{#LABEL_ERROR}}<p id="label-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LABEL_ERROR}}
<input class="govuk-input{{#LABEL_ERROR}} govuk-input--error{{/LABEL_ERROR}}" id="label" name="label" type="text" value="{{F_LABEL}}">
</div>
<div class="govuk-form-group{{#ADDRESS_ERROR}} govuk-form-group--error{{/ADDRESS_ERROR}}"><label class="govuk-label" for="address">Address (optional)</label>
{{#ADDRESS_ERROR}}<p id="address-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ADDRESS_ERROR}}
<input class="govuk-input{{#ADDRESS_ERROR}} govuk-input--error{{/ADDRESS_ERROR}}" id="address" name="address" type="text" value="{{F_ADDRESS}}"></div>
<div class="govuk-form-group{{#POSTCODE_ERROR}} govuk-form-group--error{{/POSTCODE_ERROR}}"><label class="govuk-label" for="postcode">Postcode (optional)</label>
{{#POSTCODE_ERROR}}<p id="postcode-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/POSTCODE_ERROR}}
<input class="govuk-input govuk-input--width-10{{#POSTCODE_ERROR}} govuk-input--error{{/POSTCODE_ERROR}}" id="postcode" name="postcode" type="text" value="{{F_POSTCODE}}"></div>
<div class="govuk-form-group{{#LAT_ERROR}} govuk-form-group--error{{/LAT_ERROR}}">
<label class="govuk-label" for="lat">Latitude (optional)</label>
{{#LAT_ERROR}}<p id="lat-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LAT_ERROR}}
<input class="govuk-input govuk-input--width-10{{#LAT_ERROR}} govuk-input--error{{/LAT_ERROR}}" id="lat" name="lat" type="text" value="{{F_LAT}}"></div>
<div class="govuk-form-group{{#LON_ERROR}} govuk-form-group--error{{/LON_ERROR}}"><label class="govuk-label" for="lon">Longitude (optional)</label>
{{#LON_ERROR}}<p id="lon-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LON_ERROR}}
<input class="govuk-input govuk-input--width-10" id="lon" name="lon" type="text" value="{{F_LON}}"></div>
<div class="govuk-form-group{{#RADIUS_ERROR}} govuk-form-group--error{{/RADIUS_ERROR}}">
<label class="govuk-label" for="radius">Radius in metres</label>
{{#RADIUS_ERROR}}<p id="radius-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RADIUS_ERROR}}
<input class="govuk-input govuk-input--width-5" id="radius" name="radius" type="text" inputmode="numeric" value="{{F_RADIUS}}"></div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add the place</button>
</form>
</div>
</details>
{{/OPEN}}

<h2 class="govuk-heading-m" id="incidents">Linked incidents</h2>
<div class="concord-table-scroll" role="region" aria-label="Incidents linked to this case" tabindex="0">
<table class="govuk-table" id="case-incidents">
<caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Incidents linked to this case</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Reference</th><th scope="col" class="govuk-table__header">Type</th>
<th scope="col" class="govuk-table__header">Reported</th><th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header">Risk</th></tr></thead>
<tbody class="govuk-table__body">
{{#INCIDENT}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/staff/incidents/{{REF}}">{{REF}}</a></td><td class="govuk-table__cell">{{TYPE}}</td><td class="govuk-table__cell">{{DATE}}</td><td class="govuk-table__cell">{{STATUS}}</td><td class="govuk-table__cell">{{RISK}}</td></tr>
{{/INCIDENT}}</tbody>
</table>
</div>
{{#OPEN}}
<form method="post" action="/staff/cases/{{REFERENCE}}/incidents" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#INCIDENT_ERROR}} govuk-form-group--error{{/INCIDENT_ERROR}}">
<label class="govuk-label" for="incident">Link an incident by its reference</label>
{{#INCIDENT_ERROR}}<p id="incident-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/INCIDENT_ERROR}}
<input class="govuk-input govuk-input--width-20{{#INCIDENT_ERROR}} govuk-input--error{{/INCIDENT_ERROR}}" id="incident" name="incident" type="text" value="{{F_INCIDENT}}">
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Link the incident</button>
</form>

<h2 class="govuk-heading-m" id="suggestions">Suggested incidents</h2>
{{#NO_SUGGESTIONS}}<p class="govuk-body">No incidents to suggest. Incidents that share a person with this case, or happen at one of its places, show here as they arrive.</p>{{/NO_SUGGESTIONS}}
{{#SUGGESTION}}<div class="govuk-summary-card concord-case-suggestion" data-incident="{{REF}}">
<div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title"><a class="govuk-link" href="/staff/incidents/{{REF}}">{{REF}}</a>, {{TYPE}}, {{DATE}}</h3></div>
<div class="govuk-summary-card__content">
<p class="govuk-body">{{WHY}}.</p>
<form method="post" action="/staff/cases/{{REFERENCE}}/incidents" novalidate class="govuk-!-display-inline-block">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="incident" value="{{REF}}"><input type="hidden" name="suggested" value="1">
<button type="submit" class="govuk-button" data-module="govuk-button">Link {{REF}}</button>
</form>
<form method="post" action="/staff/cases/{{REFERENCE}}/suggestions/dismiss" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="incident" value="{{REF}}">
<div class="govuk-form-group"><label class="govuk-label" for="reason-{{REF}}">Why it is not this case's</label>
<input class="govuk-input" id="reason-{{REF}}" name="reason" type="text"></div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Dismiss {{REF}}</button>
</form>
</div></div>
{{/SUGGESTION}}
{{/OPEN}}

<h2 class="govuk-heading-m" id="agencies">Agencies working this case</h2>
<ul class="govuk-list" id="case-agencies">
<li>{{LEAD_AGENCY}} <strong class="govuk-tag govuk-tag--blue">Lead</strong></li>
{{#AGENCY}}<li>{{NAME}}, since {{ADDED}}{{#REMOVE}}
<form method="post" action="/staff/cases/{{REFERENCE}}/agencies/remove" novalidate class="govuk-!-display-inline-block">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="agency" value="{{ID}}">
<button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Remove {{NAME}}</button>
</form>{{/REMOVE}}</li>
{{/AGENCY}}</ul>
<h3 class="govuk-heading-s">Victims' consent to share their details</h3>
<table class="govuk-table" id="case-consent">
<caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Each victim's latest answer for each agency</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Victim</th><th scope="col" class="govuk-table__header">Agency</th>
<th scope="col" class="govuk-table__header">Consented</th><th scope="col" class="govuk-table__header">How</th>
<th scope="col" class="govuk-table__header">Recorded</th></tr></thead>
<tbody class="govuk-table__body">
{{#CONSENT}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{VICTIM}}</td><td class="govuk-table__cell">{{AGENCY}}</td><td class="govuk-table__cell">{{ANSWER}}</td><td class="govuk-table__cell">{{HOW}}</td><td class="govuk-table__cell">{{WHEN}}</td></tr>
{{/CONSENT}}</tbody>
</table>
{{#OPEN}}{{#ADD_AGENCY}}
<form method="post" action="/staff/cases/{{REFERENCE}}/agencies" novalidate id="add-agency">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#AGENCY_ERROR}} govuk-form-group--error{{/AGENCY_ERROR}}">
<label class="govuk-label govuk-label--s" for="agency">Add an agency to work this case</label>
{{#AGENCY_ERROR}}<p id="agency-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/AGENCY_ERROR}}
<select class="govuk-select" id="agency" name="agency">
<option value="">Choose an agency</option>
{{#ADDABLE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/ADDABLE}}</select>
</div>
{{#VICTIM_ASK}}<div class="govuk-form-group{{#CONSENT_ERROR}} govuk-form-group--error{{/CONSENT_ERROR}}">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Did {{NAME}} consent to this agency seeing their details?</legend>
{{#CONSENT_ERROR}}<p id="consent-{{PERSON_ID}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CONSENT_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="consent-{{PERSON_ID}}" name="consent-{{PERSON_ID}}" type="radio" value="yes"><label class="govuk-label govuk-radios__label" for="consent-{{PERSON_ID}}">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="consent-{{PERSON_ID}}-no" name="consent-{{PERSON_ID}}" type="radio" value="no"><label class="govuk-label govuk-radios__label" for="consent-{{PERSON_ID}}-no">No</label></div>
</div>
</fieldset>
<label class="govuk-label" for="how-{{PERSON_ID}}">How they said so (for example "by phone on 2 December")</label>
<input class="govuk-input" id="how-{{PERSON_ID}}" name="how-{{PERSON_ID}}" type="text">
</div>
{{/VICTIM_ASK}}
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add the agency</button>
</form>
{{/ADD_AGENCY}}{{/OPEN}}

{{#LEAD_FORM}}
<h2 class="govuk-heading-m" id="lead">Lead officer</h2>
<form method="post" action="/staff/cases/{{REFERENCE}}/lead" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#LEAD_OFFICER_ERROR}} govuk-form-group--error{{/LEAD_OFFICER_ERROR}}">
<label class="govuk-label" for="lead-officer">The victim's single point of contact</label>
<div id="lead-hint" class="govuk-hint">Choosing someone of another agency working the case makes that agency the lead; yours goes on working it and every consent answer stays.</div>
{{#LEAD_OFFICER_ERROR}}<p id="lead-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LEAD_OFFICER_ERROR}}
<select class="govuk-select" id="lead-officer" name="lead" aria-describedby="lead-hint">
{{#OFFICER}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/OFFICER}}</select>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Change the lead officer</button>
</form>
{{/LEAD_FORM}}

<h2 class="govuk-heading-m" id="closure">Closure</h2>
{{#CLOSURE}}<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Closed</dt><dd class="govuk-summary-list__value">{{CLOSED}}: {{OUTCOME}}{{#REOPENED}} (reopened {{WHEN}}){{/REOPENED}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Victim told</dt><dd class="govuk-summary-list__value">{{TOLD_ON}} {{TOLD_HOW}}: {{TOLD_WHAT}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Shown to the public</dt><dd class="govuk-summary-list__value">{{PUBLIC_REASON}}</dd></div>
</dl>{{/CLOSURE}}
{{#CLOSE_FORM}}
<form method="post" action="/staff/cases/{{REFERENCE}}/close" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#OUTCOME_ERROR}} govuk-form-group--error{{/OUTCOME_ERROR}}">
<label class="govuk-label" for="outcome">Outcome</label>
{{#OUTCOME_ERROR}}<p id="outcome-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OUTCOME_ERROR}}
<select class="govuk-select" id="outcome" name="outcome"><option value="">Choose an outcome</option>
{{#OUTCOME_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OUTCOME_OPTION}}</select>
</div>
<div class="govuk-form-group{{#NOTE_ERROR}} govuk-form-group--error{{/NOTE_ERROR}}"><label class="govuk-label" for="note">Note for staff (optional)</label>
{{#NOTE_ERROR}}<p id="note-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NOTE_ERROR}}
<textarea class="govuk-textarea" id="note" name="note" rows="3">{{F_NOTE}}</textarea></div>
<div class="govuk-form-group{{#TOLD_ERROR}} govuk-form-group--error{{/TOLD_ERROR}}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="told-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">When was the victim told the case is closing, and why?</legend>
<div id="told-hint" class="govuk-hint">For example, 3 12 2026. Leave it blank only when the case has no victim.</div>
{{#TOLD_ERROR}}<p id="told-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TOLD_ERROR}}
<div class="govuk-date-input" id="told">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="told-day">Day</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#TOLD_DAY_PART}} govuk-input--error{{/TOLD_DAY_PART}}" id="told-day" name="told-day" type="text" inputmode="numeric" value="{{F_TOLD_DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="told-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#TOLD_MONTH_PART}} govuk-input--error{{/TOLD_MONTH_PART}}" id="told-month" name="told-month" type="text" inputmode="numeric" value="{{F_TOLD_MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="told-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#TOLD_YEAR_PART}} govuk-input--error{{/TOLD_YEAR_PART}}" id="told-year" name="told-year" type="text" inputmode="numeric" value="{{F_TOLD_YEAR}}"></div></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#TOLD_HOW_ERROR}} govuk-form-group--error{{/TOLD_HOW_ERROR}}">
<label class="govuk-label" for="told-how">How they were told</label>
{{#TOLD_HOW_ERROR}}<p id="told-how-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TOLD_HOW_ERROR}}
<select class="govuk-select" id="told-how" name="told-how"><option value="">Choose how</option>
{{#HOW_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/HOW_OPTION}}</select>
</div>
<div class="govuk-form-group{{#TOLD_WHAT_ERROR}} govuk-form-group--error{{/TOLD_WHAT_ERROR}}">
<label class="govuk-label" for="told-what">What they were told</label>
{{#TOLD_WHAT_ERROR}}<p id="told-what-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TOLD_WHAT_ERROR}}
<textarea class="govuk-textarea" id="told-what" name="told-what" rows="3">{{F_TOLD_WHAT}}</textarea>
</div>
<div class="govuk-form-group{{#PUBLIC_REASON_ERROR}} govuk-form-group--error{{/PUBLIC_REASON_ERROR}}">
<label class="govuk-label" for="public-reason">The reason shown on the victim's tracking page (optional)</label>
<div id="public-reason-hint" class="govuk-hint">A victim who reported online sees: "A monitored case about your reports was closed on <em>date</em>:" and this.</div>
{{#PUBLIC_REASON_ERROR}}<p id="public-reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PUBLIC_REASON_ERROR}}
<input class="govuk-input" id="public-reason" name="public-reason" type="text" value="{{F_PUBLIC_REASON}}" aria-describedby="public-reason-hint">
</div>
<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Close the case</button>
</form>
{{/CLOSE_FORM}}
{{#REOPEN_FORM}}
<form method="post" action="/staff/cases/{{REFERENCE}}/reopen" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#REOPEN_REASON_ERROR}} govuk-form-group--error{{/REOPEN_REASON_ERROR}}">
<label class="govuk-label" for="reopen-reason">Why it is reopened</label>
{{#REOPEN_REASON_ERROR}}<p id="reopen-reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REOPEN_REASON_ERROR}}
<input class="govuk-input" id="reopen-reason" name="reopen-reason" type="text" value="{{F_REOPEN_REASON}}">
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Reopen the case</button>
</form>
{{/REOPEN_FORM}}
{{>FOOT}}
