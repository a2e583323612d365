{{%AUTOESCAPE context="HTML"}}
<svg class="concord-chart" id="{{ID}}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{WIDTH}} {{HEIGHT}}" width="{{WIDTH}}" height="{{HEIGHT}}" role="img" aria-labelledby="{{ID}}-title {{ID}}-desc" focusable="false">
<title id="{{ID}}-title">{{TITLE}}</title>
<desc id="{{ID}}-desc">{{DESC}}</desc>
<g font-family="arial, sans-serif" font-size="13" fill="#0b0c0c">
<text x="0" y="18" font-size="16" font-weight="bold">{{TITLE}}</text>
{{#TICK}}<line x1="{{X}}" y1="{{Y1}}" x2="{{X}}" y2="{{Y2}}" stroke="#b1b4b6" stroke-width="1"></line><text x="{{X}}" y="{{TY}}" text-anchor="middle">{{TEXT}}</text>
{{/TICK}}{{#BAR}}<g class="concord-chart__bar" data-label="{{FULL_LABEL}}" data-value="{{VALUE_TEXT}}"><text x="{{LX}}" y="{{TY}}" text-anchor="end">{{LABEL}}</text><rect x="{{X}}" y="{{Y}}" width="{{W}}" height="{{H}}" fill="#1d70b8"><title>{{FULL_LABEL}}: {{VALUE_TEXT}}</title></rect><text x="{{VX}}" y="{{TY}}">{{VALUE_TEXT}}</text></g>
{{/BAR}}{{#EMPTY}}<text x="{{AXIS_X}}" y="{{EMPTY_Y}}" dx="8">Nothing to show</text>
{{/EMPTY}}<line x1="{{AXIS_X}}" y1="{{AXIS_Y1}}" x2="{{AXIS_X}}" y2="{{AXIS_Y2}}" stroke="#0b0c0c" stroke-width="1"></line>
<line x1="{{AXIS_X}}" y1="{{AXIS_Y2}}" x2="{{AXIS_END}}" y2="{{AXIS_Y2}}" stroke="#0b0c0c" stroke-width="1"></line>
<text x="{{TITLE_X}}" y="{{TITLE_Y}}" text-anchor="middle" font-weight="bold">{{AXIS}}</text>
</g>
</svg>
