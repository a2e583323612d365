{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
{{#ENROL}}
<h1 class="govuk-heading-l">Set up your authenticator app</h1>
<p class="govuk-body">Concord needs a second check when you sign in: a 6-digit code from an authenticator app on your work phone.</p>
<ol class="govuk-list govuk-list--number">
<li>Open your authenticator app and add an account.</li>
<li>Scan this QR code, or type in the key below.</li>
<li>Enter the 6-digit code the app shows.</li>
</ol>
<p><img src="/staff/sign-in/enrol/qr.svg" alt="QR code for setting up your authenticator app. If you cannot scan it, type in the key shown below." width="200" height="200" class="concord-qr"></p>
<p class="govuk-body">Key: <code class="concord-secret">{{SECRET}}</code></p>
{{/ENROL}}
{{#CODE}}
<h1 class="govuk-heading-l">Enter the code from your authenticator app</h1>
{{/CODE}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="govuk-form-group{{#CODE_ERROR}} govuk-form-group--error{{/CODE_ERROR}}">
<label class="govuk-label govuk-label--s" for="code">Code</label>
<div id="code-hint" class="govuk-hint">The 6-digit code changes every 30 seconds.</div>
{{#CODE_ERROR}}<p id="code-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CODE_ERROR}}
<input class="govuk-input govuk-input--width-5{{#CODE_ERROR}} govuk-input--error{{/CODE_ERROR}}" id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" aria-describedby="code-hint{{#CODE_ERROR}} code-error{{/CODE_ERROR}}">
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
</form>
<p class="govuk-body"><a class="govuk-link" href="/staff/sign-in">Start again</a></p>
</div>
</div>
{{>FOOT}}
