{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{#MAP}}<link rel="stylesheet" href="/static/leaflet/leaflet.css?v={{VERSION}}">
<link rel="stylesheet" href="/static/map.css?v={{VERSION}}">{{/MAP}}
<a href="{{BACK}}" class="govuk-back-link">Back</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<form method="post" action="/report/where" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHANGE}}<input type="hidden" name="change" value="{{VALUE}}">{{/CHANGE}}
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">Where did it happen?</h1></legend>
<p class="govuk-body">Give the address, or the nearest street or landmark if it happened outside.</p>
<div class="govuk-form-group{{#ADDRESS_LINE_1_ERROR}} govuk-form-group--error{{/ADDRESS_LINE_1_ERROR}}">
<label class="govuk-label" for="address-line-1">Building and street</label>
{{#ADDRESS_LINE_1_ERROR}}<p id="address-line-1-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ADDRESS_LINE_1_ERROR}}
<input class="govuk-input{{#ADDRESS_LINE_1_ERROR}} govuk-input--error{{/ADDRESS_LINE_1_ERROR}}" id="address-line-1" name="address-line-1" type="text" autocomplete="address-line1" value="{{LINE1}}"{{#ADDRESS_LINE_1_ERROR}} aria-describedby="address-line-1-error"{{/ADDRESS_LINE_1_ERROR}}>
</div>
<div class="govuk-form-group{{#ADDRESS_TOWN_ERROR}} govuk-form-group--error{{/ADDRESS_TOWN_ERROR}}">
<label class="govuk-label" for="address-town">Town or city (optional)</label>
{{#ADDRESS_TOWN_ERROR}}<p id="address-town-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ADDRESS_TOWN_ERROR}}
<input class="govuk-input govuk-!-width-two-thirds{{#ADDRESS_TOWN_ERROR}} govuk-input--error{{/ADDRESS_TOWN_ERROR}}" id="address-town" name="address-town" type="text" autocomplete="address-level2" value="{{TOWN}}"{{#ADDRESS_TOWN_ERROR}} aria-describedby="address-town-error"{{/ADDRESS_TOWN_ERROR}}>
</div>
<div class="govuk-form-group{{#ADDRESS_POSTCODE_ERROR}} govuk-form-group--error{{/ADDRESS_POSTCODE_ERROR}}">
<label class="govuk-label" for="address-postcode">Postcode (optional)</label>
{{#ADDRESS_POSTCODE_ERROR}}<p id="address-postcode-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ADDRESS_POSTCODE_ERROR}}
<input class="govuk-input govuk-input--width-10{{#ADDRESS_POSTCODE_ERROR}} govuk-input--error{{/ADDRESS_POSTCODE_ERROR}}" id="address-postcode" name="address-postcode" type="text" autocomplete="postal-code" value="{{POSTCODE}}"{{#ADDRESS_POSTCODE_ERROR}} aria-describedby="address-postcode-error"{{/ADDRESS_POSTCODE_ERROR}}>
</div>
<div class="govuk-inset-text" id="what-is-public">We publish a list of reports so that people can see what has been reported near them. It shows the type of problem, when it was reported, the place you mark on the map (never the address you type), whether it is open or closed and the updates we share with you. It never shows your name or contact details, and reports of harassment or of nuisance neighbours are not listed at all.</div>
<div class="govuk-form-group concord-map-field{{#REPORT_MAP_ERROR}} govuk-form-group--error{{/REPORT_MAP_ERROR}}">
{{#REPORT_MAP_ERROR}}<p id="report-map-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REPORT_MAP_ERROR}}
{{#MAP}}<div id="report-map" class="concord-map" data-module="concord-map-picker" data-tiles="{{MAP_TILES}}" data-attribution="{{MAP_ATTRIBUTION}}" data-lon="{{MAP_LON}}" data-lat="{{MAP_LAT}}" data-zoom="{{MAP_ZOOM}}" data-outline="{{MAP_OUTLINE}}"></div>
<script src="/static/leaflet/leaflet.js?v={{VERSION}}" defer></script>
<script src="/static/map.js?v={{VERSION}}" defer></script>{{/MAP}}
<input type="hidden" id="lon" name="lon" value="{{LON}}">
<input type="hidden" id="lat" name="lat" value="{{LAT}}">
</div>
</fieldset>
<button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
</div>
</div>
{{>FOOT}}
