{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<span class="govuk-caption-l">Partnership reporting</span>
<h1 class="govuk-heading-l">Weekly operational dashboard</h1>
<nav class="govuk-!-margin-bottom-6" aria-label="Dashboards">
<ul class="govuk-list">
<li><a class="govuk-link" href="/dashboards/operational" aria-current="page">Weekly operational dashboard</a></li>
<li><a class="govuk-link" href="/dashboards/hotspots">Hotspot dashboard</a></li>
</ul>
</nav>
<p class="govuk-body">The week of {{WEEK_WORDS}} to {{SUNDAY}}, with the 7 weeks before it from {{FIRST_WEEK_WORDS}}. Times and weeks are London's. The figures are what your agency may see.</p>
<form method="get" action="/dashboards/operational" class="govuk-!-margin-bottom-6" id="filters" novalidate>
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-half">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="week">Week beginning</label>
<select class="govuk-select" id="week" name="week">
{{#WEEK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/WEEK_OPTION}}</select>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="area">Area</label>
<select class="govuk-select" id="area" name="area">
<option value="">All areas</option>
{{#AREA_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/AREA_OPTION}}</select>
</div>
</div>
<div class="govuk-grid-column-one-half">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="team">Team</label>
<select class="govuk-select" id="team" name="team">
<option value="">All teams</option>
{{#TEAM_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TEAM_OPTION}}</select>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="type">Type of anti-social behaviour</label>
<select class="govuk-select" id="type" name="type">
<option value="">All types</option>
{{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TYPE_OPTION}}</select>
</div>
</div>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Apply filters</button>
</form>

<h2 class="govuk-heading-m" id="clocks">Time to triage and to first action</h2>
<p class="govuk-body">Each allocation of an incident to a team, by the week the incident was reported: the hours from the report to the team's triage, and from its triage to its first action. The median is the middle time, the 90th percentile the time that 9 in 10 were within (PostgreSQL's percentile_cont: interpolated between the two nearest times). {{TARGETS}} Within target: of those measured, how many met their target.</p>
{{>TRIAGE_CHART}}
{{>ACTION_CHART}}
<table class="govuk-table" id="table-clocks">
<caption class="govuk-table__caption govuk-table__caption--s">Time to triage and to first action, by week (hours)</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Week beginning</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Allocations</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Triaged</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Triage median</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Triage 90th percentile</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Triaged within target</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">First actions</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Action median</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Action 90th percentile</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Actioned within target</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#CLOCK_ROW}}<tr class="govuk-table__row" data-week="{{WEEK}}">
<th scope="row" class="govuk-table__header">{{WEEK_WORDS}}</th>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="allocations">{{ALLOCATIONS}}</td>
{{#TRIAGE}}<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="triaged">{{N}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="triage-median">{{MEDIAN}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="triage-p90">{{P90}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="triage-within">{{WITHIN}}</td>
{{/TRIAGE}}{{#ACTION}}<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="actioned">{{N}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="action-median">{{MEDIAN}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="action-p90">{{P90}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="action-within">{{WITHIN}}</td>
{{/ACTION}}</tr>
{{/CLOCK_ROW}}</tbody>
</table>
<p class="govuk-body"><a class="govuk-link" href="/dashboards/operational.csv?table=clocks&amp;area={{F_AREA}}&amp;team={{F_TEAM}}&amp;type={{F_TYPE}}&amp;week={{F_WEEK}}" download>Download time to triage and to first action (CSV)</a></p>

<h2 class="govuk-heading-m" id="overdue">Actions overdue now</h2>
<p class="govuk-body">Actions on monitored cases' action plans that are open and were due before today: {{OVERDUE_TOTAL}} in all. These are as of now, whatever the week chosen; the area and type filters keep the actions of cases that link an incident of that area or type, the team filter those the team owns.</p>
{{>OVERDUE_TEAMS_CHART}}
<table class="govuk-table" id="table-overdue-teams">
<caption class="govuk-table__caption govuk-table__caption--s">Actions overdue now, by team</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Team</th>
<th scope="col" class="govuk-table__header">Agency</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Overdue</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Mean days overdue</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Most days overdue</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#OVERDUE_TEAM}}<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header">{{NAME}}</th>
<td class="govuk-table__cell">{{AGENCY}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="count">{{COUNT}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="mean">{{MEAN}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="max">{{MAX}}</td>
</tr>
{{/OVERDUE_TEAM}}{{#OVERDUE_TEAM_NONE}}<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="5">No actions are overdue.</td></tr>
{{/OVERDUE_TEAM_NONE}}</tbody>
</table>
<p class="govuk-body"><a class="govuk-link" href="/dashboards/operational.csv?table=overdue-teams&amp;area={{F_AREA}}&amp;team={{F_TEAM}}&amp;type={{F_TYPE}}&amp;week={{F_WEEK}}" download>Download actions overdue by team (CSV)</a></p>
{{>OVERDUE_AGENCIES_CHART}}
<table class="govuk-table" id="table-overdue-agencies">
<caption class="govuk-table__caption govuk-table__caption--s">Actions overdue now, by agency</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Agency</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Overdue</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Mean days overdue</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Most days overdue</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#OVERDUE_AGENCY}}<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header">{{NAME}}</th>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="count">{{COUNT}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="mean">{{MEAN}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="max">{{MAX}}</td>
</tr>
{{/OVERDUE_AGENCY}}{{#OVERDUE_AGENCY_NONE}}<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">No actions are overdue.</td></tr>
{{/OVERDUE_AGENCY_NONE}}</tbody>
</table>
<p class="govuk-body"><a class="govuk-link" href="/dashboards/operational.csv?table=overdue-agencies&amp;area={{F_AREA}}&amp;team={{F_TEAM}}&amp;type={{F_TYPE}}&amp;week={{F_WEEK}}" download>Download actions overdue by agency (CSV)</a></p>

<h2 class="govuk-heading-m" id="repeats">Repeat incidents</h2>
<p class="govuk-body">Incidents reported in the 8 weeks that carry a repeat flag (repeat victim, repeat location or repeat subject): {{REPEATS}} in all. Each is counted once, where it happened to the 100 metre square of the British National Grid (the square's south-west corner), in its beat (or, outside every beat, its council area), and by the weekday and time of day it was reported.{{#UNPLACED}} {{UNPLACED}} of them have no point, so they are in no square.{{/UNPLACED}}</p>
{{>SQUARES_CHART}}
<table class="govuk-table" id="table-repeat-squares">
<caption class="govuk-table__caption govuk-table__caption--s">Repeat incidents by 100 metre square</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Easting</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Northing</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Repeat incidents</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#SQUARE_ROW}}<tr class="govuk-table__row" data-square="{{EASTING}},{{NORTHING}}">
<td class="govuk-table__cell govuk-table__cell--numeric">{{EASTING}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">{{NORTHING}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="count">{{COUNT}}</td>
</tr>
{{/SQUARE_ROW}}{{#SQUARE_ROW_NONE}}<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="3">No repeat incidents with a point.</td></tr>
{{/SQUARE_ROW_NONE}}</tbody>
</table>
<p class="govuk-body"><a class="govuk-link" href="/dashboards/operational.csv?table=repeat-squares&amp;area={{F_AREA}}&amp;team={{F_TEAM}}&amp;type={{F_TYPE}}&amp;week={{F_WEEK}}" download>Download repeat incidents by square (CSV)</a></p>
{{>AREAS_CHART}}
<table class="govuk-table" id="table-repeat-areas">
<caption class="govuk-table__caption govuk-table__caption--s">Repeat incidents by area</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Area</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Repeat incidents</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#AREA_ROW}}<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header">{{NAME}}</th>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="count">{{COUNT}}</td>
</tr>
{{/AREA_ROW}}{{#AREA_ROW_NONE}}<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="2">No repeat incidents.</td></tr>
{{/AREA_ROW_NONE}}</tbody>
</table>
<p class="govuk-body"><a class="govuk-link" href="/dashboards/operational.csv?table=repeat-areas&amp;area={{F_AREA}}&amp;team={{F_TEAM}}&amp;type={{F_TYPE}}&amp;week={{F_WEEK}}" download>Download repeat incidents by area (CSV)</a></p>
{{>BANDS_CHART}}
<table class="govuk-table" id="table-repeat-bands">
<caption class="govuk-table__caption govuk-table__caption--s">Repeat incidents by weekday and time of day reported</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Weekday</th>
{{#BAND_HEAD}}<th scope="col" class="govuk-table__header govuk-table__header--numeric">{{BAND}}</th>
{{/BAND_HEAD}}<th scope="col" class="govuk-table__header govuk-table__header--numeric">All day</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#BAND_ROW}}<tr class="govuk-table__row" data-day="{{DAY}}">
<th scope="row" class="govuk-table__header">{{DAY}}</th>
{{#CELL}}<td class="govuk-table__cell govuk-table__cell--numeric" data-band="{{BAND}}">{{COUNT}}</td>
{{/CELL}}<td class="govuk-table__cell govuk-table__cell--numeric" data-band="all">{{TOTAL}}</td>
</tr>
{{/BAND_ROW}}<tr class="govuk-table__row" data-day="all">
<th scope="row" class="govuk-table__header">Every day</th>
{{#BAND_TOTAL}}<td class="govuk-table__cell govuk-table__cell--numeric" data-band="{{BAND}}"><strong>{{COUNT}}</strong></td>
{{/BAND_TOTAL}}<td class="govuk-table__cell govuk-table__cell--numeric" data-band="all"><strong>{{REPEATS}}</strong></td>
</tr>
</tbody>
</table>
<p class="govuk-body"><a class="govuk-link" href="/dashboards/operational.csv?table=repeat-bands&amp;area={{F_AREA}}&amp;team={{F_TEAM}}&amp;type={{F_TYPE}}&amp;week={{F_WEEK}}" download>Download repeat incidents by weekday and time band (CSV)</a></p>
{{>FOOT}}
