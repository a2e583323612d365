{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Are you sure you want to change what you are reporting?</h1>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If you change it to &ldquo;{{TO}}&rdquo;, your answers to these questions will be removed:</strong></div>
<ul class="govuk-list govuk-list--bullet" id="dropped">
{{#DROPPED}}<li>{{QUESTION}}</li>
{{/DROPPED}}</ul>
<p class="govuk-body">We will then ask you the questions for &ldquo;{{TO}}&rdquo;. Everything else you told us is kept.</p>
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<input type="hidden" name="type" value="{{CODE}}">
<input type="hidden" name="confirm" value="yes">
<div class="govuk-button-group">
<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Yes, change it and remove my answers</button>
<a class="govuk-link" href="{{CANCEL}}">No, keep my answers</a>
</div>
</form>
</div>
</div>
{{>FOOT}}
