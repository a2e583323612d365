{{%AUTOESCAPE context="HTML"}}
<svg class="concord-heatmap" id="heatmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{WIDTH}} {{HEIGHT}}" width="{{WIDTH}}" height="{{HEIGHT}}" role="img" aria-labelledby="heatmap-title heatmap-desc" focusable="false">
<title id="heatmap-title">Incidents by day of the week and hour of the day</title>
<desc id="heatmap-desc">{{DESC}}</desc>
<g font-family="arial, sans-serif" font-size="11" fill="#0b0c0c">
{{#HOUR_LABEL}}<text x="{{X}}" y="{{Y}}" text-anchor="middle">{{TEXT}}</text>
{{/HOUR_LABEL}}{{#DAY}}<text x="0" y="{{Y}}" font-size="12">{{NAME}}</text>
{{#CELL}}<rect class="concord-heatmap__cell" x="{{X}}" y="{{Y}}" width="22" height="22" fill="{{FILL}}" data-day="{{DAY}}" data-hour="{{HOUR}}" data-count="{{COUNT}}" data-shade="{{SHADE}}"><title>{{LABEL}}</title></rect>{{#SOME}}<text x="{{TX}}" y="{{TY}}" text-anchor="middle" fill="{{INK}}" aria-hidden="true">{{COUNT}}</text>{{/SOME}}
{{/CELL}}{{/DAY}}{{#LEGEND}}<rect class="concord-heatmap__key" x="{{X}}" y="{{Y}}" width="22" height="22" fill="{{FILL}}" stroke="#b1b4b6" data-shade="{{SHADE}}"></rect><text x="{{TX}}" y="{{TY}}">{{TEXT}}</text>
{{/LEGEND}}</g>
</svg>
