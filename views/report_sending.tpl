{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Your report is being sent</h1>
<p class="govuk-body">We are saving your report now. Your answers are kept: do not fill in the form again.</p>
<p class="govuk-body"><a class="govuk-link" id="look-again" href="/report/done">See whether your report has been sent</a></p>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If you are in danger now, call 999.</strong></div>
</div>
</div>
{{>FOOT}}
