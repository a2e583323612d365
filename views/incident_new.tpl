{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{#MAP}}<link rel="stylesheet" href="/static/leaflet/leaflet.css?v={{VERSION}}">
<link rel="stylesheet" href="/static/map.css?v={{VERSION}}">{{/MAP}}
<a href="/staff" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Record an incident</h1>
<p class="govuk-body">Fields marked optional may be left blank. Nothing is saved until you select Create incident.</p>
<form method="post" action="/staff/incidents/new" id="incident-new" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="idempotency_key" value="{{IDEM}}">
<input type="hidden" name="people" value="{{PEOPLE}}">

<h2 class="govuk-heading-m">What happened</h2>
<div class="govuk-form-group{{#TYPE_ERROR}} govuk-form-group--error{{/TYPE_ERROR}}">
<label class="govuk-label govuk-label--s" for="type">Type of anti-social behaviour{{OPT_TYPE}}</label>
{{#TYPE_ERROR}}<p id="type-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TYPE_ERROR}}
<select class="govuk-select{{#TYPE_ERROR}} govuk-select--error{{/TYPE_ERROR}}" id="type" name="type"{{#TYPE_ERROR}} aria-describedby="type-error"{{/TYPE_ERROR}}>
<option value="">Choose a type</option>
{{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TYPE_OPTION}}</select>
</div>

<div class="govuk-form-group{{#NSIR_ERROR}} govuk-form-group--error{{/NSIR_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="nsir-hint{{#NSIR_ERROR}} nsir-error{{/NSIR_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">National standard qualifier (NSIR){{OPT_NSIR}}</legend>
<div id="nsir-hint" class="govuk-hint">Who or what the behaviour affects.</div>
{{#NSIR_ERROR}}<p id="nsir-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NSIR_ERROR}}
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="nsir" name="nsir" type="radio" value="personal"{{#NSIR_PERSONAL}} checked{{/NSIR_PERSONAL}}><label class="govuk-label govuk-radios__label" for="nsir">Personal: aimed at a person or group, not the community at large</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="nsir-2" name="nsir" type="radio" value="nuisance"{{#NSIR_NUISANCE}} checked{{/NSIR_NUISANCE}}><label class="govuk-label govuk-radios__label" for="nsir-2">Nuisance: causes trouble, annoyance or suffering to a community</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="nsir-3" name="nsir" type="radio" value="environmental"{{#NSIR_ENVIRONMENTAL}} checked{{/NSIR_ENVIRONMENTAL}}><label class="govuk-label govuk-radios__label" for="nsir-3">Environmental: affects public spaces or the wider environment</label></div>
</div>
</fieldset>
</div>

<div class="govuk-form-group{{#DESCRIPTION_ERROR}} govuk-form-group--error{{/DESCRIPTION_ERROR}}">
<label class="govuk-label govuk-label--s" for="description">Description{{OPT_DESCRIPTION}}</label>
{{#DESCRIPTION_ERROR}}<p id="description-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<textarea class="govuk-textarea{{#DESCRIPTION_ERROR}} govuk-textarea--error{{/DESCRIPTION_ERROR}}" id="description" name="description" rows="5"{{#DESCRIPTION_ERROR}} aria-describedby="description-error"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION:pre_escape}}</textarea>
</div>

<div class="govuk-form-group{{#WHEN_ERROR}} govuk-form-group--error{{/WHEN_ERROR}}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="when-hint{{#WHEN_ERROR}} when-error{{/WHEN_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">When it happened{{OPT_WHEN}}</legend>
<div id="when-hint" class="govuk-hint">For example, 27 3 2026, and a time such as 21:30</div>
{{#WHEN_ERROR}}<p id="when-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/WHEN_ERROR}}
<div class="govuk-date-input">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="when">Day</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#WHEN_ERROR}} govuk-input--error{{/WHEN_ERROR}}" id="when" name="when" type="text" inputmode="numeric" value="{{DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="when-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#WHEN_ERROR}} govuk-input--error{{/WHEN_ERROR}}" id="when-month" name="when-month" type="text" inputmode="numeric" value="{{MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="when-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#WHEN_ERROR}} govuk-input--error{{/WHEN_ERROR}}" id="when-year" name="when-year" type="text" inputmode="numeric" value="{{YEAR}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="when-time">Time (optional)</label><input class="govuk-input govuk-date-input__input govuk-input--width-5{{#WHEN_ERROR}} govuk-input--error{{/WHEN_ERROR}}" id="when-time" name="when-time" type="text" value="{{TIME}}"></div></div>
</div>
</fieldset>
</div>

<h2 class="govuk-heading-m">Where it happened</h2>
<div class="govuk-form-group{{#WHERE_ERROR}} govuk-form-group--error{{/WHERE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="where-hint{{#WHERE_ERROR}} where-error{{/WHERE_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Place{{OPT_WHERE}}</legend>
<div id="where-hint" class="govuk-hint">Give the address, or the nearest street or landmark, or choose the place on the map.</div>
{{#WHERE_ERROR}}<p id="where-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/WHERE_ERROR}}
{{#MAP}}<div id="report-map" class="concord-map" data-module="concord-map-picker" data-tiles="{{MAP_TILES}}" data-attribution="{{MAP_ATTRIBUTION}}" data-lon="{{MAP_LON}}" data-lat="{{MAP_LAT}}" data-zoom="{{MAP_ZOOM}}" data-outline="{{MAP_OUTLINE}}"></div>
<script src="/static/leaflet/leaflet.js?v={{VERSION}}" defer></script>
<script src="/static/map.js?v={{VERSION}}" defer></script>{{/MAP}}
<input type="hidden" id="lon" name="lon" value="{{LON}}">
<input type="hidden" id="lat" name="lat" value="{{LAT}}">
<div class="govuk-form-group">
<label class="govuk-label" for="where">Building and street</label>
<input class="govuk-input{{#WHERE_ERROR}} govuk-input--error{{/WHERE_ERROR}}" id="where" name="where" type="text" value="{{WHERE}}">
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#POSTCODE_ERROR}} govuk-form-group--error{{/POSTCODE_ERROR}}">
<label class="govuk-label" for="postcode">Postcode{{OPT_POSTCODE}}</label>
{{#POSTCODE_ERROR}}<p id="postcode-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/POSTCODE_ERROR}}
<input class="govuk-input govuk-input--width-10{{#POSTCODE_ERROR}} govuk-input--error{{/POSTCODE_ERROR}}" id="postcode" name="postcode" type="text" value="{{POSTCODE}}"{{#POSTCODE_ERROR}} aria-describedby="postcode-error"{{/POSTCODE_ERROR}}>
</div>

<h2 class="govuk-heading-m">Police record</h2>
<div class="govuk-form-group{{#LOG_NUMBER_ERROR}} govuk-form-group--error{{/LOG_NUMBER_ERROR}}">
<label class="govuk-label govuk-label--s" for="log_number">Incident log number{{OPT_LOG_NUMBER}}</label>
<div id="log_number-hint" class="govuk-hint">The force's incident or command-and-control log number{{#LOG_EXAMPLE}}, for example {{EXAMPLE}}{{/LOG_EXAMPLE}}</div>
{{#LOG_NUMBER_ERROR}}<p id="log_number-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LOG_NUMBER_ERROR}}
<input class="govuk-input govuk-input--width-20{{#LOG_NUMBER_ERROR}} govuk-input--error{{/LOG_NUMBER_ERROR}}" id="log_number" name="log_number" type="text" spellcheck="false" value="{{LOG_NUMBER}}" aria-describedby="log_number-hint{{#LOG_NUMBER_ERROR}} log_number-error{{/LOG_NUMBER_ERROR}}">
</div>
<div class="govuk-form-group{{#OFFICER_ERROR}} govuk-form-group--error{{/OFFICER_ERROR}}">
<label class="govuk-label govuk-label--s" for="officer">Officer in charge{{OPT_OFFICER}}</label>
{{#OFFICER_ERROR}}<p id="officer-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OFFICER_ERROR}}
<select class="govuk-select{{#OFFICER_ERROR}} govuk-select--error{{/OFFICER_ERROR}}" id="officer" name="officer"{{#OFFICER_ERROR}} aria-describedby="officer-error"{{/OFFICER_ERROR}}>
<option value="">No officer yet</option>
{{#OFFICER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OFFICER_OPTION}}</select>
</div>

<h2 class="govuk-heading-m" id="people">People involved</h2>
<div class="govuk-form-group{{#VICTIM_ERROR}} govuk-form-group--error{{/VICTIM_ERROR}}{{#PEOPLE_ERROR}} govuk-form-group--error{{/PEOPLE_ERROR}}" id="victim" tabindex="-1">
<p class="govuk-hint">Add each victim, witness, reporter and subject: pick someone already on record by searching for their name or phone number, or type their details. Leave a block empty if it is not needed.</p>
{{#VICTIM_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/VICTIM_ERROR}}
{{#PEOPLE_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PEOPLE_ERROR}}
{{#PERSON}}
<fieldset class="govuk-fieldset concord-person">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Person {{N}}</legend>
<div class="govuk-form-group{{#P_ROLE_ERROR}} govuk-form-group--error{{/P_ROLE_ERROR}}">
<label class="govuk-label" for="person-{{N}}-role">Part in the incident</label>
{{#P_ROLE_ERROR}}<p id="person-{{N}}-role-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/P_ROLE_ERROR}}
<select class="govuk-select{{#P_ROLE_ERROR}} govuk-select--error{{/P_ROLE_ERROR}}" id="person-{{N}}-role" name="person-{{N}}-role">
<option value="">Choose</option>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
</div>
<div class="govuk-form-group{{#P_SEARCH_ERROR}} govuk-form-group--error{{/P_SEARCH_ERROR}}{{#P_EXISTING_ERROR}} govuk-form-group--error{{/P_EXISTING_ERROR}}">
<label class="govuk-label" for="person-{{N}}-search">Find someone already on record (optional)</label>
<div id="person-{{N}}-search-hint" class="govuk-hint">Their full name or phone number</div>
{{#P_EXISTING_ERROR}}<p id="person-{{N}}-existing-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/P_EXISTING_ERROR}}
<div class="govuk-input__wrapper">
<input class="govuk-input govuk-!-width-two-thirds" id="person-{{N}}-search" name="person-{{N}}-search" type="search" value="{{SEARCH}}" aria-describedby="person-{{N}}-search-hint">
<button type="submit" name="action" value="search" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2" data-module="govuk-button">Find<span class="govuk-visually-hidden"> person {{N}}</span></button>
</div>
</div>
{{#SEARCHED}}{{#NOT_FOUND}}<p class="govuk-body">Nobody on record matches. Type their details below.</p>{{/NOT_FOUND}}{{/SEARCHED}}
{{#RESULTS}}<div class="govuk-form-group">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend">People on record who may be person {{N}}</legend>
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="person-{{N}}-existing" name="person-{{N}}-existing" type="radio" value=""{{#NONE_CHECKED}} checked{{/NONE_CHECKED}}><label class="govuk-label govuk-radios__label" for="person-{{N}}-existing">None of these: a new person</label></div>
{{#FOUND}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="person-{{N}}-existing-{{I}}" name="person-{{N}}-existing" type="radio" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-radios__label" for="person-{{N}}-existing-{{I}}">{{NAME}}{{#LEVEL}} <span class="govuk-hint govuk-!-display-inline">({{TEXT}})</span>{{/LEVEL}}</label></div>
{{/FOUND}}</div>
</fieldset>
</div>{{/RESULTS}}
<details class="govuk-details"{{#OPEN}} open{{/OPEN}}>
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Details of person {{N}}</span></summary>
<div class="govuk-details__text">
<div class="govuk-form-group{{#P_GIVEN_NAME_ERROR}} govuk-form-group--error{{/P_GIVEN_NAME_ERROR}}">
<label class="govuk-label" for="person-{{N}}-given-name">First name</label>
{{#P_GIVEN_NAME_ERROR}}<p id="person-{{N}}-given-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/P_GIVEN_NAME_ERROR}}
<input class="govuk-input govuk-!-width-two-thirds{{#P_GIVEN_NAME_ERROR}} govuk-input--error{{/P_GIVEN_NAME_ERROR}}" id="person-{{N}}-given-name" name="person-{{N}}-given-name" type="text" autocomplete="off" spellcheck="false" value="{{GIVEN}}">
</div>
<div class="govuk-form-group{{#P_FAMILY_NAME_ERROR}} govuk-form-group--error{{/P_FAMILY_NAME_ERROR}}">
<label class="govuk-label" for="person-{{N}}-family-name">Last name</label>
{{#P_FAMILY_NAME_ERROR}}<p id="person-{{N}}-family-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/P_FAMILY_NAME_ERROR}}
<input class="govuk-input govuk-!-width-two-thirds{{#P_FAMILY_NAME_ERROR}} govuk-input--error{{/P_FAMILY_NAME_ERROR}}" id="person-{{N}}-family-name" name="person-{{N}}-family-name" type="text" autocomplete="off" spellcheck="false" value="{{FAMILY}}">
</div>
<div class="govuk-form-group{{#P_DOB_ERROR}} govuk-form-group--error{{/P_DOB_ERROR}}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="person-{{N}}-dob-hint{{#P_DOB_ERROR}} person-{{N}}-dob-error{{/P_DOB_ERROR}}">
<legend class="govuk-fieldset__legend">Date of birth</legend>
<div id="person-{{N}}-dob-hint" class="govuk-hint">For example, 31 3 1980</div>
{{#P_DOB_ERROR}}<p id="person-{{N}}-dob-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/P_DOB_ERROR}}
<div class="govuk-date-input">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="person-{{N}}-dob">Day</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#P_DOB_ERROR}} govuk-input--error{{/P_DOB_ERROR}}" id="person-{{N}}-dob" name="person-{{N}}-dob" type="text" inputmode="numeric" value="{{DOB_DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="person-{{N}}-dob-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#P_DOB_ERROR}} govuk-input--error{{/P_DOB_ERROR}}" id="person-{{N}}-dob-month" name="person-{{N}}-dob-month" type="text" inputmode="numeric" value="{{DOB_MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="person-{{N}}-dob-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#P_DOB_ERROR}} govuk-input--error{{/P_DOB_ERROR}}" id="person-{{N}}-dob-year" name="person-{{N}}-dob-year" type="text" inputmode="numeric" value="{{DOB_YEAR}}"></div></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#P_PHONE_ERROR}} govuk-form-group--error{{/P_PHONE_ERROR}}">
<label class="govuk-label" for="person-{{N}}-phone">Phone number</label>
{{#P_PHONE_ERROR}}<p id="person-{{N}}-phone-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/P_PHONE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#P_PHONE_ERROR}} govuk-input--error{{/P_PHONE_ERROR}}" id="person-{{N}}-phone" name="person-{{N}}-phone" type="tel" autocomplete="off" value="{{PHONE}}">
</div>
<div class="govuk-form-group{{#P_EMAIL_ERROR}} govuk-form-group--error{{/P_EMAIL_ERROR}}">
<label class="govuk-label" for="person-{{N}}-email">Email address</label>
{{#P_EMAIL_ERROR}}<p id="person-{{N}}-email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/P_EMAIL_ERROR}}
<input class="govuk-input{{#P_EMAIL_ERROR}} govuk-input--error{{/P_EMAIL_ERROR}}" id="person-{{N}}-email" name="person-{{N}}-email" type="email" autocomplete="off" spellcheck="false" value="{{EMAIL}}">
</div>
<div class="govuk-form-group{{#P_ADDRESS_ERROR}} govuk-form-group--error{{/P_ADDRESS_ERROR}}">
<label class="govuk-label" for="person-{{N}}-address">Address</label>
{{#P_ADDRESS_ERROR}}<p id="person-{{N}}-address-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/P_ADDRESS_ERROR}}
<input class="govuk-input{{#P_ADDRESS_ERROR}} govuk-input--error{{/P_ADDRESS_ERROR}}" id="person-{{N}}-address" name="person-{{N}}-address" type="text" autocomplete="off" value="{{ADDRESS}}">
</div>
<div class="govuk-form-group{{#P_POSTCODE_ERROR}} govuk-form-group--error{{/P_POSTCODE_ERROR}}">
<label class="govuk-label" for="person-{{N}}-postcode">Postcode</label>
{{#P_POSTCODE_ERROR}}<p id="person-{{N}}-postcode-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/P_POSTCODE_ERROR}}
<input class="govuk-input govuk-input--width-10{{#P_POSTCODE_ERROR}} govuk-input--error{{/P_POSTCODE_ERROR}}" id="person-{{N}}-postcode" name="person-{{N}}-postcode" type="text" autocomplete="off" value="{{POSTCODE}}">
</div>
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="person-{{N}}-vulnerable" name="person-{{N}}-vulnerable" type="checkbox" value="yes"{{#VULNERABLE}} checked{{/VULNERABLE}}><label class="govuk-label govuk-checkboxes__label" for="person-{{N}}-vulnerable">This person is vulnerable</label></div>
</div>
</div>
</details>
</fieldset>
{{/PERSON}}
{{#CAN_ADD_PERSON}}<button type="submit" name="action" value="add-person" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add another person</button>{{/CAN_ADD_PERSON}}
</div>

{{#RISK}}
<h2 class="govuk-heading-m">Risk assessment</h2>
<div class="govuk-form-group{{#RISK_ERROR}} govuk-form-group--error{{/RISK_ERROR}}" id="risk" tabindex="-1">
<input type="hidden" name="risk_version" value="{{RISK_VERSION}}">
<p class="govuk-hint">{{RISK_NAME}} (version {{RISK_VERSION}}){{OPT_RISK}}. Answer every question with the victim.</p>
{{#RISK_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RISK_ERROR}}
{{#QUESTION}}
<div class="govuk-form-group{{#QUESTION_ERROR}} govuk-form-group--error{{/QUESTION_ERROR}}">
<fieldset class="govuk-fieldset"{{#HINT}} aria-describedby="risk-{{KEY}}-hint"{{/HINT}}>
<legend class="govuk-fieldset__legend">{{LABEL}}</legend>
{{#HINT}}<div id="risk-{{KEY}}-hint" class="govuk-hint">{{TEXT}}</div>{{/HINT}}
{{#QUESTION_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/QUESTION_ERROR}}
<div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="risk-{{KEY}}" name="risk-{{KEY}}" type="radio" value="yes"{{#ANSWER_YES}} checked{{/ANSWER_YES}}><label class="govuk-label govuk-radios__label" for="risk-{{KEY}}">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="risk-{{KEY}}-2" name="risk-{{KEY}}" type="radio" value="no"{{#ANSWER_NO}} checked{{/ANSWER_NO}}><label class="govuk-label govuk-radios__label" for="risk-{{KEY}}-2">No</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="risk-{{KEY}}-3" name="risk-{{KEY}}" type="radio" value="unknown"{{#ANSWER_UNKNOWN}} checked{{/ANSWER_UNKNOWN}}><label class="govuk-label govuk-radios__label" for="risk-{{KEY}}-3">Don't know</label></div>
</div>
</fieldset>
</div>
{{/QUESTION}}
</div>
{{/RISK}}

<h2 class="govuk-heading-m">Similar incidents</h2>
<p class="govuk-body">Open incidents near the place or involving the same people may be the same problem.</p>
<button type="submit" name="action" value="similar" class="govuk-button govuk-button--secondary" data-module="govuk-button">Check for similar incidents</button>
<p class="govuk-body" id="similar-status" aria-live="polite"></p>
<script src="/static/similar.js?v={{VERSION}}" defer></script>
{{#SIMILAR}}
<div class="govuk-form-group{{#LINK_ERROR}} govuk-form-group--error{{/LINK_ERROR}}">
<fieldset class="govuk-fieldset"{{#LINK_ERROR}} aria-describedby="link-error"{{/LINK_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{{COUNT}} similar open incidents found: is this one of them?</legend>
{{#LINK_ERROR}}<p id="link-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LINK_ERROR}}
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
{{#ROW}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="link-{{I}}" name="link" type="radio" value="{{REFERENCE}}" aria-describedby="link-{{I}}-hint"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-radios__label" for="link-{{I}}">Link to {{REFERENCE}}: {{TYPE}}, {{DATE}}</label><div id="link-{{I}}-hint" class="govuk-hint govuk-radios__hint">{{WHY}}{{#AWAY}}, {{DISTANCE}}{{/AWAY}}. <a class="govuk-link" href="/staff/incidents/{{REFERENCE}}" target="_blank" rel="noopener">Open {{REFERENCE}} in a new tab</a></div></div>
{{/ROW}}<div class="govuk-radios__divider">or</div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="link" name="link" type="radio" value="new"{{#NEW_CHECKED}} checked{{/NEW_CHECKED}}><label class="govuk-label govuk-radios__label" for="link">This is a new incident</label></div>
</div>
</fieldset>
</div>
{{/SIMILAR}}

<div class="govuk-button-group">
<button type="submit" name="action" value="create" class="govuk-button" data-module="govuk-button">Create incident</button>
</div>
</form>
</div>
</div>
{{>FOOT}}
