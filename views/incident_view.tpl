{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{#MAP}}<link rel="stylesheet" href="/static/leaflet/leaflet.css?v={{VERSION}}">
<link rel="stylesheet" href="/static/map.css?v={{VERSION}}">{{/MAP}}
<a href="/staff/incidents" class="govuk-back-link">Incidents</a>
{{>ERROR_SUMMARY}}
{{#STALE}}
<div class="govuk-notification-banner" role="region" aria-labelledby="stale-title" data-module="govuk-notification-banner" id="stale">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="stale-title">Someone else changed this incident</h2></div>
<div class="govuk-notification-banner__content">
<p class="govuk-notification-banner__heading">Nothing you sent was saved. What you typed is still in the form below.</p>
<p class="govuk-body">What changed since you opened the page:</p>
<ul class="govuk-list govuk-list--bullet" id="what-changed">
{{#CHANGE}}<li>{{WHEN}}: {{TITLE}}{{#BY}} ({{NAME}}){{/BY}}</li>
{{/CHANGE}}</ul>
{{#NO_CHANGE}}<p class="govuk-body">The changes are not shown here. Check the timeline below.</p>{{/NO_CHANGE}}
</div>
</div>
{{/STALE}}
<span class="govuk-caption-l">{{TYPE}}</span>
<h1 class="govuk-heading-l">Incident {{REFERENCE}}</h1>
<dl class="govuk-summary-list" id="summary">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Status</dt><dd class="govuk-summary-list__value" id="status-now">{{STATUS}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Type</dt><dd class="govuk-summary-list__value">{{TYPE}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">National qualifier</dt><dd class="govuk-summary-list__value" id="nsir">{{NSIR}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What happened</dt><dd class="govuk-summary-list__value">{{DESCRIPTION}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">When it happened</dt><dd class="govuk-summary-list__value" id="occurred">{{OCCURRED}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Where</dt><dd class="govuk-summary-list__value">{{#PLACE_LINE}}{{TEXT}}<br>{{/PLACE_LINE}}{{#NO_PLACE}}Not given{{/NO_PLACE}}{{#TO_CONFIRM}}<strong class="govuk-tag govuk-tag--yellow" id="location-to-confirm">Location to confirm</strong>{{/TO_CONFIRM}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Police beat</dt><dd class="govuk-summary-list__value">{{BEAT}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Council area</dt><dd class="govuk-summary-list__value">{{AREA}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reported</dt><dd class="govuk-summary-list__value">{{REPORTED}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Log number</dt><dd class="govuk-summary-list__value" id="log-number">{{LOG_NUMBER}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Officer in charge</dt><dd class="govuk-summary-list__value" id="officer">{{OFFICER}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Team</dt><dd class="govuk-summary-list__value">{{TEAM}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Owning agency</dt><dd class="govuk-summary-list__value">{{OWNER}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Shared with</dt><dd class="govuk-summary-list__value">{{SHARING}}</dd></div>
</dl>
{{#LOCATE_FORM}}
<form method="post" action="/staff/incidents/{{REFERENCE}}/location" novalidate id="locate">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{INCIDENT_VERSION}}">
<input type="hidden" name="seen" value="{{SEEN}}">
<div class="govuk-form-group{{#LAT_ERROR}} govuk-form-group--error{{/LAT_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="locate-hint{{#LAT_ERROR}} lat-error{{/LAT_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">Set the location</h2></legend>
<div id="locate-hint" class="govuk-hint">This incident has no point on the map, so it is not in a beat's queue yet. Give the point in decimal degrees, for example latitude 51.5155 and longitude -0.0922{{#MAP}}, or choose it on the map{{/MAP}}. It is then allocated by the point.</div>
{{#LAT_ERROR}}<p id="lat-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LAT_ERROR}}
{{#MAP}}<link rel="stylesheet" href="/static/leaflet/leaflet.css?v={{VERSION}}">
<link rel="stylesheet" href="/static/map.css?v={{VERSION}}">
<div id="report-map" class="concord-map" data-module="concord-map-picker" data-tiles="{{MAP_TILES}}" data-attribution="{{MAP_ATTRIBUTION}}" data-lon="{{MAP_LON}}" data-lat="{{MAP_LAT}}" data-zoom="{{MAP_ZOOM}}" data-outline="{{MAP_OUTLINE}}"></div>
<script src="/static/leaflet/leaflet.js?v={{VERSION}}" defer></script>
<script src="/static/map.js?v={{VERSION}}" defer></script>{{/MAP}}
<div class="govuk-form-group">
<label class="govuk-label" for="lat">Latitude</label>
<input class="govuk-input govuk-input--width-10{{#LAT_ERROR}} govuk-input--error{{/LAT_ERROR}}" id="lat" name="lat" type="text" inputmode="decimal" spellcheck="false" value="{{LAT}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="lon">Longitude</label>
<input class="govuk-input govuk-input--width-10{{#LAT_ERROR}} govuk-input--error{{/LAT_ERROR}}" id="lon" name="lon" type="text" inputmode="decimal" spellcheck="false" value="{{LON}}">
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Set the location</button>
</form>
{{/LOCATE_FORM}}
{{#MAP}}<div id="incident-map" class="concord-map" data-module="concord-map-static" data-tiles="{{MAP_TILES}}" data-attribution="{{MAP_ATTRIBUTION}}" data-lon="{{MAP_LON}}" data-lat="{{MAP_LAT}}" data-zoom="{{MAP_ZOOM}}"></div>
<script src="/static/leaflet/leaflet.js?v={{VERSION}}" defer></script>
<script src="/static/map.js?v={{VERSION}}" defer></script>{{/MAP}}
<h2 class="govuk-heading-m" id="queues">Queues</h2>
{{#NO_QUEUES}}<p class="govuk-body">This incident is in no team's queue.</p>{{/NO_QUEUES}}
{{#QUEUES}}<div class="concord-table-scroll" role="region" aria-label="Queues it is in" tabindex="0">
<table class="govuk-table" id="queues-now"><caption class="govuk-table__caption govuk-table__caption--s">Where it is now, and why it is here</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Team</th><th scope="col" class="govuk-table__header">Why it is here</th><th scope="col" class="govuk-table__header">Assigned to</th><th scope="col" class="govuk-table__header">Triage</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Work on it</span></th></tr></thead>
<tbody class="govuk-table__body">
{{#QUEUE}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{TEAM}} ({{AGENCY}}){{#TO_CONFIRM}} <strong class="govuk-tag govuk-tag--yellow">Location to confirm</strong>{{/TO_CONFIRM}}</td><td class="govuk-table__cell">{{REASON}}<br><span class="govuk-body-s">Since {{SINCE}}</span></td><td class="govuk-table__cell">{{ASSIGNED}}</td><td class="govuk-table__cell">{{TRIAGE}}</td><td class="govuk-table__cell">{{#WORK}}<a class="govuk-link" href="/staff/allocations/{{ID}}">Work on it<span class="govuk-visually-hidden"> in the queue of {{TEAM}}</span></a>{{/WORK}}</td></tr>
{{/QUEUE}}</tbody></table></div>{{/QUEUES}}
{{#EARLIER}}<h3 class="govuk-heading-s">Queues it has left</h3>
<ul class="govuk-list govuk-list--spaced" id="queues-earlier">
{{#QUEUE}}<li><strong>{{TEAM}}</strong> ({{AGENCY}}), from {{SINCE}}: {{REASON}}<br><span class="govuk-body-s">Left {{ENDED}}{{#BY}} ({{NAME}}){{/BY}}{{#TO}}, reallocated to {{TEAM}}{{/TO}}: {{WHY}}</span></li>
{{/QUEUE}}</ul>{{/EARLIER}}
<h2 class="govuk-heading-m" id="flags">Flags</h2>
<p class="govuk-body" id="flag-list">{{#FLAG}}<strong class="govuk-tag govuk-tag--red">{{LABEL}}</strong> {{/FLAG}}{{#NO_FLAGS}}No flags.{{/NO_FLAGS}}</p>
{{#CASE_REVIEW}}{{>CASE_REVIEW_BLOCK}}{{/CASE_REVIEW}}
{{#CASES}}<h2 class="govuk-heading-m" id="cases">Monitored cases</h2>
<ul class="govuk-list" id="case-list">{{#CASE}}<li><a class="govuk-link" href="/staff/cases/{{CASE_REF}}">{{CASE_REF}}</a> {{TITLE}} ({{STATUS}})</li>{{/CASE}}</ul>
{{#NO_CASE}}<p class="govuk-body">This incident is not on a monitored case.</p>{{/NO_CASE}}
{{#OPEN_CASE}}<ul class="govuk-list" id="open-case">
<li><a class="govuk-link" href="/staff/cases/new?from={{REF}}">Open a monitored case from this incident</a></li>
{{#FROM_FLAG}}<li><a class="govuk-link" href="/staff/cases/new?from={{REF}}&amp;origin={{ORIGIN}}">Open a monitored case from the {{FLAG}} flag, with its incidents</a></li>
{{/FROM_FLAG}}</ul>{{/OPEN_CASE}}{{/CASES}}
<h2 class="govuk-heading-m" id="risk">Risk</h2>
<p class="govuk-body" id="risk-now">{{#RISK}}<strong class="govuk-tag{{#HIGH}} govuk-tag--red{{/HIGH}}{{#MEDIUM}} govuk-tag--orange{{/MEDIUM}}{{#STANDARD}} govuk-tag--green{{/STANDARD}}">{{LEVEL}}</strong> score {{SCORE}}{{#PROVISIONAL}} <strong class="govuk-tag govuk-tag--grey">Provisional</strong> from the reporter's answers, until an officer assesses it{{/PROVISIONAL}}{{/RISK}}{{#NOT_ASSESSED}}Not assessed yet.{{/NOT_ASSESSED}}</p>
{{#DUE}}<div class="govuk-warning-text" id="assessment-due"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Awaiting risk assessment by {{WHEN}}</strong></div>{{/DUE}}
{{#CLOSURE}}
<h2 class="govuk-heading-m" id="closure">Closure</h2>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Closed</dt><dd class="govuk-summary-list__value">{{WHEN}}{{#BY}}, by {{NAME}}{{/BY}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Outcome</dt><dd class="govuk-summary-list__value" id="outcome">{{OUTCOME}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Why</dt><dd class="govuk-summary-list__value">{{REASON}}</dd></div>
</dl>
{{/CLOSURE}}
{{#CLOSE_REQUESTED}}<div class="govuk-inset-text" id="close-requested"><p class="govuk-body">{{BY}} asked a supervisor to close this incident on {{WHEN}}.</p><p class="govuk-body">Why: {{REASON}}</p></div>{{/CLOSE_REQUESTED}}
<h2 class="govuk-heading-m" id="answers">What the reporter told us</h2>
{{#NO_ANSWERS}}<p class="govuk-body">No questions were answered.</p>{{/NO_ANSWERS}}
{{#ANSWERS}}<dl class="govuk-summary-list">
{{#ANSWER}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{QUESTION}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd></div>
{{/ANSWER}}</dl>{{/ANSWERS}}
<h2 class="govuk-heading-m" id="people">People</h2>
{{#NO_PEOPLE}}<p class="govuk-body">No people are recorded on this incident.</p>{{/NO_PEOPLE}}
{{#PEOPLE}}<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">People in this incident</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Part in it</th></tr></thead>
<tbody class="govuk-table__body">
{{#PERSON}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{#LINK}}<a class="govuk-link" href="/staff/people/{{ID}}">{{NAME}}</a>{{/LINK}}{{#HIDDEN}}{{NAME}}{{/HIDDEN}}</td><td class="govuk-table__cell">{{ROLE}}</td></tr>
{{/PERSON}}</tbody></table>{{/PEOPLE}}
<h2 class="govuk-heading-m" id="links">Linked incidents</h2>
{{#NO_LINKS}}<p class="govuk-body">No incidents are linked to this one.</p>{{/NO_LINKS}}
{{#LINKS}}<ul class="govuk-list govuk-list--spaced" id="linked">
{{#LINKED}}<li><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a>: {{TYPE}}, {{STATUS}}. <span class="govuk-body-s">Linked {{WHEN}}{{#BY}} by {{NAME}}{{/BY}}{{#WHY}}: {{TEXT}}{{/WHY}}</span>
{{#CAN_UNLINK}}<form method="post" action="/staff/incidents/{{INCIDENT}}/unlink" novalidate class="govuk-!-display-inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{INCIDENT_VERSION}}">
<input type="hidden" name="seen" value="{{SEEN}}">
<input type="hidden" name="other" value="{{REFERENCE}}">
<button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Unlink<span class="govuk-visually-hidden"> {{REFERENCE}}</span></button>
</form>{{/CAN_UNLINK}}</li>
{{/LINKED}}</ul>{{/LINKS}}
{{#CAN_UPDATE}}
<form method="post" action="/staff/incidents/{{REFERENCE}}/links" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{INCIDENT_VERSION}}">
<input type="hidden" name="seen" value="{{SEEN}}">
<h3 class="govuk-heading-s">Link another incident</h3>
<div class="govuk-form-group{{#LINK_REF_ERROR}} govuk-form-group--error{{/LINK_REF_ERROR}}">
<label class="govuk-label" for="link-ref">Its reference</label>
<div id="link-ref-hint" class="govuk-hint">For example, ASB-2026-000123</div>
{{#LINK_REF_ERROR}}<p id="link-ref-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LINK_REF_ERROR}}
<input class="govuk-input govuk-input--width-20{{#LINK_REF_ERROR}} govuk-input--error{{/LINK_REF_ERROR}}" id="link-ref" name="other" type="text" spellcheck="false" value="{{LINK_REF}}" aria-describedby="link-ref-hint{{#LINK_REF_ERROR}} link-ref-error{{/LINK_REF_ERROR}}">
</div>
<div class="govuk-form-group{{#LINK_REASON_ERROR}} govuk-form-group--error{{/LINK_REASON_ERROR}}">
<label class="govuk-label" for="link-reason">Why they are linked</label>
{{#LINK_REASON_ERROR}}<p id="link-reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LINK_REASON_ERROR}}
<textarea class="govuk-textarea{{#LINK_REASON_ERROR}} govuk-textarea--error{{/LINK_REASON_ERROR}}" id="link-reason" name="reason" rows="2"{{#LINK_REASON_ERROR}} aria-describedby="link-reason-error"{{/LINK_REASON_ERROR}}>{{LINK_REASON}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Link incident</button>
</form>
{{/CAN_UPDATE}}
<h2 class="govuk-heading-m" id="evidence">Evidence</h2>
{{#NO_FILES}}<p class="govuk-body">There is no evidence yet.</p>{{/NO_FILES}}
{{#FILES}}<ul class="govuk-list" id="evidence-list">
{{#FILE}}<li>{{#LINK}}<a class="govuk-link" href="/staff/evidence/{{ID}}" download>{{NAME}}</a>{{/LINK}}{{#NO_LINK}}{{NAME}}{{/NO_LINK}}: {{KIND}}, {{SIZE}}{{#WITH_REPORT}}, with report {{REPORT}}{{/WITH_REPORT}}{{#BY_STAFF}}, added by staff{{/BY_STAFF}}</li>
{{/FILE}}</ul>{{#CANNOT_OPEN}}<p class="govuk-hint">Your role cannot open evidence.</p>{{/CANNOT_OPEN}}{{/FILES}}
{{#CAN_UPDATE}}
<form method="post" action="/staff/incidents/{{REFERENCE}}/evidence" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{INCIDENT_VERSION}}">
<input type="hidden" name="seen" value="{{SEEN}}">
<div class="govuk-form-group{{#EVIDENCE_FILE_ERROR}} govuk-form-group--error{{/EVIDENCE_FILE_ERROR}}">
<label class="govuk-label govuk-label--s" for="evidence-file">Add evidence</label>
<div id="evidence-file-hint" class="govuk-hint">Photos, videos, audio recordings or documents, up to {{UPLOAD_MB}} MB each.</div>
{{#EVIDENCE_FILE_ERROR}}<p id="evidence-file-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EVIDENCE_FILE_ERROR}}
<input class="govuk-file-upload{{#EVIDENCE_FILE_ERROR}} govuk-file-upload--error{{/EVIDENCE_FILE_ERROR}}" id="evidence-file" name="file" type="file" multiple aria-describedby="evidence-file-hint{{#EVIDENCE_FILE_ERROR}} evidence-file-error{{/EVIDENCE_FILE_ERROR}}">
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Upload evidence</button>
</form>
{{/CAN_UPDATE}}
{{#CAN_UPDATE}}
<h2 class="govuk-heading-m">Add an update</h2>
<form method="post" action="/staff/incidents/{{REFERENCE}}/updates" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{INCIDENT_VERSION}}">
<input type="hidden" name="seen" value="{{SEEN}}">
<div class="govuk-form-group{{#UPDATE_TEXT_ERROR}} govuk-form-group--error{{/UPDATE_TEXT_ERROR}}">
<label class="govuk-label govuk-label--s" for="update-text">Update</label>
<div id="update-text-hint" class="govuk-hint">Up to 2,000 characters. Write shared updates in plain words, without names or other personal details.</div>
{{#UPDATE_TEXT_ERROR}}<p id="update-text-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/UPDATE_TEXT_ERROR}}
<textarea class="govuk-textarea{{#UPDATE_TEXT_ERROR}} govuk-textarea--error{{/UPDATE_TEXT_ERROR}}" id="update-text" name="text" rows="4" aria-describedby="update-text-hint{{#UPDATE_TEXT_ERROR}} update-text-error{{/UPDATE_TEXT_ERROR}}">{{UPDATE_TEXT}}</textarea>
</div>
<div class="govuk-form-group{{#UPDATE_SHARED_ERROR}} govuk-form-group--error{{/UPDATE_SHARED_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="update-shared-hint{{#UPDATE_SHARED_ERROR}} update-shared-error{{/UPDATE_SHARED_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Share with the people who reported this?</legend>
<div id="update-shared-hint" class="govuk-hint">A shared update is shown on their tracking page and in the public list of reports, and is emailed to those who asked for updates.</div>
{{#UPDATE_SHARED_ERROR}}<p id="update-shared-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/UPDATE_SHARED_ERROR}}
<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="update-shared" name="shared" type="radio" value="yes"{{#SHARED_YES}} checked{{/SHARED_YES}}><label class="govuk-label govuk-radios__label" for="update-shared">Yes, share it</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="update-shared-no" name="shared" type="radio" value="no"{{#SHARED_NO}} checked{{/SHARED_NO}}><label class="govuk-label govuk-radios__label" for="update-shared-no">No, staff only</label></div>
</div>
</fieldset>
</div>
{{#CAD_FOLLOWS}}
<div class="govuk-form-group">
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="update-for-cad" name="for_cad" type="checkbox" value="yes" aria-describedby="update-for-cad-hint"{{#FOR_CAD}} checked{{/FOR_CAD}}>
<label class="govuk-label govuk-checkboxes__label" for="update-for-cad">Send this update to the control room's CAD system</label>
<div id="update-for-cad-hint" class="govuk-hint govuk-checkboxes__hint">A command-and-control system follows this incident: it is sent the text of the update.</div>
</div>
</div>
</div>
{{/CAD_FOLLOWS}}
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add update</button>
</form>
<h2 class="govuk-heading-m" id="change-status">Change status</h2>
{{#STATUS_LOCKED}}<p class="govuk-body">This incident is closed. Only a supervisor or manager can reopen it.</p>{{/STATUS_LOCKED}}
{{#STATUS_FORM}}
<form method="post" action="/staff/incidents/{{REFERENCE}}/status" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{INCIDENT_VERSION}}">
<input type="hidden" name="seen" value="{{SEEN}}">
<div class="govuk-form-group{{#STATUS_ERROR}} govuk-form-group--error{{/STATUS_ERROR}}">
<label class="govuk-label govuk-label--s" for="status">Status</label>
{{#STATUS_ERROR}}<p id="status-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/STATUS_ERROR}}
<select class="govuk-select{{#STATUS_ERROR}} govuk-select--error{{/STATUS_ERROR}}" id="status" name="status">
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
</select>
</div>
{{#CAN_CLOSE}}
<div class="govuk-form-group{{#OUTCOME_ERROR}} govuk-form-group--error{{/OUTCOME_ERROR}}">
<label class="govuk-label govuk-label--s" for="outcome">Outcome</label>
<div id="outcome-hint" class="govuk-hint">Only when closing it.</div>
{{#OUTCOME_ERROR}}<p id="outcome-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OUTCOME_ERROR}}
<select class="govuk-select{{#OUTCOME_ERROR}} govuk-select--error{{/OUTCOME_ERROR}}" id="outcome" name="outcome" aria-describedby="outcome-hint{{#OUTCOME_ERROR}} outcome-error{{/OUTCOME_ERROR}}">
<option value="">Not closing it</option>
{{#OUTCOME_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OUTCOME_OPTION}}
</select>
</div>
{{/CAN_CLOSE}}
<div class="govuk-form-group{{#REASON_ERROR}} govuk-form-group--error{{/REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="reason">Reason</label>
<div id="reason-hint" class="govuk-hint">Needed when closing it, reopening it or moving it back. For staff only: the people who reported this are told the new status in plain words, never the reason.</div>
{{#REASON_ERROR}}<p id="reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REASON_ERROR}}
<textarea class="govuk-textarea{{#REASON_ERROR}} govuk-textarea--error{{/REASON_ERROR}}" id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#REASON_ERROR}} reason-error{{/REASON_ERROR}}">{{REASON}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Save status</button>
</form>
{{/STATUS_FORM}}
{{#ASK_CLOSE}}
<form method="post" action="/staff/incidents/{{REFERENCE}}/close-request" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{INCIDENT_VERSION}}">
<input type="hidden" name="seen" value="{{SEEN}}">
<h3 class="govuk-heading-s">Ask a supervisor to close it</h3>
<div class="govuk-form-group{{#CLOSE_REASON_ERROR}} govuk-form-group--error{{/CLOSE_REASON_ERROR}}">
<label class="govuk-label" for="close-reason">Why it can be closed</label>
<div id="close-reason-hint" class="govuk-hint">Your role cannot close incidents. A supervisor or manager sees your request on their home page.</div>
{{#CLOSE_REASON_ERROR}}<p id="close-reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CLOSE_REASON_ERROR}}
<textarea class="govuk-textarea{{#CLOSE_REASON_ERROR}} govuk-textarea--error{{/CLOSE_REASON_ERROR}}" id="close-reason" name="reason" rows="3" aria-describedby="close-reason-hint{{#CLOSE_REASON_ERROR}} close-reason-error{{/CLOSE_REASON_ERROR}}">{{CLOSE_REASON}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Ask to close</button>
</form>
{{/ASK_CLOSE}}
{{/CAN_UPDATE}}
<h2 class="govuk-heading-m" id="timeline">Timeline</h2>
<p class="govuk-body"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}/history">Full audit history of this incident</a></p>
<ol class="govuk-list" id="timeline-list">
{{#ENTRY}}<li class="govuk-!-margin-bottom-4" data-kind="{{KIND}}"><p class="govuk-body-s govuk-!-margin-bottom-1"><time>{{WHEN}}</time>{{#BY}}, {{NAME}}{{/BY}} {{#SHARED}}<strong class="govuk-tag govuk-tag--green">Shared with reporters</strong>{{/SHARED}}{{#INTERNAL}}<strong class="govuk-tag govuk-tag--grey">Staff only</strong>{{/INTERNAL}}</p><p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{{TITLE}}</p>{{#DIARY_WHEN}}<p class="govuk-body-s govuk-!-margin-bottom-1">It happened: {{WHEN}}</p>{{/DIARY_WHEN}}{{#PARAGRAPH}}<p class="govuk-body govuk-!-margin-bottom-2">{{TEXT}}</p>{{/PARAGRAPH}}{{#DIARY}}{{#IMPACT}}<p class="govuk-body-s govuk-!-margin-bottom-1">How it affected them:</p>{{#PARAGRAPH}}<p class="govuk-body govuk-!-margin-bottom-2">{{TEXT}}</p>{{/PARAGRAPH}}{{/IMPACT}}{{#FILE}}<p class="govuk-body govuk-!-margin-bottom-1">{{#LINK}}<a class="govuk-link" href="/staff/evidence/{{ID}}" download>{{NAME}}</a>{{/LINK}}{{#NO_LINK}}{{NAME}} <span class="govuk-hint govuk-!-display-inline">(your role cannot open evidence)</span>{{/NO_LINK}}</p>{{/FILE}}{{/DIARY}}</li>
{{/ENTRY}}</ol>
{{#REPORT}}
<h2 class="govuk-heading-m">Report {{REFERENCE}}</h2>
<p class="govuk-body-s">{{REPORTED}}, through {{CHANNEL}}{{#LINKED}} (a further report of this incident){{/LINKED}}</p>
<p class="govuk-body">{{#FLAG}}<strong class="govuk-tag govuk-tag--red">{{LABEL}}</strong> {{/FLAG}}</p>
<dl class="govuk-summary-list">
{{#WHERE}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Where</dt><dd class="govuk-summary-list__value">{{PLACE}}</dd></div>{{/WHERE}}
{{#ANSWER}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{QUESTION}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd></div>{{/ANSWER}}
{{#IMPACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">How it affects them</dt><dd class="govuk-summary-list__value">{{TEXT}}</dd></div>{{/IMPACT}}
{{#FOR_WHOM}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reported for</dt><dd class="govuk-summary-list__value">{{NAME}} ({{RELATION}})</dd></div>{{/FOR_WHOM}}
{{#CONTACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reporter</dt><dd class="govuk-summary-list__value">{{NAME}}<br>{{EMAIL}}<br>{{PHONE}}<br>Prefers: {{PREFERRED}}</dd></div>{{/CONTACT}}
{{#PARTNER}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reported by</dt><dd class="govuk-summary-list__value">{{BY}}, {{AGENCY}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Their reference</dt><dd class="govuk-summary-list__value">{{THEIR_REF}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Tenancy reference</dt><dd class="govuk-summary-list__value">{{TENANCY_REF}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">The people involved are their tenants</dt><dd class="govuk-summary-list__value">{{TENANTS}}</dd></div>
{{#AFFECTED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Those affected are their tenants</dt><dd class="govuk-summary-list__value">{{TENANT}}<br>{{WHO}}</dd></div>{{/AFFECTED}}
{{#RESPONSIBLE}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Those responsible are their tenants</dt><dd class="govuk-summary-list__value">{{TENANT}}<br>{{WHO}}</dd></div>{{/RESPONSIBLE}}{{/PARTNER}}
{{#NO_CONTACT}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reporter</dt><dd class="govuk-summary-list__value">Anonymous, or not shared with your agency</dd></div>{{/NO_CONTACT}}
{{#FILE}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KIND}}</dt><dd class="govuk-summary-list__value">{{#LINK}}<a class="govuk-link" href="/staff/evidence/{{ID}}" download>{{NAME}}</a>{{/LINK}}{{#NO_LINK}}{{NAME}} <span class="govuk-hint govuk-!-display-inline">(your role cannot open evidence)</span>{{/NO_LINK}}, {{SIZE}}</dd></div>{{/FILE}}
</dl>
{{/REPORT}}
{{>FOOT}}
