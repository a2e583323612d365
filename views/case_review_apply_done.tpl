{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">Application sent</h1>
<div class="govuk-panel__body">Your reference<br><strong id="reference">{{REFERENCE}}</strong></div>
</div>
<h2 class="govuk-heading-m">What happens next</h2>
<p class="govuk-body">We will acknowledge your application within 3 working days and tell you within 14 working days whether it meets the threshold for a Case Review.</p>
<p class="govuk-body">If it does, the review will be held within 21 days of that decision and you (or the person you applied for) will be invited. You will then be told the outcome and how to appeal if you are not happy with how the review was carried out.</p>
<p class="govuk-body">Keep your reference: quote it if you contact us.</p>
</div></div>
{{>FOOT}}
