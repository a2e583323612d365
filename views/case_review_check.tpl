{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds-from-desktop">
<h1 class="govuk-heading-l">Check your answers before sending your application</h1>
{{#SECTION}}<h2 class="govuk-heading-m">{{HEADING}}</h2>
<dl class="govuk-summary-list govuk-!-margin-bottom-9">
{{#ROW}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KEY}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{CHANGE}}">Change<span class="govuk-visually-hidden"> {{HIDDEN}}</span></a></dd></div>
{{/ROW}}</dl>{{/SECTION}}
<h2 class="govuk-heading-m">Now send your application</h2>
<p class="govuk-body">By sending this application you confirm that, to the best of your knowledge, the details you are giving are correct, and, if you are applying for someone else, that they agree to it.</p>
<form method="post" action="/case-review/submit" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="idempotency-key" value="{{IDEMPOTENCY_KEY}}">
<button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Send application</button>
</form>
</div>
</div>
{{>FOOT}}
