{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">Report sent</h1>
<div class="govuk-panel__body">{{#PUBLIC}}Your reference number{{/PUBLIC}}{{#PARTNER}}The report's reference number{{/PARTNER}}<br><strong id="reference">{{REFERENCE}}</strong></div>
</div>
<p class="govuk-body">{{#PUBLIC}}Keep your reference number: quote it if you contact us about this report.{{/PUBLIC}}{{#PARTNER}}Keep the reference number with your organisation's records: quote it when you contact the partnership about this report.{{/PARTNER}}</p>
{{#TRACK}}<h2 class="govuk-heading-m">Follow {{#PUBLIC}}your{{/PUBLIC}}{{#PARTNER}}the{{/PARTNER}} report</h2>
<p class="govuk-body" id="tracking-words">{{#PUBLIC}}This private link shows what is happening with your report. Copy it and keep it safe: anyone with the link can see the progress of your report.{{/PUBLIC}}{{#PARTNER}}This private link shows what is happening with the report. Copy it and keep it safe with your organisation's records: anyone with the link can see the progress of the report.{{/PARTNER}} {{#MAILED}}We have also sent it to you by email.{{/MAILED}}{{#NOT_MAILED}}We will not show it again.{{/NOT_MAILED}}</p>
<p class="govuk-body"><a class="govuk-link concord-wrap-anywhere" id="tracking-link" href="{{LINK}}">{{LINK}}</a></p>
<script src="/static/copy.js?v={{VERSION}}" defer></script>{{/TRACK}}
<h2 class="govuk-heading-m">What happens next</h2>
{{#PUBLIC}}<p class="govuk-body">Your report goes to the team that deals with anti-social behaviour where it happened. They will look at it within 2 working days, and sooner if you or someone else is at risk.</p>
<p class="govuk-body">If you gave your details, they may contact you to find out more.</p>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If you are in danger now, call 999.</strong></div>{{/PUBLIC}}
{{#PARTNER}}<p class="govuk-body">The report goes to the team that deals with anti-social behaviour where it happened. They will look at it within 2 working days, and sooner if the people affected are at risk.</p>
<p class="govuk-body">They may contact you or your organisation to find out more.</p>
<p class="govuk-body">You can see this report, and every report your organisation has made, in <a class="govuk-link" href="/staff/partner-reports">your organisation's reports</a>.</p>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If someone is in danger now, call 999.</strong></div>{{/PARTNER}}
<p class="govuk-body"><a class="govuk-link" href="/report">Report something else</a></p>
</div>
</div>
{{>FOOT}}
