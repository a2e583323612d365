{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">Report sent</h1>
<div class="govuk-panel__body">Your reference number<br><strong id="reference">{{REFERENCE}}</strong></div>
</div>
<p class="govuk-body">Keep your reference number: quote it if you contact us about this report.</p>
{{#TRACK}}<h2 class="govuk-heading-m">Follow your report</h2>
<p class="govuk-body">This private link shows what is happening with your report. Copy it and keep it safe: anyone with the link can see the progress of your report. We will not show it again.</p>
<p class="govuk-body"><a class="govuk-link" id="tracking-link" href="{{LINK}}">{{LINK}}</a></p>{{/TRACK}}
<h2 class="govuk-heading-m">What happens next</h2>
<p class="govuk-body">Your report goes to the team that deals with anti-social behaviour where it happened. They will look at it within 2 working days, and sooner if you or someone else is at risk.</p>
<p class="govuk-body">If you gave your details, they may contact you to find out more.</p>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If you are in danger now, call 999.</strong></div>
<p class="govuk-body"><a class="govuk-link" href="/report">Report something else</a></p>
</div>
</div>
{{>FOOT}}
