{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#DONE}}
<div class="govuk-panel govuk-panel--confirmation">
<h2 class="govuk-panel__title">{{#CREATED}}Incident created{{/CREATED}}{{#ADDED}}Call added{{/ADDED}}</h2>
<div class="govuk-panel__body">Reference<br><strong id="done-reference">{{REFERENCE}}</strong></div>
</div>
<p class="govuk-body"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">Open incident {{REFERENCE}}</a></p>
{{/DONE}}
{{>ERROR_SUMMARY}}
{{#NEW}}<h1 class="govuk-heading-l">Take a call</h1>{{/NEW}}
{{#BOUND}}
<h1 class="govuk-heading-l">Add a call to {{REFERENCE}}</h1>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Type</dt><dd class="govuk-summary-list__value">{{TYPE}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Where</dt><dd class="govuk-summary-list__value">{{PLACE}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reported</dt><dd class="govuk-summary-list__value">{{REPORTED}}</dd></div>
</dl>
<p class="govuk-body"><a class="govuk-link" href="/staff/quick">Not this incident: take the call as a new one</a></p>
{{/BOUND}}
<form method="post" action="/staff/quick" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#BOUND}}<input type="hidden" name="incident" value="{{REFERENCE}}">{{/BOUND}}
{{#NEW}}
<div class="govuk-form-group{{#TYPE_ERROR}} govuk-form-group--error{{/TYPE_ERROR}}">
<label class="govuk-label govuk-label--s" for="type">Type of behaviour{{#OPT_TYPE}} (optional){{/OPT_TYPE}}</label>
<div id="type-hint" class="govuk-hint">Start typing: the name or the code</div>
{{#TYPE_ERROR}}<p id="type-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TYPE_ERROR}}
<input class="govuk-input govuk-!-width-two-thirds{{#TYPE_ERROR}} govuk-input--error{{/TYPE_ERROR}}" id="type" name="type" type="text" list="type-list" autocomplete="off" spellcheck="false" value="{{F_TYPE}}" aria-describedby="type-hint{{#TYPE_ERROR}} type-error{{/TYPE_ERROR}}"{{#AF_TYPE}} autofocus{{/AF_TYPE}}>
<datalist id="type-list">
{{#TYPE_OPTION}}<option value="{{NAME}}">{{CODE}}</option>
{{/TYPE_OPTION}}</datalist>
</div>
<div class="govuk-form-group{{#WHERE_ERROR}} govuk-form-group--error{{/WHERE_ERROR}}{{#POSTCODE_ERROR}} govuk-form-group--error{{/POSTCODE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="where-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Where{{#OPT_WHERE}} (optional){{/OPT_WHERE}}</legend>
<div id="where-hint" class="govuk-hint">A postcode, an address or place, or tick that it is at the caller's address</div>
{{#WHERE_ERROR}}<p id="where-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/WHERE_ERROR}}
{{#POSTCODE_ERROR}}<p id="postcode-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/POSTCODE_ERROR}}
<div class="govuk-form-group">
<label class="govuk-label" for="postcode">Postcode</label>
<input class="govuk-input govuk-input--width-10{{#POSTCODE_ERROR}} govuk-input--error{{/POSTCODE_ERROR}}" id="postcode" name="postcode" type="text" autocomplete="off" spellcheck="false" value="{{F_POSTCODE}}"{{#POSTCODE_ERROR}} aria-describedby="postcode-error"{{/POSTCODE_ERROR}}{{#AF_POSTCODE}} autofocus{{/AF_POSTCODE}}>
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="where">Address or place</label>
<input class="govuk-input{{#WHERE_ERROR}} govuk-input--error{{/WHERE_ERROR}}" id="where" name="address" type="text" autocomplete="off" value="{{F_ADDRESS}}"{{#WHERE_ERROR}} aria-describedby="where-error"{{/WHERE_ERROR}}{{#AF_WHERE}} autofocus{{/AF_WHERE}}>
</div>
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="at_caller_address" name="at_caller_address" type="checkbox" value="1"{{#AT_CALLER_ADDRESS}} checked{{/AT_CALLER_ADDRESS}}>
<label class="govuk-label govuk-checkboxes__label" for="at_caller_address">At the caller's address</label>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#WHEN_ERROR}} govuk-form-group--error{{/WHEN_ERROR}}">
<label class="govuk-label govuk-label--s" for="when">When it happened{{#OPT_WHEN}} (optional){{/OPT_WHEN}}</label>
<div id="when-hint" class="govuk-hint">Leave blank for now, or a time today like 14:05, or a date and time like 27/03/2026 14:05</div>
{{#WHEN_ERROR}}<p id="when-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/WHEN_ERROR}}
<input class="govuk-input govuk-input--width-20{{#WHEN_ERROR}} govuk-input--error{{/WHEN_ERROR}}" id="when" name="when" type="text" autocomplete="off" value="{{F_WHEN}}" aria-describedby="when-hint{{#WHEN_ERROR}} when-error{{/WHEN_ERROR}}"{{#AF_WHEN}} autofocus{{/AF_WHEN}}>
</div>
{{/NEW}}
<div class="govuk-form-group{{#CALLER_ERROR}} govuk-form-group--error{{/CALLER_ERROR}}">
<label class="govuk-label govuk-label--s" for="caller">Caller's name{{#OPT_CALLER}} (optional){{/OPT_CALLER}}</label>
{{#CALLER_ERROR}}<p id="caller-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CALLER_ERROR}}
<input class="govuk-input govuk-!-width-two-thirds{{#CALLER_ERROR}} govuk-input--error{{/CALLER_ERROR}}" id="caller" name="caller_name" type="text" autocomplete="off" spellcheck="false" value="{{F_CALLER_NAME}}"{{#CALLER_ERROR}} aria-describedby="caller-error"{{/CALLER_ERROR}}{{#AF_CALLER}} autofocus{{/AF_CALLER}}>
</div>
<div class="govuk-form-group{{#CALLER_PHONE_ERROR}} govuk-form-group--error{{/CALLER_PHONE_ERROR}}">
<label class="govuk-label govuk-label--s" for="caller_phone">Caller's phone number{{#OPT_CALLER_PHONE}} (optional){{/OPT_CALLER_PHONE}}</label>
{{#CALLER_PHONE_ERROR}}<p id="caller_phone-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CALLER_PHONE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#CALLER_PHONE_ERROR}} govuk-input--error{{/CALLER_PHONE_ERROR}}" id="caller_phone" name="caller_phone" type="tel" autocomplete="off" value="{{F_CALLER_PHONE}}"{{#CALLER_PHONE_ERROR}} aria-describedby="caller_phone-error"{{/CALLER_PHONE_ERROR}}{{#AF_CALLER_PHONE}} autofocus{{/AF_CALLER_PHONE}}>
</div>
<div class="govuk-form-group{{#DESCRIPTION_ERROR}} govuk-form-group--error{{/DESCRIPTION_ERROR}}">
<label class="govuk-label govuk-label--s" for="description">What happened{{#OPT_DESCRIPTION}} (optional){{/OPT_DESCRIPTION}}</label>
<div id="description-hint" class="govuk-hint">In a few words, as the caller says it</div>
{{#DESCRIPTION_ERROR}}<p id="description-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<input class="govuk-input{{#DESCRIPTION_ERROR}} govuk-input--error{{/DESCRIPTION_ERROR}}" id="description" name="description" type="text" autocomplete="off" value="{{F_DESCRIPTION}}" aria-describedby="description-hint{{#DESCRIPTION_ERROR}} description-error{{/DESCRIPTION_ERROR}}"{{#AF_DESCRIPTION}} autofocus{{/AF_DESCRIPTION}}>
</div>
<div class="govuk-form-group{{#LOG_NUMBER_ERROR}} govuk-form-group--error{{/LOG_NUMBER_ERROR}}">
<label class="govuk-label govuk-label--s" for="log_number">Log number{{#OPT_LOG_NUMBER}} (optional){{/OPT_LOG_NUMBER}}</label>
{{#LOG_EXAMPLE}}<div id="log_number-hint" class="govuk-hint">For example, {{TEXT}}</div>{{/LOG_EXAMPLE}}
{{#LOG_NUMBER_ERROR}}<p id="log_number-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LOG_NUMBER_ERROR}}
<input class="govuk-input govuk-input--width-20{{#LOG_NUMBER_ERROR}} govuk-input--error{{/LOG_NUMBER_ERROR}}" id="log_number" name="log_number" type="text" autocomplete="off" spellcheck="false" value="{{F_LOG_NUMBER}}"{{#LOG_NUMBER_ERROR}} aria-describedby="log_number-error"{{/LOG_NUMBER_ERROR}}{{#AF_LOG_NUMBER}} autofocus{{/AF_LOG_NUMBER}}>
</div>
<div class="govuk-form-group{{#SCREENING_ERROR}} govuk-form-group--error{{/SCREENING_ERROR}}">
<h2 class="govuk-heading-s">Screening{{#OPT_SCREENING}} (optional){{/OPT_SCREENING}}</h2>
<p id="screening-hint" class="govuk-hint">Any yes asks an officer for a full risk assessment</p>
{{#SCREENING_ERROR}}<p id="screening-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SCREENING_ERROR}}
<fieldset class="govuk-fieldset govuk-!-margin-bottom-2" aria-describedby="screening-hint">
<legend class="govuk-fieldset__legend">Is this a repeat?</legend>
<div class="govuk-radios govuk-radios--inline govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="screening" name="s_repeat" type="radio" value="yes"{{#S_REPEAT_YES}} checked{{/S_REPEAT_YES}}{{#AF_SCREENING}} autofocus{{/AF_SCREENING}}><label class="govuk-label govuk-radios__label" for="screening">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="s_repeat-no" name="s_repeat" type="radio" value="no"{{#S_REPEAT_NO}} checked{{/S_REPEAT_NO}}><label class="govuk-label govuk-radios__label" for="s_repeat-no">No</label></div>
</div>
</fieldset>
<fieldset class="govuk-fieldset govuk-!-margin-bottom-2">
<legend class="govuk-fieldset__legend">Is anyone vulnerable?</legend>
<div class="govuk-radios govuk-radios--inline govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="s_vulnerable" name="s_vulnerable" type="radio" value="yes"{{#S_VULNERABLE_YES}} checked{{/S_VULNERABLE_YES}}><label class="govuk-label govuk-radios__label" for="s_vulnerable">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="s_vulnerable-no" name="s_vulnerable" type="radio" value="no"{{#S_VULNERABLE_NO}} checked{{/S_VULNERABLE_NO}}><label class="govuk-label govuk-radios__label" for="s_vulnerable-no">No</label></div>
</div>
</fieldset>
<fieldset class="govuk-fieldset govuk-!-margin-bottom-2">
<legend class="govuk-fieldset__legend">Is the caller targeted because of who they are?</legend>
<div class="govuk-radios govuk-radios--inline govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="s_targeted" name="s_targeted" type="radio" value="yes"{{#S_TARGETED_YES}} checked{{/S_TARGETED_YES}}><label class="govuk-label govuk-radios__label" for="s_targeted">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="s_targeted-no" name="s_targeted" type="radio" value="no"{{#S_TARGETED_NO}} checked{{/S_TARGETED_NO}}><label class="govuk-label govuk-radios__label" for="s_targeted-no">No</label></div>
</div>
</fieldset>
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend">Is anyone at risk of harm now?</legend>
<div class="govuk-radios govuk-radios--inline govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="s_at_risk" name="s_at_risk" type="radio" value="yes"{{#S_AT_RISK_YES}} checked{{/S_AT_RISK_YES}}><label class="govuk-label govuk-radios__label" for="s_at_risk">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="s_at_risk-no" name="s_at_risk" type="radio" value="no"{{#S_AT_RISK_NO}} checked{{/S_AT_RISK_NO}}><label class="govuk-label govuk-radios__label" for="s_at_risk-no">No</label></div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">{{#NEW}}Create incident{{/NEW}}{{#BOUND}}Add call{{/BOUND}}</button>
</form>
</div>
<div class="govuk-grid-column-one-third">
<h2 class="govuk-heading-m">Repeat caller?</h2>
<form method="get" action="/staff/quick" novalidate>
<div class="govuk-form-group">
<label class="govuk-label" for="find">Find their incident</label>
<div id="find-hint" class="govuk-hint">Caller's name or phone number, a postcode or place, or part of the reference</div>
{{#FIND_TOO_SHORT}}<p class="govuk-error-message">Enter at least 3 characters</p>{{/FIND_TOO_SHORT}}
{{#FIND_TOO_LONG}}<p class="govuk-error-message">Enter 100 characters or fewer</p>{{/FIND_TOO_LONG}}
<input class="govuk-input" id="find" name="find" type="search" autocomplete="off" value="{{FIND}}" aria-describedby="find-hint">
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Find</button>
</form>
{{#FOUND}}
<h3 class="govuk-heading-s" id="found">{{FOUND_WORDS}}</h3>
<ul class="govuk-list govuk-list--spaced" id="found-list">
{{#HIT}}<li class="quick-hit"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a>: {{TYPE}}<br>
<span class="govuk-body-s">{{PLACE}}. {{WHEN}}. Caller: {{CALLER}}.{{#DUE}} Awaiting risk assessment by {{WHEN}}.{{/DUE}}</span><br>
<a class="govuk-link" href="/staff/quick?incident={{REFERENCE:u}}{{#PREFILL}}&amp;caller_phone={{PHONE:u}}{{/PREFILL}}">Add this call<span class="govuk-visually-hidden"> to {{REFERENCE}}</span></a></li>
{{/HIT}}</ul>
{{/FOUND}}
</div>
</div>
{{>FOOT}}
