{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/case-review" class="govuk-back-link">Case Review register</a>
{{>ERROR_SUMMARY}}
<span class="govuk-caption-l">ASB Case Review application</span>
<h1 class="govuk-heading-l">{{REFERENCE}}</h1>
<p class="govuk-body"><strong class="govuk-tag" id="status">{{STATUS}}</strong></p>
<h2 class="govuk-heading-m">The application</h2>
<dl class="govuk-summary-list" id="details">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Received</dt><dd class="govuk-summary-list__value">{{RECEIVED}}, {{CHANNEL}}, by {{RECEIVED_BY}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Made to</dt><dd class="govuk-summary-list__value">{{AGENCY}} (co-ordinator: {{TEAM}})</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Applicant</dt><dd class="govuk-summary-list__value">{{NAME}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Contact</dt><dd class="govuk-summary-list__value"><p class="govuk-body">{{EMAIL}}</p><p class="govuk-body">{{PHONE}}</p><p class="govuk-body">{{ADDRESS}} {{POSTCODE}}</p></dd></div>
{{#ON_BEHALF}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">On behalf of</dt><dd class="govuk-summary-list__value">{{VICTIM}}</dd></div>{{/ON_BEHALF}}
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What has been happening</dt><dd class="govuk-summary-list__value">{{#BEHAVIOUR_P}}<p class="govuk-body">{{TEXT}}</p>{{/BEHAVIOUR_P}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reported to</dt><dd class="govuk-summary-list__value">{{#REPORTED_P}}<p class="govuk-body">{{TEXT}}</p>{{/REPORTED_P}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Victim's record</dt><dd class="govuk-summary-list__value">{{#PERSON}}<a class="govuk-link" href="/staff/people/{{ID}}">{{NAME}}</a>{{/PERSON}}{{#NO_PERSON}}Not linked{{/NO_PERSON}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Monitored case</dt><dd class="govuk-summary-list__value">{{#CASE}}<a class="govuk-link" href="/staff/cases/{{CASE_REF}}">{{CASE_REF}}</a>{{/CASE}}{{#NO_CASE}}Not linked{{/NO_CASE}}</dd></div>
</dl>

<h2 class="govuk-heading-m" id="milestones-heading">Milestones</h2>
<div class="concord-table-scroll" role="region" aria-labelledby="milestones-heading" tabindex="0">
<table class="govuk-table" id="milestones">
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Milestone</th>
<th scope="col" class="govuk-table__header">Due by the end of</th>
<th scope="col" class="govuk-table__header">State</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#MILESTONE}}<tr class="govuk-table__row" data-kind="{{KIND}}" data-due="{{DUE_ON}}">
<td class="govuk-table__cell">{{LABEL}}</td>
<td class="govuk-table__cell">{{DUE}}</td>
<td class="govuk-table__cell">{{#DONE}}<strong class="govuk-tag govuk-tag--green">Done</strong> {{WHEN}}{{#HAS_NOTE}}<br>{{NOTE}}{{/HAS_NOTE}}{{/DONE}}{{#OVERDUE}}<strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/OVERDUE}}{{#OPEN}}<strong class="govuk-tag govuk-tag--grey">To do</strong>{{/OPEN}}{{#BY_ITS_FORM}}<p class="govuk-body-s">Recorded with its form below.</p>{{/BY_ITS_FORM}}
{{#MARK}}<form method="post" action="/staff/case-review/{{REFERENCE}}/milestones/{{KIND}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#NOTE_ERROR}} govuk-form-group--error{{/NOTE_ERROR}}">
<label class="govuk-label govuk-label--s" for="note-{{KIND}}">Note (optional)</label>
{{#NOTE_ERROR}}<p id="note-{{KIND}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NOTE_ERROR}}
<textarea class="govuk-textarea" id="note-{{KIND}}" name="note" rows="2">{{NOTE_VALUE}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Mark done<span class="govuk-visually-hidden">: {{LABEL}}</span></button>
</form>{{/MARK}}</td>
</tr>
{{/MILESTONE}}</tbody>
</table>
</div>

<h2 class="govuk-heading-m" id="decision">The threshold decision</h2>
{{#DECIDED}}<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Decision</dt><dd class="govuk-summary-list__value" id="decision-result">{{RESULT}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Qualifying complaints</dt><dd class="govuk-summary-list__value">{{COMPLAINTS}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reasons</dt><dd class="govuk-summary-list__value">{{#REASONS_P}}<p class="govuk-body">{{TEXT}}</p>{{/REASONS_P}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Decided</dt><dd class="govuk-summary-list__value">{{WHEN}}</dd></div>
</dl>{{/DECIDED}}
{{#DECIDE}}
{{#NO_COUNT}}<p class="govuk-body" id="complaints-counted">Link the victim below to count their qualifying complaints automatically, across every agency.</p>{{/NO_COUNT}}
{{#COUNT_FAILED}}<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The victim's complaints could not be counted just now. Try again, or count them by hand.</strong></div>{{/COUNT_FAILED}}
{{#COUNTED}}<div id="complaints-counted">
<p class="govuk-body">Counted automatically for {{VICTIM}}, across every agency: <strong>{{COUNT}} qualifying complaints</strong> in the {{WINDOW}} before the application. {{MET}}</p>
<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">The complaints counted, and why</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Incident</th><th scope="col" class="govuk-table__header">Made to</th><th scope="col" class="govuk-table__header">Made on</th><th scope="col" class="govuk-table__header">Counted?</th></tr></thead>
<tbody class="govuk-table__body">{{#COMPLAINT}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{REFERENCE}}</td><td class="govuk-table__cell">{{AGENCY}}</td><td class="govuk-table__cell">{{MADE}}</td><td class="govuk-table__cell">{{WHY}}</td></tr>{{/COMPLAINT}}
{{#NONE}}<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">No complaints by this victim in the period.</td></tr>{{/NONE}}</tbody></table>
</div>{{/COUNTED}}
<form method="post" action="/staff/case-review/{{REFERENCE}}/decision" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#MET_ERROR}} govuk-form-group--error{{/MET_ERROR}}">
<fieldset class="govuk-fieldset"{{#MET_ERROR}} aria-describedby="met-error"{{/MET_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Is the threshold met?</legend>
{{#MET_ERROR}}<p id="met-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/MET_ERROR}}
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="met" name="met" type="radio" value="yes"{{#MET_YES}} checked{{/MET_YES}}><label class="govuk-label govuk-radios__label" for="met">Yes, the threshold is met</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="met-no" name="met" type="radio" value="no"{{#MET_NO}} checked{{/MET_NO}}><label class="govuk-label govuk-radios__label" for="met-no">No, it is not met</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#COMPLAINTS_ERROR}} govuk-form-group--error{{/COMPLAINTS_ERROR}}">
<label class="govuk-label govuk-label--s" for="complaints">Qualifying complaints you confirm</label>
<div id="complaints-hint" class="govuk-hint">Complaints about the behaviour made within one month of it, in the six months before the application; one behaviour reported to several agencies counts once</div>
{{#COMPLAINTS_ERROR}}<p id="complaints-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/COMPLAINTS_ERROR}}
<input class="govuk-input govuk-input--width-3{{#COMPLAINTS_ERROR}} govuk-input--error{{/COMPLAINTS_ERROR}}" id="complaints" name="complaints" type="text" inputmode="numeric" value="{{COMPLAINTS_VALUE}}" aria-describedby="complaints-hint{{#COMPLAINTS_ERROR}} complaints-error{{/COMPLAINTS_ERROR}}">
</div>
<div class="govuk-form-group{{#REASONS_ERROR}} govuk-form-group--error{{/REASONS_ERROR}}">
<label class="govuk-label govuk-label--s" for="reasons">Reasons</label>
{{#REASONS_ERROR}}<p id="reasons-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REASONS_ERROR}}
<textarea class="govuk-textarea{{#REASONS_ERROR}} govuk-textarea--error{{/REASONS_ERROR}}" id="reasons" name="reasons" rows="4"{{#REASONS_ERROR}} aria-describedby="reasons-error"{{/REASONS_ERROR}}>{{REASONS_VALUE}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Record the decision</button>
</form>{{/DECIDE}}

<h2 class="govuk-heading-m" id="review">The review</h2>
{{#HELD}}<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Held on</dt><dd class="govuk-summary-list__value" id="review-held">{{WHEN}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Victim invited</dt><dd class="govuk-summary-list__value">{{INVITED}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Recommendations</dt><dd class="govuk-summary-list__value">{{RECS}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Outcome</dt><dd class="govuk-summary-list__value">{{#OUTCOME_P}}<p class="govuk-body">{{TEXT}}</p>{{/OUTCOME_P}}</dd></div>
</dl>{{/HELD}}
{{#REVIEW}}<form method="post" action="/staff/case-review/{{REFERENCE}}/review" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#HELD_DAY_ERROR}} govuk-form-group--error{{/HELD_DAY_ERROR}}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="held-hint{{#HELD_DAY_ERROR}} held-day-error{{/HELD_DAY_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">When was the review held?</legend>
<div id="held-hint" class="govuk-hint">For example, 27 3 2026</div>
{{#HELD_DAY_ERROR}}<p id="held-day-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/HELD_DAY_ERROR}}
<div class="govuk-date-input">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="held-day">Day</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#HELD_DAY_PART}} govuk-input--error{{/HELD_DAY_PART}}" id="held-day" name="held-day" type="text" inputmode="numeric" value="{{DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="held-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#HELD_MONTH_PART}} govuk-input--error{{/HELD_MONTH_PART}}" id="held-month" name="held-month" type="text" inputmode="numeric" value="{{MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="held-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#HELD_YEAR_PART}} govuk-input--error{{/HELD_YEAR_PART}}" id="held-year" name="held-year" type="text" inputmode="numeric" value="{{YEAR}}"></div></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#INVITED_ERROR}} govuk-form-group--error{{/INVITED_ERROR}}">
<fieldset class="govuk-fieldset"{{#INVITED_ERROR}} aria-describedby="invited-error"{{/INVITED_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Was the victim invited?</legend>
{{#INVITED_ERROR}}<p id="invited-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/INVITED_ERROR}}
<div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="invited" name="invited" type="radio" value="yes"{{#INVITED_YES}} checked{{/INVITED_YES}}><label class="govuk-label govuk-radios__label" for="invited">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="invited-no" name="invited" type="radio" value="no"{{#INVITED_NO}} checked{{/INVITED_NO}}><label class="govuk-label govuk-radios__label" for="invited-no">No</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#RECOMMENDATIONS_ERROR}} govuk-form-group--error{{/RECOMMENDATIONS_ERROR}}">
<fieldset class="govuk-fieldset"{{#RECOMMENDATIONS_ERROR}} aria-describedby="recommendations-error"{{/RECOMMENDATIONS_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Did it make recommendations?</legend>
{{#RECOMMENDATIONS_ERROR}}<p id="recommendations-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RECOMMENDATIONS_ERROR}}
<div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="recommendations" name="recommendations" type="radio" value="yes"{{#RECS_YES}} checked{{/RECS_YES}}><label class="govuk-label govuk-radios__label" for="recommendations">Yes</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="recommendations-no" name="recommendations" type="radio" value="no"{{#RECS_NO}} checked{{/RECS_NO}}><label class="govuk-label govuk-radios__label" for="recommendations-no">No</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#OUTCOME_ERROR}} govuk-form-group--error{{/OUTCOME_ERROR}}">
<label class="govuk-label govuk-label--s" for="outcome">Outcome</label>
{{#OUTCOME_ERROR}}<p id="outcome-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OUTCOME_ERROR}}
<textarea class="govuk-textarea{{#OUTCOME_ERROR}} govuk-textarea--error{{/OUTCOME_ERROR}}" id="outcome" name="outcome" rows="4"{{#OUTCOME_ERROR}} aria-describedby="outcome-error"{{/OUTCOME_ERROR}}>{{OUTCOME_VALUE}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Record the review</button>
</form>{{/REVIEW}}

<h2 class="govuk-heading-m" id="links">Victim and case</h2>
<form method="post" action="/staff/case-review/{{REFERENCE}}/link" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<div class="govuk-form-group{{#PERSON_ERROR}} govuk-form-group--error{{/PERSON_ERROR}}">
<label class="govuk-label govuk-label--s" for="person">The victim's person number (optional)</label>
<div id="person-hint" class="govuk-hint">From the address of their page, /staff/people/1234. Leave blank to unlink</div>
{{#PERSON_ERROR}}<p id="person-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PERSON_ERROR}}
<input class="govuk-input govuk-input--width-10{{#PERSON_ERROR}} govuk-input--error{{/PERSON_ERROR}}" id="person" name="person" type="text" inputmode="numeric" value="{{PERSON_VALUE}}" aria-describedby="person-hint{{#PERSON_ERROR}} person-error{{/PERSON_ERROR}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="case">Monitored case reference (optional)</label>
<div id="case-hint" class="govuk-hint">For example, CASE-2026-000012. Leave blank to unlink</div>
<input class="govuk-input govuk-input--width-20" id="case" name="case" type="text" value="{{CASE_VALUE}}" aria-describedby="case-hint" spellcheck="false">
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Save the links</button>
</form>
{{>FOOT}}
