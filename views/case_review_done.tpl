{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">Application sent</h1>
<div class="govuk-panel__body">Your reference is<br><strong id="reference">{{REFERENCE}}</strong></div>
</div>
<p class="govuk-body">Keep this reference. Give it if you contact us about your application.</p>
<h2 class="govuk-heading-m">What happens next</h2>
<ol class="govuk-list govuk-list--number">
<li id="acknowledge">We will tell you we have your application {{#ACKNOWLEDGE_BY}}by {{DATE}}{{/ACKNOWLEDGE_BY}}{{#ACKNOWLEDGE_WITHIN}}within {{ACKNOWLEDGE_DAYS}} working days{{/ACKNOWLEDGE_WITHIN}}.</li>
<li id="decide">We will decide whether it meets the threshold for a Case Review {{#DECIDE_BY}}by {{DATE}}{{/DECIDE_BY}}{{#DECIDE_WITHIN}}within {{DECIDE_DAYS}} working days{{/DECIDE_WITHIN}}, and tell you why.</li>
<li>If it does, the agencies involved meet to review what has been done and agree what to do next, and we write to you with the outcome. If you are not happy with how the review was carried out, you can ask the police and crime commissioner to look at it again.</li>
</ol>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If you are in danger now, call 999.</strong></div>
<p class="govuk-body"><a class="govuk-link" href="/case-review/figures">See how many Case Reviews were carried out each year</a></p>
</div>
</div>
{{>FOOT}}
