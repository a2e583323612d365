{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Add photos, recordings or documents (optional)</h1>
<p class="govuk-body">If you have photos, videos, sound recordings or documents that show what happened, you can add them to your report. Only the people dealing with your report will see them.</p>
<p class="govuk-body">Do not put yourself in danger to record anything.</p>
{{#HAVE_FILES}}<h2 class="govuk-heading-m">Files added</h2>
<dl class="govuk-summary-list">
{{/HAVE_FILES}}{{#FILE}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{NAME}}</dt><dd class="govuk-summary-list__value">{{KIND}}, {{SIZE}}</dd><dd class="govuk-summary-list__actions"><form method="post" action="/report/evidence/remove" novalidate><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="file" value="{{INDEX}}">{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}<button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Remove<span class="govuk-visually-hidden"> {{NAME}}</span></button></form></dd></div>
{{/FILE}}{{#HAVE_FILES}}</dl>
{{/HAVE_FILES}}
<form method="post" action="/report/evidence" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
{{#CAN_ADD}}<div class="govuk-form-group{{#EVIDENCE_ERROR}} govuk-form-group--error{{/EVIDENCE_ERROR}}">
<label class="govuk-label govuk-label--m" for="evidence">Upload files</label>
<div id="evidence-hint" class="govuk-hint">You can add up to {{FILES_MAX}} files, each smaller than {{FILE_MB}} MB: {{KINDS}}. You can choose more than one file at a time.</div>
{{#EVIDENCE_ERROR}}<p id="evidence-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EVIDENCE_ERROR}}
<input class="govuk-file-upload{{#EVIDENCE_ERROR}} govuk-file-upload--error{{/EVIDENCE_ERROR}}" id="evidence" name="evidence" type="file" multiple accept="image/*,video/*,audio/*,.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt" aria-describedby="evidence-hint{{#EVIDENCE_ERROR}} evidence-error{{/EVIDENCE_ERROR}}">
</div>
<div class="govuk-button-group">
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" name="action" value="more">Upload and add more</button>
</div>{{/CAN_ADD}}
{{#FULL}}{{#EVIDENCE_ERROR}}<p id="evidence" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EVIDENCE_ERROR}}<p class="govuk-body">You have added the most files a report can have ({{FILES_MAX}}). Remove one to add another.</p>{{/FULL}}
<button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true" name="action" value="continue">{{NEXT}}</button>
</form>
</div>
</div>
{{>FOOT}}
