{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/queues{{#OURS}}/{{TEAM_CODE}}{{/OURS}}" class="govuk-back-link">{{#OURS}}The queue of {{TEAM}}{{/OURS}}{{#NOT_OURS}}Queues{{/NOT_OURS}}</a>
{{>ERROR_SUMMARY}}
<span class="govuk-caption-l">The queue of {{TEAM}} ({{TEAM_AGENCY}})</span>
<h1 class="govuk-heading-l">Incident {{REFERENCE}}</h1>
<dl class="govuk-summary-list" id="state">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Incident</dt><dd class="govuk-summary-list__value"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a>, {{STATUS}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Type</dt><dd class="govuk-summary-list__value">{{TYPE}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What happened</dt><dd class="govuk-summary-list__value">{{DESCRIPTION}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Where</dt><dd class="govuk-summary-list__value">{{ADDRESS}} {{POSTCODE}}{{#TO_CONFIRM}} <strong class="govuk-tag govuk-tag--yellow">Location to confirm</strong>{{/TO_CONFIRM}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reported</dt><dd class="govuk-summary-list__value">{{REPORTED}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Risk</dt><dd class="govuk-summary-list__value">{{RISK}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Flags</dt><dd class="govuk-summary-list__value">{{#FLAG}}<strong class="govuk-tag govuk-tag--orange">{{LABEL}}</strong> {{/FLAG}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Why it is here</dt><dd class="govuk-summary-list__value" id="reason">{{REASON}}<br><span class="govuk-body-s">Since {{SINCE}}</span></dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Assigned to</dt><dd class="govuk-summary-list__value" id="assigned">{{ASSIGNED}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Triage</dt><dd class="govuk-summary-list__value" id="triage">{{TRIAGE}}</dd></div>
{{#CLOCK}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Clock</dt><dd class="govuk-summary-list__value">{{#LATE}}<strong class="govuk-tag govuk-tag--red">Overdue</strong> {{/LATE}}{{TEXT}}</dd></div>{{/CLOCK}}
</dl>
{{#ENDED}}<div class="govuk-inset-text" id="ended"><p class="govuk-body">This item left the queue on {{WHEN}}{{#BY}} ({{NAME}}){{/BY}}{{#TO}}: it was reallocated to {{TEAM}}{{/TO}}.</p><p class="govuk-body">{{WHY}}</p></div>{{/ENDED}}
{{#CLOSED}}<div class="govuk-inset-text" id="closed"><p class="govuk-body">The incident is closed: nothing more is done in its queues.</p></div>{{/CLOSED}}
{{#NOT_OURS}}<div class="govuk-inset-text" id="not-ours"><p class="govuk-body">This is the queue of another agency's team. You can act only on the queues of your own agency, {{AGENCY}}.</p></div>{{/NOT_OURS}}
{{#CLAIM}}<form method="post" action="/staff/allocations/{{ID}}/claim" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="assigned" value="{{ASSIGNED_ID}}">
<button type="submit" class="govuk-button" data-module="govuk-button" id="claim">Claim it</button>
</form>{{/CLAIM}}
{{#ACCEPT}}<h2 class="govuk-heading-m">Triage</h2>
<form method="post" action="/staff/allocations/{{ID}}/accept" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="govuk-body">Accept it when it is this team's to deal with. To pass it on, reallocate it; when nothing more is needed, record no further action (below).</p>
<button type="submit" class="govuk-button" data-module="govuk-button" id="accept">Accept</button>
</form>{{/ACCEPT}}
{{#FIRST_ACTION}}<h2 class="govuk-heading-m">First action</h2>
<form method="post" action="/staff/allocations/{{ID}}/first-action" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="govuk-form-group{{#NOTE_ERROR}} govuk-form-group--error{{/NOTE_ERROR}}">
<label class="govuk-label govuk-label--s" for="note">What was done</label>
<div id="note-hint" class="govuk-hint">For example, a visit, a call to the victim, a patrol. It is added to the incident as an update for staff only. Up to 2,000 characters.</div>
{{#NOTE_ERROR}}<p id="note-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NOTE_ERROR}}
<textarea class="govuk-textarea{{#NOTE_ERROR}} govuk-textarea--error{{/NOTE_ERROR}}" id="note" name="note" rows="3" aria-describedby="note-hint{{#NOTE_ERROR}} note-error{{/NOTE_ERROR}}">{{NOTE}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Record the first action</button>
</form>{{/FIRST_ACTION}}
{{#ASSIGN}}<h2 class="govuk-heading-m">Assign</h2>
<form method="post" action="/staff/allocations/{{ID}}/assign" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="assigned" value="{{ASSIGNED_ID}}">
<div class="govuk-form-group{{#PERSON_ERROR}} govuk-form-group--error{{/PERSON_ERROR}}">
<label class="govuk-label govuk-label--s" for="person">Assign it to</label>
<div id="person-hint" class="govuk-hint">The members of this team come first.</div>
{{#PERSON_ERROR}}<p id="person-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PERSON_ERROR}}
<select class="govuk-select{{#PERSON_ERROR}} govuk-select--error{{/PERSON_ERROR}}" id="person" name="person" aria-describedby="person-hint{{#PERSON_ERROR}} person-error{{/PERSON_ERROR}}">
<option value="">Choose someone</option>
{{#PERSON_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PERSON_OPTION}}
</select>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Assign</button>
</form>{{/ASSIGN}}
{{#REALLOCATE}}<h2 class="govuk-heading-m">Reallocate to another team</h2>
<form method="post" action="/staff/allocations/{{ID}}/reallocate" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="govuk-form-group{{#TEAM_ERROR}} govuk-form-group--error{{/TEAM_ERROR}}">
<label class="govuk-label govuk-label--s" for="team">Team</label>
<div id="team-hint" class="govuk-hint">Only teams of agencies that can see this incident. It leaves this queue; the history stays on the incident.</div>
{{#TEAM_ERROR}}<p id="team-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TEAM_ERROR}}
<select class="govuk-select{{#TEAM_ERROR}} govuk-select--error{{/TEAM_ERROR}}" id="team" name="team" aria-describedby="team-hint{{#TEAM_ERROR}} team-error{{/TEAM_ERROR}}">
<option value="">Choose a team</option>
{{#TEAM_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTION}}
</select>
</div>
<div class="govuk-form-group{{#MOVE_REASON_ERROR}} govuk-form-group--error{{/MOVE_REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="move-reason">Why</label>
<div id="move-reason-hint" class="govuk-hint">The new team sees this as why it is in their queue. Up to 1,000 characters.</div>
{{#MOVE_REASON_ERROR}}<p id="move-reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/MOVE_REASON_ERROR}}
<textarea class="govuk-textarea{{#MOVE_REASON_ERROR}} govuk-textarea--error{{/MOVE_REASON_ERROR}}" id="move-reason" name="reason" rows="3" aria-describedby="move-reason-hint{{#MOVE_REASON_ERROR}} move-reason-error{{/MOVE_REASON_ERROR}}">{{MOVE_REASON}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Reallocate</button>
</form>{{/REALLOCATE}}
{{#NFA}}<h2 class="govuk-heading-m">No further action</h2>
<form method="post" action="/staff/allocations/{{ID}}/nfa" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#LAST_CLOSES}}<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> This is the last queue the incident is in: no further action here closes the incident.</strong></div>{{/LAST_CLOSES}}
{{#LAST_ASKS}}<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> This is the last queue the incident is in: no further action here asks a supervisor to close the incident.</strong></div>{{/LAST_ASKS}}
<div class="govuk-form-group{{#NFA_REASON_ERROR}} govuk-form-group--error{{/NFA_REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="nfa-reason">Why no further action is needed</label>
<div id="nfa-reason-hint" class="govuk-hint">For staff only. Up to 1,000 characters.</div>
{{#NFA_REASON_ERROR}}<p id="nfa-reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NFA_REASON_ERROR}}
<textarea class="govuk-textarea{{#NFA_REASON_ERROR}} govuk-textarea--error{{/NFA_REASON_ERROR}}" id="nfa-reason" name="reason" rows="3" aria-describedby="nfa-reason-hint{{#NFA_REASON_ERROR}} nfa-reason-error{{/NFA_REASON_ERROR}}">{{NFA_REASON}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">No further action</button>
</form>{{/NFA}}
{{>FOOT}}
