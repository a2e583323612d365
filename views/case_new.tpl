{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/cases" class="govuk-back-link">Cases</a>
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Open a monitored case</h1>
<form method="post" action="/staff/cases/new" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="origin" value="{{ORIGIN}}">
<input type="hidden" name="from" value="{{FROM}}">
{{#FLAGGED}}<div class="govuk-inset-text" id="flagged">
<p class="govuk-body">From {{FLAG}} on {{FROM}}: these incidents will be linked.</p>
<ul class="govuk-list govuk-list--bullet">
{{#FLAGGED_REF}}<li><a class="govuk-link" href="/staff/incidents/{{REF}}">{{REF}}</a></li>
{{/FLAGGED_REF}}</ul>
</div>{{/FLAGGED}}
<div class="govuk-form-group{{#REFS_ERROR}} govuk-form-group--error{{/REFS_ERROR}}">
<label class="govuk-label govuk-label--s" for="refs">Incidents to link{{#FLAGGED}} as well (optional){{/FLAGGED}}</label>
<div id="refs-hint" class="govuk-hint">Their references, for example ASB-2026-000123, separated by spaces or new lines</div>
{{#REFS_ERROR}}<p id="refs-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REFS_ERROR}}
<textarea class="govuk-textarea{{#REFS_ERROR}} govuk-textarea--error{{/REFS_ERROR}}" id="refs" name="refs" rows="3" aria-describedby="refs-hint">{{REFS}}</textarea>
</div>
<div class="govuk-form-group{{#TITLE_ERROR}} govuk-form-group--error{{/TITLE_ERROR}}">
<label class="govuk-label govuk-label--s" for="title">Title</label>
<div id="title-hint" class="govuk-hint">What the case is about, for example "Noise and threats at Moorgate flats"</div>
{{#TITLE_ERROR}}<p id="title-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TITLE_ERROR}}
<input class="govuk-input{{#TITLE_ERROR}} govuk-input--error{{/TITLE_ERROR}}" id="title" name="title" type="text" value="{{TITLE}}" aria-describedby="title-hint">
</div>
<div class="govuk-form-group{{#SUMMARY_ERROR}} govuk-form-group--error{{/SUMMARY_ERROR}}">
<label class="govuk-label govuk-label--s" for="summary">Summary (optional)</label>
{{#SUMMARY_ERROR}}<p id="summary-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SUMMARY_ERROR}}
<textarea class="govuk-textarea" id="summary" name="summary" rows="4">{{SUMMARY}}</textarea>
</div>
<div class="govuk-form-group{{#RISK_ERROR}} govuk-form-group--error{{/RISK_ERROR}}">
<label class="govuk-label govuk-label--s" for="risk">Risk level</label>
<div id="risk-hint" class="govuk-hint">It sets how often a supervisor reviews the case</div>
{{#RISK_ERROR}}<p id="risk-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/RISK_ERROR}}
<select class="govuk-select" id="risk" name="risk" aria-describedby="risk-hint">
{{#RISK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/RISK_OPTION}}</select>
</div>
<div class="govuk-form-group{{#LEAD_ERROR}} govuk-form-group--error{{/LEAD_ERROR}}">
<label class="govuk-label govuk-label--s" for="lead">Lead officer</label>
<div id="lead-hint" class="govuk-hint">The victim's single point of contact</div>
{{#LEAD_ERROR}}<p id="lead-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/LEAD_ERROR}}
<select class="govuk-select" id="lead" name="lead" aria-describedby="lead-hint">
{{#OFFICER}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/OFFICER}}</select>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Open the case</button>
</form>
{{>FOOT}}
