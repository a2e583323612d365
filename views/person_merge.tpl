{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/people/{{ID}}" class="govuk-back-link">Back to the person</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-full">
{{>ERROR_SUMMARY}}
{{#CHOOSE}}
<h1 class="govuk-heading-l">Merge with another record</h1>
<form method="get" action="/staff/people/{{ID}}/merge" novalidate>
<div class="govuk-form-group{{#WITH_ERROR}} govuk-form-group--error{{/WITH_ERROR}}">
<label class="govuk-label govuk-label--s" for="with">Record number of the other person</label>
<div id="with-hint" class="govuk-hint">It is on their page, under “Person, record”. You will see both records side by side before anything changes.</div>
{{#WITH_ERROR}}<p id="with-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/WITH_ERROR}}
<input class="govuk-input govuk-input--width-10{{#WITH_ERROR}} govuk-input--error{{/WITH_ERROR}}" id="with" name="with" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" value="{{WITH}}" aria-describedby="with-hint{{#WITH_ERROR}} with-error{{/WITH_ERROR}}">
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Compare the records</button>
</form>
{{/CHOOSE}}
{{#PAIR}}
<h1 class="govuk-heading-l">Merge these records?</h1>
<p class="govuk-body">The record you do not keep is marked as merged. Its incidents, reports, calls and Case Review notices move to the record you keep. Its own details are not copied. You can undo the merge from its page.</p>
<div class="concord-table-scroll" role="region" aria-label="The two records side by side" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m">The two records side by side</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<td class="govuk-table__header"><span class="govuk-visually-hidden">Detail</span></td>
<th scope="col" class="govuk-table__header">This record ({{ID}})</th>
<th scope="col" class="govuk-table__header">Record {{OTHER_ID}}</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#ROW}}<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{{KEY}}</th><td class="govuk-table__cell">{{A}}</td><td class="govuk-table__cell">{{B}}</td></tr>
{{/ROW}}</tbody>
</table>
</div>
<form method="post" action="/staff/people/{{ID}}/merge" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="with" value="{{OTHER_ID}}">
<div class="govuk-form-group{{#KEEP_ERROR}} govuk-form-group--error{{/KEEP_ERROR}}">
<fieldset class="govuk-fieldset"{{#KEEP_ERROR}} aria-describedby="keep-error"{{/KEEP_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Which record do you keep?</legend>
{{#KEEP_ERROR}}<p id="keep-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/KEEP_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="keep" name="keep" type="radio" value="this"{{#KEEP_THIS}} checked{{/KEEP_THIS}}><label class="govuk-label govuk-radios__label" for="keep">Keep this record: {{NAME}} ({{ID}})</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="keep-other" name="keep" type="radio" value="other"{{#KEEP_OTHER}} checked{{/KEEP_OTHER}}><label class="govuk-label govuk-radios__label" for="keep-other">Keep record {{OTHER_ID}}: {{OTHER_NAME}}</label></div>
</div>
</fieldset>
</div>
<div class="govuk-button-group">
<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Merge the records</button>
<a class="govuk-link" href="/staff/people/{{ID}}">Cancel</a>
</div>
</form>
{{/PAIR}}
</div>
</div>
{{>FOOT}}
