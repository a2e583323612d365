{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#NOT_FOUND}}<h1 class="govuk-heading-l">We could not find that report</h1>
<p class="govuk-body">Check that you copied the whole link we gave you when you sent your report.</p>
<p class="govuk-body">If you still cannot see your report, call 101 and give your reference number.</p>{{/NOT_FOUND}}
{{#FOUND}}<span class="govuk-caption-l">{{TYPE}}</span>
<h1 class="govuk-heading-l">Report {{REFERENCE}}</h1>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Status</dt><dd class="govuk-summary-list__value"><strong id="status">{{STATUS}}</strong></dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reported</dt><dd class="govuk-summary-list__value">{{REPORTED}}</dd></div>
</dl>
<h2 class="govuk-heading-m">Updates</h2>
{{#NO_UPDATES}}<p class="govuk-body">There are no updates yet.</p>{{/NO_UPDATES}}
<ol class="govuk-list concord-timeline">
{{#UPDATE}}<li class="govuk-!-margin-bottom-4"><p class="govuk-body-s govuk-!-margin-bottom-1"><time>{{WHEN}}</time></p>{{#PARAGRAPH}}<p class="govuk-body govuk-!-margin-bottom-2">{{TEXT}}</p>{{/PARAGRAPH}}</li>
{{/UPDATE}}</ol>{{/FOUND}}
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If you are in danger now, call 999.</strong></div>
</div>
</div>
{{>FOOT}}
