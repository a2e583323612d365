{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<div class="govuk-form-group{{#TYPE_ERROR}} govuk-form-group--error{{/TYPE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="type-hint{{#TYPE_ERROR}} type-error{{/TYPE_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
<h1 class="govuk-fieldset__heading">{{PAGE_HEADING}}</h1>
</legend>
<div id="type-hint" class="govuk-hint">{{#TOP}}Choose the one that fits best. You can tell us more on the next pages.{{/TOP}}{{#SUB}}Choose the one that fits best.{{/SUB}}</div>
{{#TYPE_ERROR}}<p id="type-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TYPE_ERROR}}
{{#CATEGORY}}
{{#HEADING}}<h2 class="govuk-heading-s govuk-!-margin-top-6 govuk-!-margin-bottom-3">{{TEXT}}</h2>{{/HEADING}}
<div class="govuk-radios" data-module="govuk-radios">
{{#OPTION}}<div class="govuk-radios__item">
<input class="govuk-radios__input" id="{{ID}}" name="type" type="radio" value="{{VALUE}}" aria-describedby="{{ID}}-item-hint"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-radios__label" for="{{ID}}">{{LABEL}}</label>
<div id="{{ID}}-item-hint" class="govuk-hint govuk-radios__hint">{{HINT}}</div>
</div>
{{/OPTION}}
</div>
{{/CATEGORY}}
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
