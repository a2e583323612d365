{{%AUTOESCAPE context="HTML"}}
<div class="govuk-form-group{{#METHOD_ERROR_CLASS}} govuk-form-group--error{{/METHOD_ERROR_CLASS}}">
<fieldset class="govuk-fieldset"{{#METHOD_ERROR}} aria-describedby="method-error"{{/METHOD_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{{LEGEND}}</legend>
{{#METHOD_ERROR}}<p id="method-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/METHOD_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="method" name="method" type="radio" value="phone"{{#PHONE}} checked{{/PHONE}}><label class="govuk-label govuk-radios__label" for="method">Phone</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="method-email" name="method" type="radio" value="email"{{#EMAIL}} checked{{/EMAIL}}><label class="govuk-label govuk-radios__label" for="method-email">Email</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="method-letter" name="method" type="radio" value="letter"{{#LETTER}} checked{{/LETTER}}><label class="govuk-label govuk-radios__label" for="method-letter">Letter</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="method-in-person" name="method" type="radio" value="in_person"{{#IN_PERSON}} checked{{/IN_PERSON}}><label class="govuk-label govuk-radios__label" for="method-in-person">In person</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="method-text" name="method" type="radio" value="text"{{#TEXT}} checked{{/TEXT}}><label class="govuk-label govuk-radios__label" for="method-text">Text message</label></div>
</div>
</fieldset>
</div>
