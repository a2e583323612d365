{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/types" class="govuk-back-link">Back to ASB types</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">{{HEADING}}</h1>
{{#EDITING}}<p class="govuk-body"><a class="govuk-link" href="/admin/types/{{ID}}/history">See the history of this type</a></p>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Code</dt>
<dd class="govuk-summary-list__value">{{CODE}}<div class="govuk-hint govuk-!-margin-bottom-0">Open311 clients and reports in progress know the type by its code, so it cannot be changed.</div></dd>
</div>
</dl>{{/EDITING}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#EDITING}}<input type="hidden" name="version" value="{{VERSION}}">{{/EDITING}}
{{#NEW}}
<div class="govuk-form-group{{#CODE_ERROR}} govuk-form-group--error{{/CODE_ERROR}}">
<label class="govuk-label govuk-label--s" for="code">Code</label>
<div id="code-hint" class="govuk-hint">2 to 48 lower-case letters, digits and hyphens, for example noise-alarms. Open311 clients use it as the service code. It cannot be changed later.</div>
{{#CODE_ERROR}}<p id="code-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CODE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#CODE_ERROR}} govuk-input--error{{/CODE_ERROR}}" id="code" name="code" type="text" spellcheck="false" autocomplete="off" value="{{CODE}}" aria-describedby="code-hint{{#CODE_ERROR}} code-error{{/CODE_ERROR}}">
</div>
{{/NEW}}
<div class="govuk-form-group{{#NAME_ERROR}} govuk-form-group--error{{/NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="name">Name</label>
<div id="name-hint" class="govuk-hint">What people reporting see, for example Barking dogs.</div>
{{#NAME_ERROR}}<p id="name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NAME_ERROR}}
<input class="govuk-input{{#NAME_ERROR}} govuk-input--error{{/NAME_ERROR}}" id="name" name="name" type="text" autocomplete="off" value="{{NAME}}" aria-describedby="name-hint{{#NAME_ERROR}} name-error{{/NAME_ERROR}}">
</div>
<div class="govuk-form-group{{#CATEGORY_ERROR}} govuk-form-group--error{{/CATEGORY_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="category-hint{{#CATEGORY_ERROR}} category-error{{/CATEGORY_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Category</legend>
<div id="category-hint" class="govuk-hint">The Home Office category: personal (aimed at a person, household or group), nuisance (affecting a community) or environmental (affecting public spaces and buildings).</div>
{{#CATEGORY_ERROR}}<p id="category-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CATEGORY_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
{{#CATEGORY_OPTION}}<div class="govuk-radios__item">
<input class="govuk-radios__input" id="{{ID}}" name="category" type="radio" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-radios__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/CATEGORY_OPTION}}
</div>
</fieldset>
</div>
{{#CHOOSE_PARENT}}
<div class="govuk-form-group{{#PARENT_ERROR}} govuk-form-group--error{{/PARENT_ERROR}}">
<label class="govuk-label govuk-label--s" for="parent">Sub-type of</label>
<div id="parent-hint" class="govuk-hint">People choose the parent type first, then this one. Leave as none for a top-level type.</div>
{{#PARENT_ERROR}}<p id="parent-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PARENT_ERROR}}
<select class="govuk-select{{#PARENT_ERROR}} govuk-select--error{{/PARENT_ERROR}}" id="parent" name="parent" aria-describedby="parent-hint{{#PARENT_ERROR}} parent-error{{/PARENT_ERROR}}">
<option value="">None (a top-level type)</option>
{{#PARENT_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/PARENT_OPTION}}
</select>
</div>
{{/CHOOSE_PARENT}}
{{#HAS_CHILDREN}}<p class="govuk-body">This type has {{N}} sub-types, so it cannot be a sub-type itself.</p>{{/HAS_CHILDREN}}
<div class="govuk-form-group{{#HINT_ERROR}} govuk-form-group--error{{/HINT_ERROR}}">
<label class="govuk-label govuk-label--s" for="hint">Hint (optional)</label>
<div id="hint-hint" class="govuk-hint">Shown under the name to help people choose, for example Music, TV or parties heard from a home, business or vehicle.</div>
{{#HINT_ERROR}}<p id="hint-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/HINT_ERROR}}
<textarea class="govuk-textarea{{#HINT_ERROR}} govuk-textarea--error{{/HINT_ERROR}}" id="hint" name="hint" rows="3" aria-describedby="hint-hint{{#HINT_ERROR}} hint-error{{/HINT_ERROR}}">{{HINT:pre_escape}}</textarea>
</div>
<div class="govuk-form-group{{#RETENTION_DAYS_ERROR}} govuk-form-group--error{{/RETENTION_DAYS_ERROR}}">
<label class="govuk-label govuk-label--s" for="retention-days">Days evidence is kept</label>
<div id="retention-days-hint" class="govuk-hint">After the incident is closed. 730 days is 2 years.</div>
{{#RETENTION_DAYS_ERROR}}<p id="retention-days-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RETENTION_DAYS_ERROR}}
<input class="govuk-input govuk-input--width-5{{#RETENTION_DAYS_ERROR}} govuk-input--error{{/RETENTION_DAYS_ERROR}}" id="retention-days" name="retention-days" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" value="{{RETENTION}}" aria-describedby="retention-days-hint{{#RETENTION_DAYS_ERROR}} retention-days-error{{/RETENTION_DAYS_ERROR}}">
</div>
<div class="govuk-form-group{{#SORT_ORDER_ERROR}} govuk-form-group--error{{/SORT_ORDER_ERROR}}">
<label class="govuk-label govuk-label--s" for="sort-order">Order</label>
<div id="sort-order-hint" class="govuk-hint">Types are listed from the lowest number to the highest.</div>
{{#SORT_ORDER_ERROR}}<p id="sort-order-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SORT_ORDER_ERROR}}
<input class="govuk-input govuk-input--width-5{{#SORT_ORDER_ERROR}} govuk-input--error{{/SORT_ORDER_ERROR}}" id="sort-order" name="sort-order" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" value="{{ORDER}}" aria-describedby="sort-order-hint{{#SORT_ORDER_ERROR}} sort-order-error{{/SORT_ORDER_ERROR}}">
</div>
<div class="govuk-form-group{{#ACTIVE_ERROR}} govuk-form-group--error{{/ACTIVE_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="active-hint{{#ACTIVE_ERROR}} active-error{{/ACTIVE_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Is it active?</legend>
<div id="active-hint" class="govuk-hint">Only active types are offered to people reporting. Sub-types of an inactive type are not offered either.</div>
{{#ACTIVE_ERROR}}<p id="active-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ACTIVE_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="active" name="active" type="radio" value="yes"{{#ACTIVE_YES}} checked{{/ACTIVE_YES}}>
<label class="govuk-label govuk-radios__label" for="active">Yes</label>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="active-2" name="active" type="radio" value="no"{{#ACTIVE_NO}} checked{{/ACTIVE_NO}}>
<label class="govuk-label govuk-radios__label" for="active-2">No</label>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#REASON_ERROR}} govuk-form-group--error{{/REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="reason">Reason for the change (optional)</label>
<div id="reason-hint" class="govuk-hint">Recorded in the audit trail with your name.</div>
{{#REASON_ERROR}}<p id="reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REASON_ERROR}}
<textarea class="govuk-textarea{{#REASON_ERROR}} govuk-textarea--error{{/REASON_ERROR}}" id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#REASON_ERROR}} reason-error{{/REASON_ERROR}}">{{REASON:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">{{BUTTON}}</button>
</form>
</div>
</div>
{{#QUESTIONS}}
<h2 class="govuk-heading-m" id="questions">Questions</h2>
<p class="govuk-body">Asked one a page, in this order, after someone chooses this type. Changing a question makes a new version of it: reports already made keep the words they were asked in.</p>
<a href="/admin/types/{{TYPE_ID}}/questions/new" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add a question</a>
{{#NO_QUESTIONS}}<p class="govuk-body">This type has no questions yet.</p>{{/NO_QUESTIONS}}
{{#QUESTION_TABLE}}
<div class="concord-table-scroll" role="region" aria-label="Questions of this type" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Questions of this type, in the order they are asked</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Order</th>
<th scope="col" class="govuk-table__header">Question</th>
<th scope="col" class="govuk-table__header">Key</th>
<th scope="col" class="govuk-table__header">Kind</th>
<th scope="col" class="govuk-table__header">Required</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Triage weight</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Version</th>
<th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">History</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#QUESTION}}
<tr class="govuk-table__row">
<td class="govuk-table__cell govuk-table__cell--numeric">{{ORDER}}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/questions/{{ID}}">{{LABEL}}<span class="govuk-visually-hidden"> (change)</span></a></td>
<td class="govuk-table__cell">{{KEY}}</td>
<td class="govuk-table__cell">{{KIND}}</td>
<td class="govuk-table__cell">{{REQUIRED}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">{{WEIGHT}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">{{VERSION}}</td>
<td class="govuk-table__cell">{{#ACTIVE}}<strong class="govuk-tag govuk-tag--green">Active</strong>{{/ACTIVE}}{{#INACTIVE}}<strong class="govuk-tag govuk-tag--grey">Inactive</strong>{{/INACTIVE}}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/questions/{{ID}}/history">History<span class="govuk-visually-hidden"> of the question {{KEY}}</span></a></td>
</tr>
{{/QUESTION}}
</tbody>
</table>
</div>
{{/QUESTION_TABLE}}
{{/QUESTIONS}}
{{>FOOT}}
