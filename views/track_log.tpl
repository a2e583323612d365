{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/track/{{REFERENCE}}?t={{TOKEN}}" class="govuk-back-link">Back to your report</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<span class="govuk-caption-l">Report {{REFERENCE}}</span>
<h1 class="govuk-heading-l">Log another occurrence</h1>
<p class="govuk-body">Tell us about another time it happened. It is added to your report, so the people dealing with it see it. It is not a new report.</p>
<form method="post" action="/track/{{REFERENCE}}/log?t={{TOKEN}}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="govuk-form-group{{#OCCURRED_DAY_ERROR}} govuk-form-group--error{{/OCCURRED_DAY_ERROR}}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="occurred-hint{{#OCCURRED_DAY_ERROR}} occurred-day-error{{/OCCURRED_DAY_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">When did it happen?</legend>
<div id="occurred-hint" class="govuk-hint">For example, 27 3 2026</div>
{{#OCCURRED_DAY_ERROR}}<p id="occurred-day-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OCCURRED_DAY_ERROR}}
<div class="govuk-date-input">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="occurred-day">Day</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#OCCURRED_DAY_PART}} govuk-input--error{{/OCCURRED_DAY_PART}}" id="occurred-day" name="occurred-day" type="text" inputmode="numeric" value="{{DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="occurred-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#OCCURRED_MONTH_PART}} govuk-input--error{{/OCCURRED_MONTH_PART}}" id="occurred-month" name="occurred-month" type="text" inputmode="numeric" value="{{MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="occurred-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#OCCURRED_YEAR_PART}} govuk-input--error{{/OCCURRED_YEAR_PART}}" id="occurred-year" name="occurred-year" type="text" inputmode="numeric" value="{{YEAR}}"></div></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#OCCURRED_TIME_ERROR}} govuk-form-group--error{{/OCCURRED_TIME_ERROR}}">
<label class="govuk-label govuk-label--s" for="occurred-time">Time (optional)</label>
<div id="occurred-time-hint" class="govuk-hint">For example, 9:30pm or 21:30. Leave this blank if you are not sure.</div>
{{#OCCURRED_TIME_ERROR}}<p id="occurred-time-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OCCURRED_TIME_ERROR}}
<input class="govuk-input govuk-input--width-5{{#OCCURRED_TIME_ERROR}} govuk-input--error{{/OCCURRED_TIME_ERROR}}" id="occurred-time" name="occurred-time" type="text" value="{{TIME}}" aria-describedby="occurred-time-hint{{#OCCURRED_TIME_ERROR}} occurred-time-error{{/OCCURRED_TIME_ERROR}}">
</div>
<div class="govuk-form-group govuk-character-count{{#WHAT_ERROR}} govuk-form-group--error{{/WHAT_ERROR}}" data-module="govuk-character-count" data-maxlength="{{WHAT_MAX}}">
<label class="govuk-label govuk-label--m" for="what">What happened?</label>
<div id="what-hint" class="govuk-hint">Say what you saw or heard, and who was involved if you know.</div>
{{#WHAT_ERROR}}<p id="what-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/WHAT_ERROR}}
<textarea class="govuk-textarea govuk-js-character-count{{#WHAT_ERROR}} govuk-textarea--error{{/WHAT_ERROR}}" id="what" name="what" rows="6" aria-describedby="what-info what-hint{{#WHAT_ERROR}} what-error{{/WHAT_ERROR}}">{{WHAT}}</textarea>
<div id="what-info" class="govuk-hint govuk-character-count__message">You can enter up to {{WHAT_MAX}} characters</div>
</div>
<div class="govuk-form-group govuk-character-count{{#IMPACT_ERROR}} govuk-form-group--error{{/IMPACT_ERROR}}" data-module="govuk-character-count" data-maxlength="{{IMPACT_MAX}}">
<label class="govuk-label govuk-label--m" for="impact">How did it affect you? (optional)</label>
<div id="impact-hint" class="govuk-hint">For example, if you could not sleep, were afraid to go out, or had to change your plans.</div>
{{#IMPACT_ERROR}}<p id="impact-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/IMPACT_ERROR}}
<textarea class="govuk-textarea govuk-js-character-count{{#IMPACT_ERROR}} govuk-textarea--error{{/IMPACT_ERROR}}" id="impact" name="impact" rows="4" aria-describedby="impact-info impact-hint{{#IMPACT_ERROR}} impact-error{{/IMPACT_ERROR}}">{{IMPACT}}</textarea>
<div id="impact-info" class="govuk-hint govuk-character-count__message">You can enter up to {{IMPACT_MAX}} characters</div>
</div>
<div class="govuk-form-group{{#EVIDENCE_ERROR}} govuk-form-group--error{{/EVIDENCE_ERROR}}">
<label class="govuk-label govuk-label--m" for="evidence">Add photos, recordings or documents (optional)</label>
<div id="evidence-hint" class="govuk-hint">Up to {{FILES_MAX}} files, each smaller than {{FILE_MB}} MB: photos (JPG, PNG, HEIC), videos (MP4, MOV), audio recordings (MP3, M4A, WAV) or documents (PDF, DOCX, ODT). Do not put yourself in danger to record anything.</div>
{{#DROPPED}}<p class="govuk-body" id="evidence-again"><strong>Select your files again</strong> ({{NAMES}}): files are not kept while the form has a problem.</p>{{/DROPPED}}
{{#EVIDENCE_ERROR}}<p id="evidence-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EVIDENCE_ERROR}}
<input class="govuk-file-upload{{#EVIDENCE_ERROR}} govuk-file-upload--error{{/EVIDENCE_ERROR}}" id="evidence" name="evidence" type="file" multiple accept="image/*,video/*,audio/*,.pdf,.doc,.docx,.odt,.txt" aria-describedby="evidence-hint{{#DROPPED}} evidence-again{{/DROPPED}}{{#EVIDENCE_ERROR}} evidence-error{{/EVIDENCE_ERROR}}">
</div>
<button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Save entry</button>
</form>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If you are in danger now, call 999.</strong></div>
</div>
</div>
{{>FOOT}}
