{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-xl">Report and manage anti-social behaviour</h1>
<p class="govuk-body-l">Concord is one shared, secure record of anti-social behaviour for the police and the council.</p>
<p class="govuk-body">Tell us about noise, harassment, vandalism, drug dealing, nuisance neighbours or other anti-social behaviour where you live. You do not need an account.</p>
<p class="govuk-body">When you send a report you get a reference number and a link to track it: the page shows where your report has got to and any updates staff share with you.</p>
<div class="govuk-warning-text">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If you or someone else is in danger now, call 999.</strong>
</div>
<a href="/report" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">
Report anti-social behaviour
<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>
</a>
<h2 class="govuk-heading-m">For police, council and partner staff</h2>
<p class="govuk-body">Police, council and partner staff sign in to see the reports sent to them, look up incidents and share updates with the people who reported them.</p>
<p class="govuk-body"><a class="govuk-link" href="/staff/sign-in">Staff sign in</a></p>
</div>
</div>
{{>FOOT}}
