{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">About you</h1>
<form method="post" action="/report/about-you" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-visually-hidden" aria-hidden="true">
<label for="website">Leave this field empty</label>
<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">
</div>
<div class="govuk-form-group{{#IDENTITY_ERROR}} govuk-form-group--error{{/IDENTITY_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="identity-hint{{#IDENTITY_ERROR}} identity-error{{/IDENTITY_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Do you want to give your details?</legend>
<div id="identity-hint" class="govuk-hint">If you report anonymously we cannot contact you or tell you what happens, but you can still follow your report with the link we give you at the end.</div>
{{#IDENTITY_ERROR}}<p id="identity-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/IDENTITY_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="identity" name="identity" type="radio" value="named" data-aria-controls="conditional-identity"{{#IDENTITY_NAMED}} checked{{/IDENTITY_NAMED}}><label class="govuk-label govuk-radios__label" for="identity">Yes, give my name and how to contact me</label></div>
<div class="govuk-radios__conditional govuk-radios__conditional--hidden" id="conditional-identity">
<div class="govuk-form-group{{#GIVEN_NAME_ERROR}} govuk-form-group--error{{/GIVEN_NAME_ERROR}}">
<label class="govuk-label" for="given-name">First name</label>
{{#GIVEN_NAME_ERROR}}<p id="given-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/GIVEN_NAME_ERROR}}
<input class="govuk-input {{#GIVEN_NAME_ERROR}} govuk-input--error{{/GIVEN_NAME_ERROR}}" id="given-name" name="given-name" type="text" autocomplete="given-name" spellcheck="false" value="{{GIVEN}}"{{#GIVEN_NAME_ERROR}} aria-describedby="given-name-error"{{/GIVEN_NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#FAMILY_NAME_ERROR}} govuk-form-group--error{{/FAMILY_NAME_ERROR}}">
<label class="govuk-label" for="family-name">Last name</label>
{{#FAMILY_NAME_ERROR}}<p id="family-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/FAMILY_NAME_ERROR}}
<input class="govuk-input {{#FAMILY_NAME_ERROR}} govuk-input--error{{/FAMILY_NAME_ERROR}}" id="family-name" name="family-name" type="text" autocomplete="family-name" spellcheck="false" value="{{FAMILY}}"{{#FAMILY_NAME_ERROR}} aria-describedby="family-name-error"{{/FAMILY_NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#EMAIL_ERROR}} govuk-form-group--error{{/EMAIL_ERROR}}">
<label class="govuk-label" for="email">Email address (optional)</label>
{{#EMAIL_ERROR}}<p id="email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input class="govuk-input {{#EMAIL_ERROR}} govuk-input--error{{/EMAIL_ERROR}}" id="email" name="email" type="email" autocomplete="email" spellcheck="false" value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-describedby="email-error"{{/EMAIL_ERROR}}>
</div>
<div class="govuk-form-group{{#PHONE_ERROR}} govuk-form-group--error{{/PHONE_ERROR}}">
<label class="govuk-label" for="phone">Phone number (optional)</label>
{{#PHONE_ERROR}}<p id="phone-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PHONE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#PHONE_ERROR}} govuk-input--error{{/PHONE_ERROR}}" id="phone" name="phone" type="tel" autocomplete="tel" spellcheck="false" value="{{PHONE}}"{{#PHONE_ERROR}} aria-describedby="phone-error"{{/PHONE_ERROR}}>
</div>
<div class="govuk-form-group{{#CONTACT_ERROR}} govuk-form-group--error{{/CONTACT_ERROR}}">
<fieldset class="govuk-fieldset"{{#CONTACT_ERROR}} aria-describedby="contact-error"{{/CONTACT_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">How would you like us to contact you?</legend>
{{#CONTACT_ERROR}}<p id="contact-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CONTACT_ERROR}}
<div class="govuk-radios govuk-radios--small">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="contact" name="contact" type="radio" value="email"{{#CONTACT_EMAIL}} checked{{/CONTACT_EMAIL}}><label class="govuk-label govuk-radios__label" for="contact">Email</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="contact-2" name="contact" type="radio" value="phone"{{#CONTACT_PHONE}} checked{{/CONTACT_PHONE}}><label class="govuk-label govuk-radios__label" for="contact-2">Phone</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="contact-3" name="contact" type="radio" value="none"{{#CONTACT_NONE}} checked{{/CONTACT_NONE}}><label class="govuk-label govuk-radios__label" for="contact-3">Do not contact me</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#UPDATES_ERROR}} govuk-form-group--error{{/UPDATES_ERROR}}">
{{#UPDATES_ERROR}}<p id="updates-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/UPDATES_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="updates" name="updates" type="checkbox" value="yes" aria-describedby="updates-hint"{{#UPDATES_YES}} checked{{/UPDATES_YES}}><label class="govuk-label govuk-checkboxes__label" for="updates">Email me when the status of my report changes</label>
<div id="updates-hint" class="govuk-hint govuk-checkboxes__hint">You need to give your email address for this.</div></div>
</div>
</div>
</div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="identity-2" name="identity" type="radio" value="anonymous"{{#IDENTITY_ANONYMOUS}} checked{{/IDENTITY_ANONYMOUS}}><label class="govuk-label govuk-radios__label" for="identity-2">No, report anonymously</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#FOR_SOMEONE_ELSE_ERROR}} govuk-form-group--error{{/FOR_SOMEONE_ELSE_ERROR}}">
<fieldset class="govuk-fieldset"{{#FOR_SOMEONE_ELSE_ERROR}} aria-describedby="for-someone-else-error"{{/FOR_SOMEONE_ELSE_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Are you reporting this for someone else?</legend>
{{#FOR_SOMEONE_ELSE_ERROR}}<p id="for-someone-else-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/FOR_SOMEONE_ELSE_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="for-someone-else" name="for-someone-else" type="radio" value="yes" data-aria-controls="conditional-for-someone-else"{{#OTHER_YES}} checked{{/OTHER_YES}}><label class="govuk-label govuk-radios__label" for="for-someone-else">Yes</label></div>
<div class="govuk-radios__conditional govuk-radios__conditional--hidden" id="conditional-for-someone-else">
<div class="govuk-form-group{{#OTHER_NAME_ERROR}} govuk-form-group--error{{/OTHER_NAME_ERROR}}">
<label class="govuk-label" for="other-name">Their name</label>
{{#OTHER_NAME_ERROR}}<p id="other-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OTHER_NAME_ERROR}}
<input class="govuk-input{{#OTHER_NAME_ERROR}} govuk-input--error{{/OTHER_NAME_ERROR}}" id="other-name" name="other-name" type="text" spellcheck="false" value="{{OTHER_NAME}}"{{#OTHER_NAME_ERROR}} aria-describedby="other-name-error"{{/OTHER_NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#OTHER_RELATION_ERROR}} govuk-form-group--error{{/OTHER_RELATION_ERROR}}">
<label class="govuk-label" for="other-relation">How do you know them? (optional)</label>
<div id="other-relation-hint" class="govuk-hint">For example, they are your neighbour, your parent, or you care for them.</div>
{{#OTHER_RELATION_ERROR}}<p id="other-relation-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OTHER_RELATION_ERROR}}
<input class="govuk-input{{#OTHER_RELATION_ERROR}} govuk-input--error{{/OTHER_RELATION_ERROR}}" id="other-relation" name="other-relation" type="text" value="{{OTHER_RELATION}}" aria-describedby="other-relation-hint{{#OTHER_RELATION_ERROR}} other-relation-error{{/OTHER_RELATION_ERROR}}">
</div>
</div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="for-someone-else-2" name="for-someone-else" type="radio" value="no"{{#OTHER_NO}} checked{{/OTHER_NO}}><label class="govuk-label govuk-radios__label" for="for-someone-else-2">No</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#SHARE_ERROR}} govuk-form-group--error{{/SHARE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="share-hint{{#SHARE_ERROR}} share-error{{/SHARE_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Can we share your report with our partner agencies?</legend>
<div id="share-hint" class="govuk-hint">The police and the council see your report and your details whatever you answer. Housing providers and other partners working on anti-social behaviour see them only if you say yes, and only what they need to help.</div>
{{#SHARE_ERROR}}<p id="share-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SHARE_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="share" name="share" type="radio" value="yes"{{#SHARE_YES}} checked{{/SHARE_YES}}><label class="govuk-label govuk-radios__label" for="share">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="share-2" name="share" type="radio" value="no"{{#SHARE_NO}} checked{{/SHARE_NO}}><label class="govuk-label govuk-radios__label" for="share-2">No</label></div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
