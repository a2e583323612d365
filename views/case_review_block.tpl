{{%AUTOESCAPE context="HTML"}}
<div class="govuk-inset-text" id="case-review-{{PERSON_ID}}">
{{#THRESHOLD}}<p class="govuk-body"><strong class="govuk-tag govuk-tag--red">Case Review threshold met</strong> {{NAME}}: Case Review threshold met ({{BECAUSE}})</p>{{/THRESHOLD}}
{{#TOLD}}<h3 class="govuk-heading-s">{{NAME}} knows about the ASB Case Review</h3>
<p class="govuk-body">{{NAME}} has {{COMPLAINTS}} complaints in {{WINDOW}}. Told on {{TOLD_AT}} by {{TOLD_BY}}.</p>{{/TOLD}}
{{#NOT_TOLD}}{{#HEADING}}<h3 class="govuk-heading-s">Tell {{NAME}} about the ASB Case Review</h3>{{/HEADING}}
<p class="govuk-body">{{NAME}} has {{COMPLAINTS}} complaints in {{WINDOW}}. The statutory guidance asks you to tell them they can ask for an ASB Case Review.</p>{{/NOT_TOLD}}
{{#ASK}}
<form method="post" action="/staff/incidents/{{REFERENCE}}/case-review" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="person" value="{{PERSON_ID}}">
<div class="govuk-form-group{{#HOW_ERROR}} govuk-form-group--error{{/HOW_ERROR}}">
<fieldset class="govuk-fieldset"{{#HOW_ERROR}} aria-describedby="case-review-{{PERSON_ID}}-how-error"{{/HOW_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">How did you tell them?</legend>
{{#HOW_ERROR}}<p id="case-review-{{PERSON_ID}}-how-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/HOW_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
{{#HOW}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{ID}}" name="how" type="radio" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-radios__label" for="{{ID}}">{{LABEL}}</label></div>
{{/HOW}}</div>
</fieldset>
</div>
<div class="govuk-form-group{{#NOTE_ERROR}} govuk-form-group--error{{/NOTE_ERROR}}">
<label class="govuk-label govuk-label--s" for="case-review-{{PERSON_ID}}-note">Note (optional)</label>
<div id="case-review-{{PERSON_ID}}-note-hint" class="govuk-hint">Up to 2,000 characters. For staff only.</div>
{{#NOTE_ERROR}}<p id="case-review-{{PERSON_ID}}-note-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NOTE_ERROR}}
<textarea class="govuk-textarea{{#NOTE_ERROR}} govuk-textarea--error{{/NOTE_ERROR}}" id="case-review-{{PERSON_ID}}-note" name="note" rows="2" aria-describedby="case-review-{{PERSON_ID}}-note-hint{{#NOTE_ERROR}} case-review-{{PERSON_ID}}-note-error{{/NOTE_ERROR}}">{{NOTE}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Record that you told them</button>
</form>
{{/ASK}}
</div>
