{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
{{#NOTICE}}<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>{{TEXT}}</strong></div>{{/NOTICE}}
<span class="govuk-caption-l">Reporting for {{AGENCY}}</span>
<h1 class="govuk-heading-l">Your organisation's details</h1>
<p class="govuk-body">The report will belong to {{AGENCY}} and be shared with the partnership. We will not ask for your contact details: your account says who you are.</p>
<form method="post" action="/report/partner" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="1">{{/CHANGE}}
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
<div class="govuk-form-group{{#TENANTS_ERROR}} govuk-form-group--error{{/TENANTS_ERROR}}">
<fieldset class="govuk-fieldset"{{#TENANTS_ERROR}} aria-describedby="tenants-error"{{/TENANTS_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Are the people involved your tenants?</legend>
{{#TENANTS_ERROR}}<p id="tenants-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TENANTS_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="tenants" name="tenants" type="radio" value="yes"{{#TENANTS_YES}} checked{{/TENANTS_YES}}><label class="govuk-label govuk-radios__label" for="tenants">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="tenants-2" name="tenants" type="radio" value="no"{{#TENANTS_NO}} checked{{/TENANTS_NO}}><label class="govuk-label govuk-radios__label" for="tenants-2">No</label></div>
<div class="govuk-radios__divider">or</div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="tenants-3" name="tenants" type="radio" value="unknown"{{#TENANTS_UNKNOWN}} checked{{/TENANTS_UNKNOWN}}><label class="govuk-label govuk-radios__label" for="tenants-3">Don't know</label></div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
