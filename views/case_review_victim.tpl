{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">The person you are applying for</h1>
<p class="govuk-body">Apply for someone else only with their agreement. We may contact them to check they agree.</p>
<form method="post" action="/case-review/victim" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-form-group{{#VICTIM_NAME_ERROR}} govuk-form-group--error{{/VICTIM_NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="victim-name">Their full name</label>
{{#VICTIM_NAME_ERROR}}<p id="victim-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/VICTIM_NAME_ERROR}}
<input class="govuk-input{{#VICTIM_NAME_ERROR}} govuk-input--error{{/VICTIM_NAME_ERROR}}" id="victim-name" name="victim-name" type="text" autocomplete="off" spellcheck="false" value="{{VICTIM_NAME}}"{{#VICTIM_NAME_ERROR}} aria-describedby="victim-name-error"{{/VICTIM_NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#RELATIONSHIP_ERROR}} govuk-form-group--error{{/RELATIONSHIP_ERROR}}">
<label class="govuk-label govuk-label--s" for="relationship">How do you know them? (optional)</label>
<div id="relationship-hint" class="govuk-hint">For example, I am their daughter, their neighbour or their support worker.</div>
{{#RELATIONSHIP_ERROR}}<p id="relationship-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RELATIONSHIP_ERROR}}
<input class="govuk-input{{#RELATIONSHIP_ERROR}} govuk-input--error{{/RELATIONSHIP_ERROR}}" id="relationship" name="relationship" type="text" autocomplete="off" spellcheck="false" value="{{RELATIONSHIP}}" aria-describedby="relationship-hint{{#RELATIONSHIP_ERROR}} relationship-error{{/RELATIONSHIP_ERROR}}">
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
