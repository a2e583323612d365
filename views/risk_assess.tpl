{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/incidents/{{REFERENCE}}" class="govuk-back-link">Incident {{REFERENCE}}</a>
{{>ERROR_SUMMARY}}
<span class="govuk-caption-l">Incident {{REFERENCE}}, {{TYPE}}</span>
<h1 class="govuk-heading-l">{{#REASSESS}}Reassess the risk{{/REASSESS}}{{#FIRST}}Assess the risk{{/FIRST}}</h1>
{{#LAST}}<div class="govuk-inset-text">Last assessed {{WHEN}}: {{LEVEL}} risk, score {{SCORE}}. <a class="govuk-link" href="/staff/incidents/{{REFERENCE}}/risk/history">See every assessment</a>.</div>{{/LAST}}
<p class="govuk-body">{{QUESTIONNAIRE_NAME}} (questionnaire version {{QUESTIONNAIRE}}). Answer every question; choose "Don't know" if the victim could not say or was not asked.</p>
<form method="post" action="/staff/incidents/{{REFERENCE}}/risk" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="questionnaire" value="{{QUESTIONNAIRE}}">
{{#QUESTION}}
<div class="govuk-form-group{{#ERROR}} govuk-form-group--error{{/ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="{{#HINT}}{{FIELD}}-hint {{/HINT}}{{#ERROR}}{{FIELD}}-error{{/ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{{LABEL}}</legend>
{{#HINT}}<div id="{{FIELD}}-hint" class="govuk-hint">{{TEXT}}</div>{{/HINT}}
{{#ERROR}}<p id="{{FIELD}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{FIELD}}" name="{{FIELD}}" type="radio" value="yes"{{#YES}} checked{{/YES}}><label class="govuk-label govuk-radios__label" for="{{FIELD}}">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{FIELD}}-no" name="{{FIELD}}" type="radio" value="no"{{#NO}} checked{{/NO}}><label class="govuk-label govuk-radios__label" for="{{FIELD}}-no">No</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{FIELD}}-unknown" name="{{FIELD}}" type="radio" value="unknown"{{#UNKNOWN}} checked{{/UNKNOWN}}><label class="govuk-label govuk-radios__label" for="{{FIELD}}-unknown">Don't know</label></div>
</div>
</fieldset>
</div>
{{/QUESTION}}
<div class="govuk-form-group{{#REASON_ERROR}} govuk-form-group--error{{/REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="reason">{{#REASSESS}}Why are you reassessing the risk?{{/REASSESS}}{{#FIRST}}Notes (optional){{/FIRST}}</label>
<div id="reason-hint" class="govuk-hint">Up to 2,000 characters. {{#REASSESS}}For example, what has changed since the last assessment.{{/REASSESS}}</div>
{{#REASON_ERROR}}<p id="reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REASON_ERROR}}
<textarea class="govuk-textarea{{#REASON_ERROR}} govuk-textarea--error{{/REASON_ERROR}}" id="reason" name="reason" rows="4" aria-describedby="reason-hint{{#REASON_ERROR}} reason-error{{/REASON_ERROR}}">{{REASON}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Save the assessment</button>
</form>
{{>FOOT}}
