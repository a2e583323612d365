{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
{{>ERROR_SUMMARY}}
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<span class="govuk-caption-l">Apply for an ASB Case Review</span>
{{#HEADING}}<h1 class="govuk-heading-l">{{TITLE}}</h1>{{/HEADING}}
{{#LEAD}}<p class="govuk-body">{{TEXT}}</p>{{/LEAD}}
{{#FIELD}}
{{#TEXT}}<div class="govuk-form-group{{#IN_ERROR}} govuk-form-group--error{{/IN_ERROR}}">
{{#ALONE}}<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="{{NAME}}">{{LABEL}}</label></h1>{{/ALONE}}{{#WITH_OTHERS}}<label class="govuk-label govuk-label--s" for="{{NAME}}">{{LABEL}}</label>{{/WITH_OTHERS}}
{{#HINT}}<div id="{{NAME}}-hint" class="govuk-hint">{{TEXT}}</div>{{/HINT}}
{{#ERROR}}<p id="{{NAME}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<input class="govuk-input {{WIDTH}}{{#IN_ERROR}} govuk-input--error{{/IN_ERROR}}" id="{{NAME}}" name="{{NAME}}" type="{{TYPE}}" value="{{VALUE}}"{{#AUTOCOMPLETE}} autocomplete="{{AC}}"{{/AUTOCOMPLETE}}{{#NO_SPELLCHECK}} spellcheck="false"{{/NO_SPELLCHECK}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
</div>{{/TEXT}}
{{#AREA}}<div class="govuk-form-group{{#IN_ERROR}} govuk-form-group--error{{/IN_ERROR}}">
{{#ALONE}}<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="{{NAME}}">{{LABEL}}</label></h1>{{/ALONE}}{{#WITH_OTHERS}}<label class="govuk-label govuk-label--s" for="{{NAME}}">{{LABEL}}</label>{{/WITH_OTHERS}}
{{#HINT}}<div id="{{NAME}}-hint" class="govuk-hint">{{TEXT}}</div>{{/HINT}}
{{#ERROR}}<p id="{{NAME}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<textarea class="govuk-textarea{{#IN_ERROR}} govuk-textarea--error{{/IN_ERROR}}" id="{{NAME}}" name="{{NAME}}" rows="{{#ALONE}}8{{/ALONE}}{{#WITH_OTHERS}}3{{/WITH_OTHERS}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>{{VALUE}}</textarea>
</div>{{/AREA}}
{{#WHO}}<div class="govuk-form-group{{#IN_ERROR}} govuk-form-group--error{{/IN_ERROR}}">
<fieldset class="govuk-fieldset"{{#IN_ERROR}} aria-describedby="{{NAME}}-error"{{/IN_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">{{LABEL}}</h1></legend>
{{#ERROR}}<p id="{{NAME}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{NAME}}" name="{{NAME}}" type="radio" value="no"{{#MYSELF}} checked{{/MYSELF}}><label class="govuk-label govuk-radios__label" for="{{NAME}}">I am applying for myself: the behaviour is aimed at me or my household</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{NAME}}-yes" name="{{NAME}}" type="radio" value="yes" aria-describedby="{{NAME}}-yes-hint"{{#SOMEONE_ELSE}} checked{{/SOMEONE_ELSE}}><label class="govuk-label govuk-radios__label" for="{{NAME}}-yes">I am applying for someone else</label><div id="{{NAME}}-yes-hint" class="govuk-hint govuk-radios__hint">For example, a family member, a friend, a carer, a councillor or an MP, with the victim's agreement</div></div>
</div>
</fieldset>
</div>{{/WHO}}
{{/FIELD}}
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div></div>
{{>FOOT}}
