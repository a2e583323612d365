{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/case-review/apply/reported" class="govuk-back-link">Back</a>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<span class="govuk-caption-l">Apply for an ASB Case Review</span>
<h1 class="govuk-heading-l">Check your answers</h1>
<dl class="govuk-summary-list" id="answers">
{{#ROW}}<div class="govuk-summary-list__row" data-name="{{NAME}}">
<dt class="govuk-summary-list__key">{{KEY}}</dt>
<dd class="govuk-summary-list__value">{{#P}}<p class="govuk-body">{{TEXT}}</p>{{/P}}</dd>
<dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{HREF}}">Change<span class="govuk-visually-hidden"> {{KEY}}</span></a></dd>
</div>
{{/ROW}}</dl>
<h2 class="govuk-heading-m">Send your application</h2>
<p class="govuk-body">By sending it you confirm that what you have told us is true to the best of your knowledge and, if you apply for someone else, that they agree.</p>
<form method="post" action="/case-review/submit" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Send application</button>
</form>
</div></div>
{{>FOOT}}
