{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds-from-desktop">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Check your answers before sending your report</h1>
{{#REPORT}}<h2 class="govuk-heading-m">What happened</h2>
<dl class="govuk-summary-list govuk-!-margin-bottom-9">
{{#ROW}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KEY}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{CHANGE}}">Change<span class="govuk-visually-hidden"> {{HIDDEN}}</span></a></dd></div>
{{/ROW}}</dl>{{/REPORT}}
{{#TRIAGE}}<h2 class="govuk-heading-m">How urgent it is</h2>
<dl class="govuk-summary-list govuk-!-margin-bottom-9">
{{#ROW}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KEY}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{CHANGE}}">Change<span class="govuk-visually-hidden"> {{HIDDEN}}</span></a></dd></div>
{{/ROW}}</dl>{{/TRIAGE}}
{{#IMPACT}}<h2 class="govuk-heading-m">{{#FOR_PUBLIC}}How it affects you{{/FOR_PUBLIC}}{{#FOR_PARTNER}}How it affects the people involved{{/FOR_PARTNER}}</h2>
<dl class="govuk-summary-list govuk-!-margin-bottom-9">
{{#ROW}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KEY}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{CHANGE}}">Change<span class="govuk-visually-hidden"> {{HIDDEN}}</span></a></dd></div>
{{/ROW}}</dl>{{/IMPACT}}
{{#ABOUT}}<h2 class="govuk-heading-m">About you</h2>
<dl class="govuk-summary-list govuk-!-margin-bottom-9">
{{#ROW}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KEY}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{CHANGE}}">Change<span class="govuk-visually-hidden"> {{HIDDEN}}</span></a></dd></div>
{{/ROW}}</dl>{{/ABOUT}}
{{#PARTNER}}<h2 class="govuk-heading-m">Your organisation's details</h2>
<p class="govuk-body">Reported by {{NAME}} for {{AGENCY}}. The report will belong to {{AGENCY}} and be shared with the partnership.</p>
<dl class="govuk-summary-list govuk-!-margin-bottom-9">
{{#ROW}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KEY}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{CHANGE}}">Change<span class="govuk-visually-hidden"> {{HIDDEN}}</span></a></dd></div>
{{/ROW}}</dl>{{/PARTNER}}
{{#EVIDENCE}}<h2 class="govuk-heading-m">Photos, recordings and documents</h2>
<dl class="govuk-summary-list govuk-!-margin-bottom-9">
{{#ROW}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KEY}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{CHANGE}}">Change<span class="govuk-visually-hidden"> {{HIDDEN}}</span></a></dd></div>
{{/ROW}}</dl>{{/EVIDENCE}}
<h2 class="govuk-heading-m">Now send your report</h2>
<p class="govuk-body">{{#FOR_PUBLIC}}By sending this report you confirm that, to the best of your knowledge, the details you are giving are correct.{{/FOR_PUBLIC}}{{#FOR_PARTNER}}By sending this report you confirm that, to the best of your knowledge, the details are correct and that your organisation may share them with the partnership.{{/FOR_PARTNER}}</p>
<form method="post" action="/report/submit" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="idempotency-key" value="{{IDEMPOTENCY_KEY}}">
<button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Send report</button>
</form>
</div>
</div>
{{>FOOT}}
