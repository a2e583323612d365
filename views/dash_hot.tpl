{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<span class="govuk-caption-l">Partnership reporting</span>
<h1 class="govuk-heading-l">Hotspot dashboard</h1>
<nav class="govuk-!-margin-bottom-6" aria-label="Dashboards">
<ul class="govuk-list">
<li><a class="govuk-link" href="/dashboards/operational">Weekly operational dashboard</a></li>
<li><a class="govuk-link" href="/dashboards/hotspots" aria-current="page">Hotspot dashboard</a></li>
</ul>
</nav>
<p class="govuk-body">Where incidents reported in {{PERIOD_WORDS}} happened, in square cells of 250 metres of the British National Grid, compared with the period of the same length before it. Dates are London's. The figures are what your agency may see; incidents with no point are in no cell.</p>
<form method="get" action="/dashboards/hotspots" class="govuk-!-margin-bottom-6" id="filters" novalidate>
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-half">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="period">Month or quarter</label>
<select class="govuk-select" id="period" name="period">
{{#PERIOD_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PERIOD_OPTION}}</select>
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

<h2 class="govuk-heading-m" id="concentration">Is harm concentrating or dispersing?</h2>
<p class="govuk-body">Of the incidents with a point, the share in the busiest tenth of the cells that have any: the cells ranked by their incidents (cells with as many ranked west to east, then south to north), the top tenth rounded up. Change: this period's share less the one before's, in percentage points: {{CHANGE}}. {{TREND}}</p>
<table class="govuk-table" id="table-concentration">
<caption class="govuk-table__caption govuk-table__caption--s">Share of incidents in the top 10% of cells</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Period</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Incidents</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">With a point</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Cells with incidents</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Top 10% of cells</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Incidents in them</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Share</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#CONC_ROW}}<tr class="govuk-table__row" data-period="{{KEY}}">
<th scope="row" class="govuk-table__header">{{PERIOD}}</th>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="incidents">{{INCIDENTS}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="placed">{{PLACED}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="cells">{{CELLS}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="top-cells">{{TOP_CELLS}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="top-incidents">{{TOP_INCIDENTS}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="share">{{SHARE}}</td>
</tr>
{{/CONC_ROW}}</tbody>
</table>
<p class="govuk-body" id="change">Change in the share: <strong data-cell="change">{{CHANGE}}</strong> percentage points.</p>
<p class="govuk-body"><a class="govuk-link" href="/dashboards/hotspots.csv?table=concentration&amp;period={{F_PERIOD}}&amp;area={{F_AREA}}&amp;team={{F_TEAM}}&amp;type={{F_TYPE}}" download>Download the concentration (CSV)</a></p>

<h2 class="govuk-heading-m" id="hotspots">Hotspots (Getis-Ord Gi*)</h2>
<p class="govuk-body">Each cell with incidents is compared with the cells around it: its Gi* z-score is how far the incidents in it and its 8 neighbours are above what the study area's average would give them. The study area is the {{NCELLS}} cells with incidents and their neighbours, {{STUDY_N}} cells in all (those with none counting 0). A z-score of 1.96 or more is a hotspot at 95% confidence, 2.58 or more at 99%: {{HOT95}} cells are hotspots, {{HOT99}} of them at 99%.</p>
{{>HOT_GRID}}
<table class="govuk-table" id="table-cells">
<caption class="govuk-table__caption govuk-table__caption--s">The 20 cells with the highest z-scores</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Cell (south-west corner, easting and northing)</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Latitude of its centre</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Longitude of its centre</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Incidents</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">z-score</th>
<th scope="col" class="govuk-table__header">Confidence</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#CELL_ROW}}<tr class="govuk-table__row" data-cell-id="{{CELL}}">
<th scope="row" class="govuk-table__header">E {{EASTING}}, N {{NORTHING}}</th>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="lat">{{LAT}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="lon">{{LON}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="count">{{COUNT}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric" data-cell="z">{{Z}}</td>
<td class="govuk-table__cell" data-cell="band">{{BAND}}</td>
</tr>
{{/CELL_ROW}}{{#CELL_ROW_NONE}}<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="6">No incidents with a point in this period.</td></tr>
{{/CELL_ROW_NONE}}</tbody>
</table>
<p class="govuk-body"><a class="govuk-link" href="/dashboards/hotspots.csv?table=cells&amp;period={{F_PERIOD}}&amp;area={{F_AREA}}&amp;team={{F_TEAM}}&amp;type={{F_TYPE}}" download>Download every cell and its z-score (CSV)</a></p>
{{>FOOT}}
