{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Your application is being sent</h1>
<p class="govuk-body">We are saving your application now. Your answers are kept: do not fill in the form again.</p>
<p class="govuk-body"><a class="govuk-link" id="look-again" href="/case-review/done">See whether your application has been sent</a></p>
</div>
</div>
{{>FOOT}}
