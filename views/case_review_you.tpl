{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Your details</h1>
<p class="govuk-body">We use these to tell you what happens with your application. Give at least one way to contact you: an email address, a phone number or an address.</p>
<form method="post" action="/case-review/your-details" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-visually-hidden" aria-hidden="true">
<label for="website">Leave this field empty</label>
<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">
</div>
<div class="govuk-form-group{{#APPLICANT_NAME_ERROR}} govuk-form-group--error{{/APPLICANT_NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="applicant-name">Full name</label>
{{#APPLICANT_NAME_ERROR}}<p id="applicant-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/APPLICANT_NAME_ERROR}}
<input class="govuk-input{{#APPLICANT_NAME_ERROR}} govuk-input--error{{/APPLICANT_NAME_ERROR}}" id="applicant-name" name="applicant-name" type="text" autocomplete="name" spellcheck="false" value="{{APPLICANT_NAME}}"{{#APPLICANT_NAME_ERROR}} aria-describedby="applicant-name-error"{{/APPLICANT_NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#APPLICANT_EMAIL_ERROR}} govuk-form-group--error{{/APPLICANT_EMAIL_ERROR}}">
<label class="govuk-label govuk-label--s" for="applicant-email">Email address (optional)</label>
{{#APPLICANT_EMAIL_ERROR}}<p id="applicant-email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/APPLICANT_EMAIL_ERROR}}
<input class="govuk-input{{#APPLICANT_EMAIL_ERROR}} govuk-input--error{{/APPLICANT_EMAIL_ERROR}}" id="applicant-email" name="applicant-email" type="email" autocomplete="email" spellcheck="false" value="{{APPLICANT_EMAIL}}"{{#APPLICANT_EMAIL_ERROR}} aria-describedby="applicant-email-error"{{/APPLICANT_EMAIL_ERROR}}>
</div>
<div class="govuk-form-group{{#APPLICANT_PHONE_ERROR}} govuk-form-group--error{{/APPLICANT_PHONE_ERROR}}">
<label class="govuk-label govuk-label--s" for="applicant-phone">Phone number (optional)</label>
{{#APPLICANT_PHONE_ERROR}}<p id="applicant-phone-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/APPLICANT_PHONE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#APPLICANT_PHONE_ERROR}} govuk-input--error{{/APPLICANT_PHONE_ERROR}}" id="applicant-phone" name="applicant-phone" type="tel" autocomplete="tel" spellcheck="false" value="{{APPLICANT_PHONE}}"{{#APPLICANT_PHONE_ERROR}} aria-describedby="applicant-phone-error"{{/APPLICANT_PHONE_ERROR}}>
</div>
<div class="govuk-form-group{{#APPLICANT_ADDRESS_ERROR}} govuk-form-group--error{{/APPLICANT_ADDRESS_ERROR}}">
<label class="govuk-label govuk-label--s" for="applicant-address">Address (optional)</label>
{{#APPLICANT_ADDRESS_ERROR}}<p id="applicant-address-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/APPLICANT_ADDRESS_ERROR}}
<textarea class="govuk-textarea{{#APPLICANT_ADDRESS_ERROR}} govuk-textarea--error{{/APPLICANT_ADDRESS_ERROR}}" id="applicant-address" name="applicant-address" rows="3" autocomplete="street-address"{{#APPLICANT_ADDRESS_ERROR}} aria-describedby="applicant-address-error"{{/APPLICANT_ADDRESS_ERROR}}>{{APPLICANT_ADDRESS}}</textarea>
</div>
<div class="govuk-form-group{{#APPLICANT_POSTCODE_ERROR}} govuk-form-group--error{{/APPLICANT_POSTCODE_ERROR}}">
<label class="govuk-label govuk-label--s" for="applicant-postcode">Postcode (optional)</label>
{{#APPLICANT_POSTCODE_ERROR}}<p id="applicant-postcode-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/APPLICANT_POSTCODE_ERROR}}
<input class="govuk-input govuk-input--width-10{{#APPLICANT_POSTCODE_ERROR}} govuk-input--error{{/APPLICANT_POSTCODE_ERROR}}" id="applicant-postcode" name="applicant-postcode" type="text" autocomplete="postal-code" spellcheck="false" value="{{APPLICANT_POSTCODE}}"{{#APPLICANT_POSTCODE_ERROR}} aria-describedby="applicant-postcode-error"{{/APPLICANT_POSTCODE_ERROR}}>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
