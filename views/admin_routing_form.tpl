{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/routing" class="govuk-back-link">Back to routing rules</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">{{HEADING}}</h1>
{{#EDITING}}<p class="govuk-body">This is rule {{POSITION}}. <a class="govuk-link" href="/admin/routing/{{ID}}/history">See the history of this rule</a></p>{{/EDITING}}
<p class="govuk-body">A rule matches when every condition it has holds: leave a condition empty to place no limit. Where you tick several values of one condition, any one of them will do; every flag you tick must be raised.</p>
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#EDITING}}<input type="hidden" name="version" value="{{VERSION}}">{{/EDITING}}
<div class="govuk-form-group{{#NAME_ERROR}} govuk-form-group--error{{/NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="name">Name</label>
<div id="name-hint" class="govuk-hint">What the rule is for, as staff will read it in an incident's allocation, for example "Young people involved".</div>
{{#NAME_ERROR}}<p id="name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NAME_ERROR}}
<input class="govuk-input{{#NAME_ERROR}} govuk-input--error{{/NAME_ERROR}}" id="name" name="name" type="text" autocomplete="off" value="{{NAME}}" aria-describedby="name-hint{{#NAME_ERROR}} name-error{{/NAME_ERROR}}">
</div>
<div class="govuk-form-group{{#TYPES_ERROR}} govuk-form-group--error{{/TYPES_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="types-hint{{#TYPES_ERROR}} types-error{{/TYPES_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Types of ASB</legend>
<div id="types-hint" class="govuk-hint">Leave them all unticked for any type.</div>
{{#TYPES_ERROR}}<p id="types-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TYPES_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#TYPE_OPTION}}<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{ID}}" name="types" type="checkbox" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/TYPE_OPTION}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#CATEGORIES_ERROR}} govuk-form-group--error{{/CATEGORIES_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="categories-hint{{#CATEGORIES_ERROR}} categories-error{{/CATEGORIES_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Categories</legend>
<div id="categories-hint" class="govuk-hint">Leave them all unticked for any category. A type you tick must be in one of the categories you tick.</div>
{{#CATEGORIES_ERROR}}<p id="categories-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CATEGORIES_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#CATEGORY_OPTION}}<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{ID}}" name="categories" type="checkbox" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/CATEGORY_OPTION}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#FLAGS_ERROR}} govuk-form-group--error{{/FLAGS_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="flags-hint{{#FLAGS_ERROR}} flags-error{{/FLAGS_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Flags that must all be raised</legend>
<div id="flags-hint" class="govuk-hint">Leave them all unticked to match with or without flags.</div>
{{#FLAGS_ERROR}}<p id="flags-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/FLAGS_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#FLAG_OPTION}}<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{ID}}" name="flags" type="checkbox" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/FLAG_OPTION}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#CHANNELS_ERROR}} govuk-form-group--error{{/CHANNELS_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="channels-hint{{#CHANNELS_ERROR}} channels-error{{/CHANNELS_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Channels it comes in by</legend>
<div id="channels-hint" class="govuk-hint">Leave them all unticked for any channel.</div>
{{#CHANNELS_ERROR}}<p id="channels-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CHANNELS_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#CHANNEL_OPTION}}<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{ID}}" name="channels" type="checkbox" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/CHANNEL_OPTION}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#AGENCIES_ERROR}} govuk-form-group--error{{/AGENCIES_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="agencies-hint{{#AGENCIES_ERROR}} agencies-error{{/AGENCIES_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Reporting agencies</legend>
<div id="agencies-hint" class="govuk-hint">The agency whose incident it is: a housing provider's own reports are its. Leave them all unticked for any agency.</div>
{{#AGENCIES_ERROR}}<p id="agencies-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/AGENCIES_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#AGENCY_OPTION}}<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{ID}}" name="agencies" type="checkbox" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/AGENCY_OPTION}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#AREAS_ERROR}} govuk-form-group--error{{/AREAS_ERROR}}">
<label class="govuk-label govuk-label--s" for="areas">Area codes</label>
<div id="areas-hint" class="govuk-hint">The codes of current beats or council areas, one a line or separated by commas. The rule matches an incident in any of them. Leave it empty for anywhere.</div>
{{#AREAS_ERROR}}<p id="areas-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/AREAS_ERROR}}
<textarea class="govuk-textarea govuk-!-width-one-half{{#AREAS_ERROR}} govuk-textarea--error{{/AREAS_ERROR}}" id="areas" name="areas" rows="3" spellcheck="false" aria-describedby="areas-hint{{#AREAS_ERROR}} areas-error{{/AREAS_ERROR}}">{{AREAS}}</textarea>
<details class="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">The current beats and council areas</span></summary>
<div class="govuk-details__text">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-visually-hidden">Current beats and council areas, with their codes</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Code</th><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Kind</th><th scope="col" class="govuk-table__header">Agency</th></tr></thead>
<tbody class="govuk-table__body">
{{#AREA_ROW}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{CODE}}</td><td class="govuk-table__cell">{{NAME}}</td><td class="govuk-table__cell">{{KIND}}</td><td class="govuk-table__cell">{{AGENCY}}</td></tr>
{{/AREA_ROW}}
</tbody>
</table>
</div>
</details>
</div>
<div class="govuk-form-group{{#TEAMS_ERROR}} govuk-form-group--error{{/TEAMS_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="teams-hint{{#TEAMS_ERROR}} teams-error{{/TEAMS_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Teams it sends to</legend>
<div id="teams-hint" class="govuk-hint">Select 1 to 20 teams. The incident goes to each team's queue as well as its areas' teams.</div>
{{#TEAMS_ERROR}}<p id="teams-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TEAMS_ERROR}}
{{#TEAM_GROUP}}<fieldset class="govuk-fieldset govuk-!-margin-bottom-4">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s govuk-!-font-weight-regular">{{AGENCY}}</legend>
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#TEAM_OPTION}}<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{ID}}" name="teams" type="checkbox" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/TEAM_OPTION}}
</div>
</fieldset>
{{/TEAM_GROUP}}
</fieldset>
</div>
<div class="govuk-form-group{{#STOP_ERROR}} govuk-form-group--error{{/STOP_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="stop-hint{{#STOP_ERROR}} stop-error{{/STOP_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Stop here when it matches?</legend>
<div id="stop-hint" class="govuk-hint">Yes: when this rule matches, the rules after it are not applied.</div>
{{#STOP_ERROR}}<p id="stop-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/STOP_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="stop" name="stop" type="radio" value="yes"{{#STOP_YES}} checked{{/STOP_YES}}>
<label class="govuk-label govuk-radios__label" for="stop">Yes</label>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="stop-2" name="stop" type="radio" value="no"{{#STOP_NO}} checked{{/STOP_NO}}>
<label class="govuk-label govuk-radios__label" for="stop-2">No</label>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#REASON_ERROR}} govuk-form-group--error{{/REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="reason">Reason for the change (optional)</label>
<div id="reason-hint" class="govuk-hint">Recorded in the audit trail with your name.</div>
{{#REASON_ERROR}}<p id="reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REASON_ERROR}}
<textarea class="govuk-textarea{{#REASON_ERROR}} govuk-textarea--error{{/REASON_ERROR}}" id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#REASON_ERROR}} reason-error{{/REASON_ERROR}}">{{REASON}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">{{BUTTON}}</button>
</form>
{{#EDITING}}
<h2 class="govuk-heading-m">Delete this rule</h2>
<p class="govuk-body">The rule stops applying to new incidents at once. Incidents it has already allocated keep their queues and still name it. The rules after it move up one place.</p>
<form method="post" action="/admin/routing/{{ID}}/delete" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="delete-reason">Reason for deleting it (optional)</label>
<textarea class="govuk-textarea" id="delete-reason" name="reason" rows="2"></textarea>
</div>
<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Delete rule {{POSITION}} “{{NAME}}”</button>
</form>
{{/EDITING}}
</div>
</div>
{{>FOOT}}
