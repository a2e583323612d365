{{%AUTOESCAPE context="HTML"}}
<svg class="concord-chart" id="hot-grid" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{WIDTH}} {{HEIGHT}}" width="{{WIDTH}}" height="{{HEIGHT}}" role="img" aria-labelledby="hot-grid-title hot-grid-desc" focusable="false">
<title id="hot-grid-title">Hotspots by 250 metre cell (Getis-Ord Gi*)</title>
<desc id="hot-grid-desc">{{DESC}}</desc>
<g font-family="arial, sans-serif" font-size="13" fill="#0b0c0c">
<text x="0" y="18" font-size="16" font-weight="bold">Hotspots by 250 metre cell</text>
{{#CELL}}<rect class="concord-hot-cell" data-band="{{BAND}}" x="{{X}}" y="{{Y}}" width="{{SIDE}}" height="{{SIDE}}" fill="{{FILL}}" stroke="#505a5f" stroke-width="1"><title>{{TITLE}}</title></rect>
{{/CELL}}{{#EMPTY}}<text x="0" y="{{EMPTY_Y}}">No incidents with a point in this period</text>
{{/EMPTY}}{{#LEGEND}}<rect x="{{X}}" y="{{Y}}" width="16" height="16" fill="{{FILL}}" stroke="#505a5f" stroke-width="1"></rect><text x="{{TX}}" y="{{TY}}">{{TEXT}}</text>
{{/LEGEND}}</g>
</svg>
