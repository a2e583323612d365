{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<span class="govuk-caption-l">Reporting for {{AGENCY}}</span>
<h1 class="govuk-heading-l">Your organisation's details</h1>
<p class="govuk-body">The report will belong to {{AGENCY}} and be shared with the partnership. We will not ask for your contact details: your account says who you are. Tell us who was affected and who is responsible, as far as you know.</p>
<form method="post" action="/report/partner" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-form-group{{#PARTNER_REFERENCE_ERROR}} govuk-form-group--error{{/PARTNER_REFERENCE_ERROR}}">
<label class="govuk-label govuk-label--s" for="partner-reference">Your organisation's reference (optional)</label>
<div id="partner-reference-hint" class="govuk-hint">The reference your organisation uses for this matter, so you can find it in your own records. Up to 100 characters.</div>
{{#PARTNER_REFERENCE_ERROR}}<p id="partner-reference-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PARTNER_REFERENCE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#PARTNER_REFERENCE_ERROR}} govuk-input--error{{/PARTNER_REFERENCE_ERROR}}" id="partner-reference" name="partner-reference" type="text" spellcheck="false" autocomplete="off" value="{{REFERENCE}}" aria-describedby="partner-reference-hint{{#PARTNER_REFERENCE_ERROR}} partner-reference-error{{/PARTNER_REFERENCE_ERROR}}">
</div>
<div class="govuk-form-group{{#TENANCY_REFERENCE_ERROR}} govuk-form-group--error{{/TENANCY_REFERENCE_ERROR}}">
<label class="govuk-label govuk-label--s" for="tenancy-reference">Tenancy reference (optional)</label>
<div id="tenancy-reference-hint" class="govuk-hint">If the report is about a tenancy you manage.</div>
{{#TENANCY_REFERENCE_ERROR}}<p id="tenancy-reference-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TENANCY_REFERENCE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#TENANCY_REFERENCE_ERROR}} govuk-input--error{{/TENANCY_REFERENCE_ERROR}}" id="tenancy-reference" name="tenancy-reference" type="text" spellcheck="false" autocomplete="off" value="{{TENANCY}}" aria-describedby="tenancy-reference-hint{{#TENANCY_REFERENCE_ERROR}} tenancy-reference-error{{/TENANCY_REFERENCE_ERROR}}">
</div>
<h2 class="govuk-heading-m">Who was affected</h2>
<div class="govuk-form-group{{#AFFECTED_ERROR}} govuk-form-group--error{{/AFFECTED_ERROR}}">
<fieldset class="govuk-fieldset"{{#AFFECTED_ERROR}} aria-describedby="affected-error"{{/AFFECTED_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Are the people affected your tenants or residents?</legend>
{{#AFFECTED_ERROR}}<p id="affected-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/AFFECTED_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="affected" name="affected" type="radio" value="yes"{{#AFFECTED_YES}} checked{{/AFFECTED_YES}}><label class="govuk-label govuk-radios__label" for="affected">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="affected-2" name="affected" type="radio" value="no"{{#AFFECTED_NO}} checked{{/AFFECTED_NO}}><label class="govuk-label govuk-radios__label" for="affected-2">No</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="affected-3" name="affected" type="radio" value="unknown"{{#AFFECTED_UNKNOWN}} checked{{/AFFECTED_UNKNOWN}}><label class="govuk-label govuk-radios__label" for="affected-3">Don't know</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#AFFECTED_WHO_ERROR}} govuk-form-group--error{{/AFFECTED_WHO_ERROR}}">
<label class="govuk-label govuk-label--s" for="affected-who">Who was affected (optional)</label>
<div id="affected-who-hint" class="govuk-hint">Names, or a description such as &ldquo;the family at flat 3&rdquo;. Up to 500 characters.</div>
{{#AFFECTED_WHO_ERROR}}<p id="affected-who-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/AFFECTED_WHO_ERROR}}
<textarea class="govuk-textarea{{#AFFECTED_WHO_ERROR}} govuk-textarea--error{{/AFFECTED_WHO_ERROR}}" id="affected-who" name="affected-who" rows="2" aria-describedby="affected-who-hint{{#AFFECTED_WHO_ERROR}} affected-who-error{{/AFFECTED_WHO_ERROR}}">{{AFFECTED_WHO}}</textarea>
</div>
<h2 class="govuk-heading-m">Who is responsible</h2>
<div class="govuk-form-group{{#RESPONSIBLE_ERROR}} govuk-form-group--error{{/RESPONSIBLE_ERROR}}">
<fieldset class="govuk-fieldset"{{#RESPONSIBLE_ERROR}} aria-describedby="responsible-error"{{/RESPONSIBLE_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Are the people responsible your tenants or residents?</legend>
{{#RESPONSIBLE_ERROR}}<p id="responsible-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RESPONSIBLE_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="responsible" name="responsible" type="radio" value="yes"{{#RESPONSIBLE_YES}} checked{{/RESPONSIBLE_YES}}><label class="govuk-label govuk-radios__label" for="responsible">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="responsible-2" name="responsible" type="radio" value="no"{{#RESPONSIBLE_NO}} checked{{/RESPONSIBLE_NO}}><label class="govuk-label govuk-radios__label" for="responsible-2">No</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="responsible-3" name="responsible" type="radio" value="unknown"{{#RESPONSIBLE_UNKNOWN}} checked{{/RESPONSIBLE_UNKNOWN}}><label class="govuk-label govuk-radios__label" for="responsible-3">Don't know</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#RESPONSIBLE_WHO_ERROR}} govuk-form-group--error{{/RESPONSIBLE_WHO_ERROR}}">
<label class="govuk-label govuk-label--s" for="responsible-who">Who is responsible (optional)</label>
<div id="responsible-who-hint" class="govuk-hint">Names, addresses or descriptions, if you know them. Up to 500 characters.</div>
{{#RESPONSIBLE_WHO_ERROR}}<p id="responsible-who-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RESPONSIBLE_WHO_ERROR}}
<textarea class="govuk-textarea{{#RESPONSIBLE_WHO_ERROR}} govuk-textarea--error{{/RESPONSIBLE_WHO_ERROR}}" id="responsible-who" name="responsible-who" rows="2" aria-describedby="responsible-who-hint{{#RESPONSIBLE_WHO_ERROR}} responsible-who-error{{/RESPONSIBLE_WHO_ERROR}}">{{RESPONSIBLE_WHO}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
