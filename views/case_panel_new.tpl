{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/panels" class="govuk-back-link">Case panels</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Record a case panel</h1>
<form method="post" action="/staff/panels" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>HELD_DATE}}
<div class="govuk-form-group{{#TIME_ERROR}} govuk-form-group--error{{/TIME_ERROR}}">
<label class="govuk-label govuk-label--s" for="time">Time it started</label>
<div id="time-hint" class="govuk-hint">For example, 14:30 or 2:30pm</div>
{{#TIME_ERROR}}<p id="time-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TIME_ERROR}}
<input class="govuk-input govuk-input--width-5{{#TIME_ERROR}} govuk-input--error{{/TIME_ERROR}}" id="time" name="time" type="text" autocomplete="off" value="{{TIME}}" aria-describedby="time-hint{{#TIME_ERROR}} time-error{{/TIME_ERROR}}">
</div>
<div class="govuk-form-group{{#LOCATION_ERROR}} govuk-form-group--error{{/LOCATION_ERROR}}">
<label class="govuk-label govuk-label--s" for="location">Where</label>
<div id="location-hint" class="govuk-hint">For example, Guildhall, committee room 2, or Online</div>
{{#LOCATION_ERROR}}<p id="location-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LOCATION_ERROR}}
<input class="govuk-input{{#LOCATION_ERROR}} govuk-input--error{{/LOCATION_ERROR}}" id="location" name="location" type="text" autocomplete="off" value="{{LOCATION}}" aria-describedby="location-hint{{#LOCATION_ERROR}} location-error{{/LOCATION_ERROR}}">
</div>
<h2 class="govuk-heading-m">Who came</h2>
<p class="govuk-body">The names of the people who came from each agency, one a line. Leave an agency blank when no one came from it. The agencies that came see the panel.</p>
{{#AGENCY}}
<div class="govuk-form-group{{#ATTENDEES_ERROR}} govuk-form-group--error{{/ATTENDEES_ERROR}}">
<label class="govuk-label govuk-label--s" for="attendees-{{ID}}">{{NAME}}</label>
{{#ATTENDEES_ERROR}}<p id="attendees-{{ID}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ATTENDEES_ERROR}}
<textarea class="govuk-textarea{{#ATTENDEES_ERROR}} govuk-textarea--error{{/ATTENDEES_ERROR}}" id="attendees-{{ID}}" name="attendees-{{ID}}" rows="2">{{ATTENDEES:pre_escape}}</textarea>
</div>
{{/AGENCY}}
<button type="submit" class="govuk-button" data-module="govuk-button">Save the panel</button>
</form>
</div>
</div>
{{>FOOT}}
