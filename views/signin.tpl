{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Sign in to Concord</h1>
{{#PROBLEM}}<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>{{MESSAGE}}</strong></div>{{/PROBLEM}}
<p class="govuk-body">For police, council and partner agency staff. You will also need the code from your authenticator app.</p>
<form method="post" action="/staff/sign-in" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#NEXT}}<input type="hidden" name="next" value="{{PATH}}">{{/NEXT}}
<div class="govuk-form-group{{#EMAIL_ERROR}} govuk-form-group--error{{/EMAIL_ERROR}}">
<label class="govuk-label govuk-label--s" for="email">Email address</label>
{{#EMAIL_ERROR}}<p id="email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input class="govuk-input{{#EMAIL_ERROR}} govuk-input--error{{/EMAIL_ERROR}}" id="email" name="email" type="email" spellcheck="false" autocomplete="username" value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-describedby="email-error"{{/EMAIL_ERROR}}>
</div>
<div class="govuk-form-group{{#PASSWORD_ERROR}} govuk-form-group--error{{/PASSWORD_ERROR}}">
<label class="govuk-label govuk-label--s" for="password">Password</label>
{{#PASSWORD_ERROR}}<p id="password-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PASSWORD_ERROR}}
<input class="govuk-input{{#PASSWORD_ERROR}} govuk-input--error{{/PASSWORD_ERROR}}" id="password" name="password" type="password" autocomplete="current-password"{{#PASSWORD_ERROR}} aria-describedby="password-error"{{/PASSWORD_ERROR}}>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
