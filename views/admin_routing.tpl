{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin" class="govuk-back-link">Back to administration</a>
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Routing rules</h1>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<p class="govuk-body">Every new incident, whatever channel it comes in by, goes to the neighbourhood team of the beat it is in and the council team of its council area. One with no location, or a point outside every beat, goes to the force's manual triage queue; one with an address and no point waits there, or in its council area's queue, marked <strong>location to confirm</strong>. These rules then add specialist queues.</p>
<h2 class="govuk-heading-m">How the rules are applied</h2>
<ul class="govuk-list govuk-list--bullet">
<li>The rules are tried in order, first to last.</li>
<li>A rule matches when every condition it has holds. A condition left empty places no limit.</li>
<li>Where a condition lists several values (types, categories, channels, agencies, areas), any one of them will do.</li>
<li>Every flag a rule lists must be raised on the incident.</li>
<li>Every rule that matches adds its teams, down to and including the first matching rule that says <strong>stop</strong>. The rules after it are not applied.</li>
</ul>
</div>
</div>
{{#PROBLEMS}}
<div class="govuk-warning-text" id="problems">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>{{COUNT}} found in {{RULES}}: see the warnings next to each rule below.</strong>
</div>
{{/PROBLEMS}}
<a href="/admin/routing/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Add a rule</a>
{{#NO_RULES}}<p class="govuk-body">There are no routing rules: incidents go only to their areas' teams or the triage queue.</p>{{/NO_RULES}}
<div class="concord-table-scroll" role="region" aria-label="Routing rules, in order" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m">The rules, in the order they are tried</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Position</th>
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Conditions</th>
<th scope="col" class="govuk-table__header">Sends to</th>
<th scope="col" class="govuk-table__header">Stop</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Order</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#RULE}}
<tr class="govuk-table__row" id="rule-{{ID}}">
<td class="govuk-table__cell govuk-table__cell--numeric">{{POSITION}}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/routing/{{ID}}">{{NAME}}<span class="govuk-visually-hidden"> (change)</span></a>
<br><a class="govuk-link govuk-body-s" href="/admin/routing/{{ID}}/history">History<span class="govuk-visually-hidden"> of {{NAME}}</span></a>
{{#PROBLEM}}<div class="govuk-warning-text govuk-!-margin-top-2 govuk-!-margin-bottom-0 concord-rule-problem">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text govuk-body-s"><span class="govuk-visually-hidden">Warning</span>{{MESSAGE}}</strong>
</div>{{/PROBLEM}}
</td>
<td class="govuk-table__cell">{{#EVERY}}Every incident{{/EVERY}}<ul class="govuk-list govuk-!-margin-bottom-0">{{#CONDITION}}<li>{{WHAT}}: {{VALUES}}</li>{{/CONDITION}}</ul></td>
<td class="govuk-table__cell"><ul class="govuk-list govuk-!-margin-bottom-0">{{#TEAM}}<li>{{NAME}} <span class="govuk-hint govuk-!-display-inline govuk-body-s">{{AGENCY}}</span></li>{{/TEAM}}</ul></td>
<td class="govuk-table__cell">{{STOP}}</td>
<td class="govuk-table__cell">
{{#UP}}<form method="post" action="/admin/routing/{{ID}}/move" class="govuk-!-display-inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="direction" value="up"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" data-module="govuk-button">Up<span class="govuk-visually-hidden">: move {{NAME}} up</span></button></form>{{/UP}}
{{#DOWN}}<form method="post" action="/admin/routing/{{ID}}/move" class="govuk-!-display-inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="direction" value="down"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" data-module="govuk-button">Down<span class="govuk-visually-hidden">: move {{NAME}} down</span></button></form>{{/DOWN}}
</td>
</tr>
{{/RULE}}
</tbody>
</table>
</div>

<h2 class="govuk-heading-m" id="triage">Manual triage queue</h2>
{{#NO_FORCE}}<p class="govuk-body">There is no active core police agency, so there is no manual triage queue to set.</p>{{/NO_FORCE}}
{{#TRIAGE}}
<form method="post" action="/admin/routing/triage" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="govuk-form-group{{#TRIAGE_TEAM_ERROR}} govuk-form-group--error{{/TRIAGE_TEAM_ERROR}}">
<label class="govuk-label govuk-label--s" for="triage-team">No location, or a point outside every beat, goes to</label>
<div id="triage-team-hint" class="govuk-hint">The {{FORCE}}'s manual triage queue. An incident with an address and no point waits there, marked location to confirm, unless its council area's queue takes it.</div>
{{#TRIAGE_TEAM_ERROR}}<p id="triage-team-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TRIAGE_TEAM_ERROR}}
<select class="govuk-select{{#TRIAGE_TEAM_ERROR}} govuk-select--error{{/TRIAGE_TEAM_ERROR}}" id="triage-team" name="triage_team" aria-describedby="triage-team-hint{{#TRIAGE_TEAM_ERROR}} triage-team-error{{/TRIAGE_TEAM_ERROR}}">
<option value="">Choose a team</option>
{{#TRIAGE_GROUP}}<optgroup label="{{AGENCY}}">
{{#TRIAGE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TRIAGE_OPTION}}</optgroup>
{{/TRIAGE_GROUP}}
</select>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Save the triage queue</button>
</form>
{{/TRIAGE}}

{{#TRY}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h2 class="govuk-heading-m" id="try-it">Try it</h2>
<p class="govuk-body">See where an incident would go, and why, as the intake would place it now. Nothing is saved.</p>
<form method="get" action="/admin/routing#try-it" novalidate>
<input type="hidden" name="try" value="1">
<div class="govuk-form-group{{#TRY_WHERE_ERROR}} govuk-form-group--error{{/TRY_WHERE_ERROR}}">
<fieldset class="govuk-fieldset"{{#TRY_WHERE_ERROR}} aria-describedby="try-where-error"{{/TRY_WHERE_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Where is it?</legend>
{{#TRY_WHERE_ERROR}}<p id="try-where-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TRY_WHERE_ERROR}}
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
{{#TRY_WHERE}}<div class="govuk-radios__item">
<input class="govuk-radios__input" id="{{ID}}" name="where" type="radio" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-radios__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/TRY_WHERE}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#TRY_LON_ERROR}} govuk-form-group--error{{/TRY_LON_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="try-point-hint{{#TRY_LON_ERROR}} try-lon-error{{/TRY_LON_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">The point, for a point on the map</legend>
<div id="try-point-hint" class="govuk-hint">In decimal degrees, for example longitude -0.0915 and latitude 51.5155</div>
{{#TRY_LON_ERROR}}<p id="try-lon-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TRY_LON_ERROR}}
<div class="govuk-form-group">
<label class="govuk-label" for="try-lon">Longitude</label>
<input class="govuk-input govuk-input--width-10{{#TRY_LON_ERROR}} govuk-input--error{{/TRY_LON_ERROR}}" id="try-lon" name="lon" type="text" inputmode="decimal" spellcheck="false" autocomplete="off" value="{{LON}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="try-lat">Latitude</label>
<input class="govuk-input govuk-input--width-10{{#TRY_LON_ERROR}} govuk-input--error{{/TRY_LON_ERROR}}" id="try-lat" name="lat" type="text" inputmode="decimal" spellcheck="false" autocomplete="off" value="{{LAT}}">
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#TRY_TYPE_ERROR}} govuk-form-group--error{{/TRY_TYPE_ERROR}}">
<label class="govuk-label govuk-label--s" for="try-type">Type of ASB</label>
{{#TRY_TYPE_ERROR}}<p id="try-type-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TRY_TYPE_ERROR}}
<select class="govuk-select{{#TRY_TYPE_ERROR}} govuk-select--error{{/TRY_TYPE_ERROR}}" id="try-type" name="type"{{#TRY_TYPE_ERROR}} aria-describedby="try-type-error"{{/TRY_TYPE_ERROR}}>
<option value="">Choose a type</option>
{{#TRY_TYPE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TRY_TYPE}}
</select>
</div>
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" aria-describedby="try-flag-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Flags raised on the incident</legend>
<div id="try-flag-hint" class="govuk-hint">Select all that apply.</div>
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#TRY_FLAG}}<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{ID}}" name="flag" type="checkbox" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label>
</div>
{{/TRY_FLAG}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#TRY_CHANNEL_ERROR}} govuk-form-group--error{{/TRY_CHANNEL_ERROR}}">
<label class="govuk-label govuk-label--s" for="try-channel">Channel</label>
{{#TRY_CHANNEL_ERROR}}<p id="try-channel-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TRY_CHANNEL_ERROR}}
<select class="govuk-select{{#TRY_CHANNEL_ERROR}} govuk-select--error{{/TRY_CHANNEL_ERROR}}" id="try-channel" name="channel"{{#TRY_CHANNEL_ERROR}} aria-describedby="try-channel-error"{{/TRY_CHANNEL_ERROR}}>
{{#TRY_CHANNEL}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TRY_CHANNEL}}
</select>
</div>
<div class="govuk-form-group{{#TRY_AGENCY_ERROR}} govuk-form-group--error{{/TRY_AGENCY_ERROR}}">
<label class="govuk-label govuk-label--s" for="try-agency">Reporting agency</label>
<div id="try-agency-hint" class="govuk-hint">The agency whose incident it is: a partner's own for its reports, the council whose area it is for the public form and Open311, the force for its officers, call handlers and CAD.</div>
{{#TRY_AGENCY_ERROR}}<p id="try-agency-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TRY_AGENCY_ERROR}}
<select class="govuk-select{{#TRY_AGENCY_ERROR}} govuk-select--error{{/TRY_AGENCY_ERROR}}" id="try-agency" name="agency" aria-describedby="try-agency-hint{{#TRY_AGENCY_ERROR}} try-agency-error{{/TRY_AGENCY_ERROR}}">
<option value="">Choose an agency</option>
{{#TRY_AGENCY}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TRY_AGENCY}}
</select>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Try it</button>
</form>
{{#TRY_RESULT}}
<div id="try-result" class="govuk-!-margin-bottom-6">
<h3 class="govuk-heading-s">Where it would go</h3>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Beat</dt><dd class="govuk-summary-list__value">{{BEAT}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Council area</dt><dd class="govuk-summary-list__value">{{AREA}}</dd></div>
</dl>
{{#REFUSED}}<div class="govuk-inset-text">The intake would refuse this point: {{MESSAGE}}</div>{{/REFUSED}}
{{#NO_QUEUE}}<div class="govuk-inset-text">No queue would take it: there is no beat, council area or triage queue for it and no rule matches.</div>{{/NO_QUEUE}}
{{#QUEUES}}<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">The queues it would be in, and why</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Queue</th>
<th scope="col" class="govuk-table__header">As</th>
<th scope="col" class="govuk-table__header">Why</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#QUEUE}}<tr class="govuk-table__row">
<td class="govuk-table__cell">{{TEAM}} <span class="govuk-hint govuk-!-display-inline govuk-body-s">{{AGENCY}}</span></td>
<td class="govuk-table__cell">{{KIND}}{{#CONFIRM}} <strong class="govuk-tag govuk-tag--yellow">Location to confirm</strong>{{/CONFIRM}}</td>
<td class="govuk-table__cell">{{REASON}}</td>
</tr>
{{/QUEUE}}
</tbody>
</table>{{/QUEUES}}
</div>
{{/TRY_RESULT}}
</div>
</div>
{{/TRY}}
{{>FOOT}}
