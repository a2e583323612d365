{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/case-review" class="govuk-back-link">Case Review register</a>
{{>ERROR_SUMMARY}}
<form method="post" action="/staff/case-review" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<span class="govuk-caption-l">ASB Case Review</span>
<h1 class="govuk-heading-l">Record an application</h1>
<p class="govuk-body">For an application taken by phone, on paper or in person. The public apply online at <a class="govuk-link" href="/case-review">/case-review</a>.</p>
<div class="govuk-form-group{{#CHANNEL_ERROR}} govuk-form-group--error{{/CHANNEL_ERROR}}">
<fieldset class="govuk-fieldset"{{#CHANNEL_ERROR}} aria-describedby="channel-error"{{/CHANNEL_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">How was it made?</legend>
{{#CHANNEL_ERROR}}<p id="channel-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CHANNEL_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="channel" name="channel" type="radio" value="phone"{{#CHANNEL_PHONE}} checked{{/CHANNEL_PHONE}}><label class="govuk-label govuk-radios__label" for="channel">By phone</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="channel-paper" name="channel" type="radio" value="paper"{{#CHANNEL_PAPER}} checked{{/CHANNEL_PAPER}}><label class="govuk-label govuk-radios__label" for="channel-paper">On paper (a letter or a form)</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="channel-in-person" name="channel" type="radio" value="in_person"{{#CHANNEL_IN_PERSON}} checked{{/CHANNEL_IN_PERSON}}><label class="govuk-label govuk-radios__label" for="channel-in-person">In person</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#RECEIVED_DAY_ERROR}} govuk-form-group--error{{/RECEIVED_DAY_ERROR}}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="received-hint{{#RECEIVED_DAY_ERROR}} received-day-error{{/RECEIVED_DAY_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">When was it received?</legend>
<div id="received-hint" class="govuk-hint">Leave this blank for today. For example, 27 3 2026</div>
{{#RECEIVED_DAY_ERROR}}<p id="received-day-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RECEIVED_DAY_ERROR}}
<div class="govuk-date-input">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="received-day">Day</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#RECEIVED_DAY_PART}} govuk-input--error{{/RECEIVED_DAY_PART}}" id="received-day" name="received-day" type="text" inputmode="numeric" value="{{DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="received-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#RECEIVED_MONTH_PART}} govuk-input--error{{/RECEIVED_MONTH_PART}}" id="received-month" name="received-month" type="text" inputmode="numeric" value="{{MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="received-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#RECEIVED_YEAR_PART}} govuk-input--error{{/RECEIVED_YEAR_PART}}" id="received-year" name="received-year" type="text" inputmode="numeric" value="{{YEAR}}"></div></div>
</div>
</fieldset>
</div>
<h2 class="govuk-heading-m">The applicant</h2>
<div class="govuk-form-group{{#APPLICANT_NAME_ERROR}} govuk-form-group--error{{/APPLICANT_NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="applicant-name">Full name</label>
{{#APPLICANT_NAME_ERROR}}<p id="applicant-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/APPLICANT_NAME_ERROR}}
<input class="govuk-input{{#APPLICANT_NAME_ERROR}} govuk-input--error{{/APPLICANT_NAME_ERROR}}" id="applicant-name" name="applicant-name" type="text" value="{{APPLICANT_NAME}}" autocomplete="name"{{#APPLICANT_NAME_ERROR}} aria-describedby="applicant-name-error"{{/APPLICANT_NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#APPLICANT_EMAIL_ERROR}} govuk-form-group--error{{/APPLICANT_EMAIL_ERROR}}">
<label class="govuk-label govuk-label--s" for="applicant-email">Email address (optional)</label>
{{#APPLICANT_EMAIL_ERROR}}<p id="applicant-email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/APPLICANT_EMAIL_ERROR}}
<input class="govuk-input{{#APPLICANT_EMAIL_ERROR}} govuk-input--error{{/APPLICANT_EMAIL_ERROR}}" id="applicant-email" name="applicant-email" type="email" value="{{APPLICANT_EMAIL}}" autocomplete="email" spellcheck="false"{{#APPLICANT_EMAIL_ERROR}} aria-describedby="applicant-email-error"{{/APPLICANT_EMAIL_ERROR}}>
</div>
<div class="govuk-form-group{{#APPLICANT_PHONE_ERROR}} govuk-form-group--error{{/APPLICANT_PHONE_ERROR}}">
<label class="govuk-label govuk-label--s" for="applicant-phone">Phone number (optional)</label>
{{#APPLICANT_PHONE_ERROR}}<p id="applicant-phone-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/APPLICANT_PHONE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#APPLICANT_PHONE_ERROR}} govuk-input--error{{/APPLICANT_PHONE_ERROR}}" id="applicant-phone" name="applicant-phone" type="tel" value="{{APPLICANT_PHONE}}" autocomplete="tel"{{#APPLICANT_PHONE_ERROR}} aria-describedby="applicant-phone-error"{{/APPLICANT_PHONE_ERROR}}>
</div>
<div class="govuk-form-group{{#APPLICANT_ADDRESS_ERROR}} govuk-form-group--error{{/APPLICANT_ADDRESS_ERROR}}">
<label class="govuk-label govuk-label--s" for="applicant-address">Address (optional)</label>
{{#APPLICANT_ADDRESS_ERROR}}<p id="applicant-address-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/APPLICANT_ADDRESS_ERROR}}
<textarea class="govuk-textarea{{#APPLICANT_ADDRESS_ERROR}} govuk-textarea--error{{/APPLICANT_ADDRESS_ERROR}}" id="applicant-address" name="applicant-address" rows="3"{{#APPLICANT_ADDRESS_ERROR}} aria-describedby="applicant-address-error"{{/APPLICANT_ADDRESS_ERROR}}>{{APPLICANT_ADDRESS}}</textarea>
</div>
<div class="govuk-form-group{{#APPLICANT_POSTCODE_ERROR}} govuk-form-group--error{{/APPLICANT_POSTCODE_ERROR}}">
<label class="govuk-label govuk-label--s" for="applicant-postcode">Postcode (optional)</label>
{{#APPLICANT_POSTCODE_ERROR}}<p id="applicant-postcode-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/APPLICANT_POSTCODE_ERROR}}
<input class="govuk-input govuk-input--width-10{{#APPLICANT_POSTCODE_ERROR}} govuk-input--error{{/APPLICANT_POSTCODE_ERROR}}" id="applicant-postcode" name="applicant-postcode" type="text" value="{{APPLICANT_POSTCODE}}" autocomplete="postal-code"{{#APPLICANT_POSTCODE_ERROR}} aria-describedby="applicant-postcode-error"{{/APPLICANT_POSTCODE_ERROR}}>
</div>
<div class="govuk-form-group{{#ON_BEHALF_ERROR}} govuk-form-group--error{{/ON_BEHALF_ERROR}}">
<fieldset class="govuk-fieldset"{{#ON_BEHALF_ERROR}} aria-describedby="on-behalf-error"{{/ON_BEHALF_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Are they applying for someone else?</legend>
{{#ON_BEHALF_ERROR}}<p id="on-behalf-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ON_BEHALF_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="on-behalf" name="on-behalf" type="radio" value="no"{{#ON_BEHALF_NO}} checked{{/ON_BEHALF_NO}}><label class="govuk-label govuk-radios__label" for="on-behalf">No, for themselves</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="on-behalf-yes" name="on-behalf" type="radio" value="yes"{{#ON_BEHALF_YES}} checked{{/ON_BEHALF_YES}}><label class="govuk-label govuk-radios__label" for="on-behalf-yes">Yes, for the victim named below</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#VICTIM_NAME_ERROR}} govuk-form-group--error{{/VICTIM_NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="victim-name">The victim's name (when for someone else)</label>
{{#VICTIM_NAME_ERROR}}<p id="victim-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/VICTIM_NAME_ERROR}}
<input class="govuk-input{{#VICTIM_NAME_ERROR}} govuk-input--error{{/VICTIM_NAME_ERROR}}" id="victim-name" name="victim-name" type="text" value="{{VICTIM_NAME}}"{{#VICTIM_NAME_ERROR}} aria-describedby="victim-name-error"{{/VICTIM_NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#RELATIONSHIP_ERROR}} govuk-form-group--error{{/RELATIONSHIP_ERROR}}">
<label class="govuk-label govuk-label--s" for="relationship">How the applicant knows them (optional)</label>
<div id="relationship-hint" class="govuk-hint">For example, their son, their carer, their councillor</div>
{{#RELATIONSHIP_ERROR}}<p id="relationship-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RELATIONSHIP_ERROR}}
<input class="govuk-input{{#RELATIONSHIP_ERROR}} govuk-input--error{{/RELATIONSHIP_ERROR}}" id="relationship" name="relationship" type="text" value="{{RELATIONSHIP}}" aria-describedby="relationship-hint{{#RELATIONSHIP_ERROR}} relationship-error{{/RELATIONSHIP_ERROR}}">
</div>
<h2 class="govuk-heading-m">The behaviour</h2>
<div class="govuk-form-group{{#BEHAVIOUR_ERROR}} govuk-form-group--error{{/BEHAVIOUR_ERROR}}">
<label class="govuk-label govuk-label--s" for="behaviour">What has been happening</label>
<div id="behaviour-hint" class="govuk-hint">What the behaviour is, how long it has gone on, how often, and how it affects them</div>
{{#BEHAVIOUR_ERROR}}<p id="behaviour-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/BEHAVIOUR_ERROR}}
<textarea class="govuk-textarea{{#BEHAVIOUR_ERROR}} govuk-textarea--error{{/BEHAVIOUR_ERROR}}" id="behaviour" name="behaviour" rows="8" aria-describedby="behaviour-hint{{#BEHAVIOUR_ERROR}} behaviour-error{{/BEHAVIOUR_ERROR}}">{{BEHAVIOUR}}</textarea>
</div>
<div class="govuk-form-group{{#REPORTED_TO_ERROR}} govuk-form-group--error{{/REPORTED_TO_ERROR}}">
<label class="govuk-label govuk-label--s" for="reported-to">Who they reported it to, and when (optional)</label>
<div id="reported-to-hint" class="govuk-hint">For example, the police in January and the council in March; any reference numbers</div>
{{#REPORTED_TO_ERROR}}<p id="reported-to-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REPORTED_TO_ERROR}}
<textarea class="govuk-textarea{{#REPORTED_TO_ERROR}} govuk-textarea--error{{/REPORTED_TO_ERROR}}" id="reported-to" name="reported-to" rows="5" aria-describedby="reported-to-hint{{#REPORTED_TO_ERROR}} reported-to-error{{/REPORTED_TO_ERROR}}">{{REPORTED_TO}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Record the application</button>
</form>
{{>FOOT}}
