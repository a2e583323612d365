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
<h2 class="govuk-heading-m">What you reported</h2>
<dl class="govuk-summary-list" id="summary">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reference</dt><dd class="govuk-summary-list__value">{{REFERENCE}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What</dt><dd class="govuk-summary-list__value">{{TYPE}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">When it happened</dt><dd class="govuk-summary-list__value">{{WHEN}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Where</dt><dd class="govuk-summary-list__value">{{PLACE}}</dd></div>
</dl>
<h2 class="govuk-heading-m">Updates</h2>
{{#CASE_CLOSED}}<div class="govuk-inset-text concord-case-closed">A monitored case about your reports was closed on {{WHEN}}: {{REASON}}</div>
{{/CASE_CLOSED}}{{#NO_UPDATES}}<p class="govuk-body">There are no updates yet.</p>{{/NO_UPDATES}}
<ol class="govuk-list concord-timeline">
{{#UPDATE}}<li class="govuk-!-margin-bottom-4"><p class="govuk-body-s govuk-!-margin-bottom-1"><time>{{WHEN}}</time></p>{{#PARAGRAPH}}<p class="govuk-body govuk-!-margin-bottom-2">{{TEXT}}</p>{{/PARAGRAPH}}</li>
{{/UPDATE}}</ol>
<h2 class="govuk-heading-m" id="diary">Your diary entries</h2>
<p class="govuk-body">If it happens again, log each time here. It is added to this report, so the people dealing with it see it, with any photos, recordings or documents you add.</p>
<a href="/track/{{REFERENCE}}/log?t={{TOKEN}}" role="button" draggable="false" class="govuk-button" data-module="govuk-button" id="log-occurrence">Log another occurrence</a>
{{#NO_DIARY}}<p class="govuk-body">You have not added any diary entries yet.</p>{{/NO_DIARY}}
{{#DIARY}}<div class="govuk-summary-card concord-diary-entry">
<div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title">{{WHEN}}</h3></div>
<div class="govuk-summary-card__content">
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What happened</dt><dd class="govuk-summary-list__value">{{#PARAGRAPH}}<p class="govuk-body">{{TEXT}}</p>{{/PARAGRAPH}}</dd></div>
{{#IMPACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">How it affected you</dt><dd class="govuk-summary-list__value">{{#PARAGRAPH}}<p class="govuk-body">{{TEXT}}</p>{{/PARAGRAPH}}</dd></div>{{/IMPACT}}
{{#FILES}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Files</dt><dd class="govuk-summary-list__value">{{NAMES}}</dd></div>{{/FILES}}
</dl>
</div>
</div>
{{/DIARY}}{{/FOUND}}
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If you are in danger now, call 999.</strong></div>
</div>
</div>
{{>FOOT}}
