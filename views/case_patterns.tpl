{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{#MAP}}<link rel="stylesheet" href="/static/leaflet/leaflet.css?v={{VERSION}}">
<link rel="stylesheet" href="/static/map.css?v={{VERSION}}">{{/MAP}}
<a href="/staff/cases" class="govuk-back-link">Cases</a>
{{>CASE_HEAD}}
{{#MORE}}<div class="govuk-inset-text" id="more">This case has more than {{MORE}} incidents: the first {{MORE}} are counted and listed here.</div>{{/MORE}}
<h2 class="govuk-heading-m" id="times">When the incidents happen</h2>
{{#NO_INCIDENTS}}<p class="govuk-body">No incidents are linked to this case yet.</p>{{/NO_INCIDENTS}}
{{#BANDS}}
<p class="govuk-body" id="times-summary">{{TOTAL_TEXT}}, by the day of the week and the hour each happened, in London time. {{REPORTED}}</p>
<div class="concord-heatmap-box">
{{>HEATMAP}}
</div>
<details class="govuk-details" id="times-details">
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">The same counts as a table</span></summary>
<div class="govuk-details__text">
<div class="concord-table-scroll" role="region" aria-label="Incidents by day and hour" tabindex="0">
<table class="govuk-table concord-heatmap-table" id="times-table"><caption class="govuk-table__caption govuk-table__caption--s">Incidents by day of the week (rows) and the hour they happened (columns, London time)</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Day</th>{{#HOUR}}<th scope="col" class="govuk-table__header govuk-table__header--numeric"><abbr title="{{WORDS}}">{{LABEL}}</abbr></th>{{/HOUR}}<th scope="col" class="govuk-table__header govuk-table__header--numeric">All day</th></tr></thead>
<tbody class="govuk-table__body">
{{#DAY}}<tr class="govuk-table__row" data-day="{{NAME}}"><th scope="row" class="govuk-table__header">{{NAME}}</th>{{#CELL}}<td class="govuk-table__cell govuk-table__cell--numeric" data-hour="{{HOUR}}">{{COUNT}}</td>{{/CELL}}<td class="govuk-table__cell govuk-table__cell--numeric" data-total="day">{{TOTAL}}</td></tr>
{{/DAY}}<tr class="govuk-table__row" data-day="All days"><th scope="row" class="govuk-table__header">All days</th>{{#HOUR_TOTAL}}<td class="govuk-table__cell govuk-table__cell--numeric" data-hour="{{HOUR}}">{{TOTAL}}</td>{{/HOUR_TOTAL}}<td class="govuk-table__cell govuk-table__cell--numeric" data-total="all">{{TOTAL}}</td></tr>
</tbody></table></div>
</div>
</details>
{{/BANDS}}
<h2 class="govuk-heading-m" id="where">Where the incidents happen</h2>
{{#MAP}}<div id="case-map" class="concord-map" data-module="concord-case-map" data-tiles="{{MAP_TILES}}" data-attribution="{{MAP_ATTRIBUTION}}" data-zoom="{{MAP_ZOOM}}"></div>
<script src="/static/leaflet/leaflet.js?v={{VERSION}}" defer></script>
<script src="/static/map.js?v={{VERSION}}" defer></script>{{/MAP}}
{{#POINTS}}<div class="concord-table-scroll" role="region" aria-label="Where each incident happened" tabindex="0">
<table class="govuk-table" id="case-points"><caption class="govuk-table__caption govuk-table__caption--s">Where each incident happened, first to last</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Incident</th><th scope="col" class="govuk-table__header">When</th><th scope="col" class="govuk-table__header">Where</th><th scope="col" class="govuk-table__header">On the map</th></tr></thead>
<tbody class="govuk-table__body">
{{#POINT}}<tr class="govuk-table__row"{{#AT}} data-lat="{{LAT}}" data-lon="{{LON}}"{{/AT}} data-reference="{{REFERENCE}}"><td class="govuk-table__cell"><a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a><br><span class="govuk-body-s">{{TYPE}}</span></td><td class="govuk-table__cell">{{WHEN}}{{#REPORTED}} (reported){{/REPORTED}}</td><td class="govuk-table__cell">{{ADDRESS}}</td><td class="govuk-table__cell">{{#AT}}{{LAT}}, {{LON}}{{/AT}}{{#NO_POINT}}Not on the map{{/NO_POINT}}</td></tr>
{{/POINT}}</tbody></table></div>{{/POINTS}}
{{#PLACES}}<table class="govuk-table" id="case-places"><caption class="govuk-table__caption govuk-table__caption--s">The case's places</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Place</th><th scope="col" class="govuk-table__header">Address</th><th scope="col" class="govuk-table__header">On the map</th></tr></thead>
<tbody class="govuk-table__body">
{{#PLACE}}<tr class="govuk-table__row"{{#AT}} data-lat="{{LAT}}" data-lon="{{LON}}" data-radius="{{RADIUS}}"{{/AT}} data-label="{{LABEL}}"><td class="govuk-table__cell">{{LABEL}}</td><td class="govuk-table__cell">{{ADDRESS}}</td><td class="govuk-table__cell">{{#AT}}{{LAT}}, {{LON}}, within {{RADIUS}} m{{/AT}}{{#NO_POINT}}Not on the map{{/NO_POINT}}</td></tr>
{{/PLACE}}</tbody></table>{{/PLACES}}
<h2 class="govuk-heading-m" id="together">Subjects seen together</h2>
{{#FEW_SUBJECTS}}<p class="govuk-body" id="no-together">This case has fewer than two subjects.</p>{{/FEW_SUBJECTS}}
{{#NO_TOGETHER}}<p class="govuk-body" id="no-together">No two of this case's subjects are on more than one of its incidents together.</p>{{/NO_TOGETHER}}
{{#PAIRS}}<table class="govuk-table" id="pairs"><caption class="govuk-table__caption govuk-table__caption--s">Pairs of subjects on two or more incidents together</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Subjects</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Incidents together</th><th scope="col" class="govuk-table__header">Which incidents</th></tr></thead>
<tbody class="govuk-table__body">
{{#ROW}}<tr class="govuk-table__row"><td class="govuk-table__cell" data-who>{{#WHO}}{{NAME}}{{#WHO_separator}} and {{/WHO_separator}}{{/WHO}}</td><td class="govuk-table__cell govuk-table__cell--numeric" data-count>{{COUNT}}</td><td class="govuk-table__cell">{{#INCIDENT}}<a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a>{{#INCIDENT_separator}}, {{/INCIDENT_separator}}{{/INCIDENT}}</td></tr>
{{/ROW}}</tbody></table>{{/PAIRS}}
{{#GROUPS}}<table class="govuk-table" id="groups"><caption class="govuk-table__caption govuk-table__caption--s">Groups of three or more subjects all on the same incidents</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Subjects</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Incidents together</th><th scope="col" class="govuk-table__header">Which incidents</th></tr></thead>
<tbody class="govuk-table__body">
{{#ROW}}<tr class="govuk-table__row"><td class="govuk-table__cell" data-who>{{#WHO}}{{NAME}}{{#WHO_separator}}, {{/WHO_separator}}{{/WHO}}</td><td class="govuk-table__cell govuk-table__cell--numeric" data-count>{{COUNT}}</td><td class="govuk-table__cell">{{#INCIDENT}}<a class="govuk-link" href="/staff/incidents/{{REFERENCE}}">{{REFERENCE}}</a>{{#INCIDENT_separator}}, {{/INCIDENT_separator}}{{/INCIDENT}}</td></tr>
{{/ROW}}</tbody></table>{{/GROUPS}}
{{#TRUNCATED}}<div class="govuk-inset-text" id="together-truncated">Only the first {{LIMIT}} pairs and the first {{LIMIT}} groups are shown.</div>{{/TRUNCATED}}
{{>FOOT}}
