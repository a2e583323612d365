{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/risk-reviews" class="govuk-back-link">Risk reviews due</a>
{{>ERROR_SUMMARY}}
<span class="govuk-caption-l">Incident {{REFERENCE}}, {{TYPE}}</span>
<h1 class="govuk-heading-l">Record a risk review</h1>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Level now</dt><dd class="govuk-summary-list__value">{{LEVEL}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Assessed</dt><dd class="govuk-summary-list__value">{{ASSESSED}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Review due</dt><dd class="govuk-summary-list__value">{{#HAS_DUE}}{{DUE}}{{/HAS_DUE}}{{#NO_DUE}}No review is due by the cadence{{/NO_DUE}}</dd></div>
</dl>
<p class="govuk-body"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}/risk/history">See every assessment</a> or <a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">the incident</a>.</p>
<form method="post" action="/staff/incidents/{{REFERENCE}}/risk/review" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#LEVEL_ERROR}} govuk-form-group--error{{/LEVEL_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="level-hint{{#LEVEL_ERROR}} level-error{{/LEVEL_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">What is the level of risk now?</legend>
<div id="level-hint" class="govuk-hint">Keep the level to confirm it, or choose another to change it.</div>
{{#LEVEL_ERROR}}<p id="level-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LEVEL_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="level" name="level" type="radio" value="high"{{#HIGH}} checked{{/HIGH}}><label class="govuk-label govuk-radios__label" for="level">High</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="level-medium" name="level" type="radio" value="medium"{{#MEDIUM}} checked{{/MEDIUM}}><label class="govuk-label govuk-radios__label" for="level-medium">Medium</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="level-standard" name="level" type="radio" value="standard"{{#STANDARD}} checked{{/STANDARD}}><label class="govuk-label govuk-radios__label" for="level-standard">Standard</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#NOTE_ERROR}} govuk-form-group--error{{/NOTE_ERROR}}">
<label class="govuk-label govuk-label--s" for="note">Note of the review</label>
<div id="note-hint" class="govuk-hint">What you checked and why the level stays or changes. Up to 2,000 characters.</div>
{{#NOTE_ERROR}}<p id="note-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NOTE_ERROR}}
<textarea class="govuk-textarea{{#NOTE_ERROR}} govuk-textarea--error{{/NOTE_ERROR}}" id="note" name="note" rows="5" aria-describedby="note-hint{{#NOTE_ERROR}} note-error{{/NOTE_ERROR}}">{{NOTE}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Record the review</button>
</form>
{{>FOOT}}
