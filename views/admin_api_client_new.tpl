{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/api-clients" class="govuk-back-link">Back to API clients</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">Register an API client</h1>
<p class="govuk-body">Its key is shown once, on the next page. Only a hash of it is kept.</p>
<form method="post" action="/admin/api-clients" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="govuk-form-group{{#NAME_ERROR}} govuk-form-group--error{{/NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="name">Name</label>
<div id="name-hint" class="govuk-hint">Up to 100 letters, digits, spaces, dots, dashes and underscores, for example city-cad. It cannot be changed later.</div>
{{#NAME_ERROR}}<p id="name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NAME_ERROR}}
<input class="govuk-input govuk-input--width-20{{#NAME_ERROR}} govuk-input--error{{/NAME_ERROR}}" id="name" name="name" type="text" spellcheck="false" autocomplete="off" value="{{NAME}}" aria-describedby="name-hint{{#NAME_ERROR}} name-error{{/NAME_ERROR}}">
</div>
<div class="govuk-form-group{{#KIND_ERROR}} govuk-form-group--error{{/KIND_ERROR}}">
<fieldset class="govuk-fieldset"{{#KIND_ERROR}} aria-describedby="kind-error"{{/KIND_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Kind of client</legend>
{{#KIND_ERROR}}<p id="kind-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/KIND_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="kind" name="kind" type="radio" value="cad" aria-describedby="kind-cad-hint"{{#KIND_CAD}} checked{{/KIND_CAD}}>
<label class="govuk-label govuk-radios__label" for="kind">Command and control (CAD)</label>
<div id="kind-cad-hint" class="govuk-hint govuk-radios__hint">Signs every call with a key id and secret; needs an agency, scopes and its code mappings below.</div>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="kind-2" name="kind" type="radio" value="open311" aria-describedby="kind-open311-hint"{{#KIND_OPEN311}} checked{{/KIND_OPEN311}}>
<label class="govuk-label govuk-radios__label" for="kind-2">Open311 app</label>
<div id="kind-open311-hint" class="govuk-hint govuk-radios__hint">Posts public reports with an api_key, for example FixMyStreet. The fields below are not used.</div>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="kind-3" name="kind" type="radio" value="odata" aria-describedby="kind-odata-hint"{{#KIND_ODATA}} checked{{/KIND_ODATA}}>
<label class="govuk-label govuk-radios__label" for="kind-3">OData feed for an analyst (Power BI, Excel)</label>
<div id="kind-odata-hint" class="govuk-hint govuk-radios__hint">An analyst's key to the reporting views at /odata/v4/: it reads as the analyst, and only the views ticked below.</div>
</div>
</div>
</fieldset>
</div>
<h2 class="govuk-heading-m">For a CAD client</h2>
<div class="govuk-form-group{{#AGENCY_ERROR}} govuk-form-group--error{{/AGENCY_ERROR}}">
<label class="govuk-label govuk-label--s" for="agency">Agency</label>
<div id="agency-hint" class="govuk-hint">The agency it acts for: it sees and records what that agency may.</div>
{{#AGENCY_ERROR}}<p id="agency-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/AGENCY_ERROR}}
<select class="govuk-select{{#AGENCY_ERROR}} govuk-select--error{{/AGENCY_ERROR}}" id="agency" name="agency" aria-describedby="agency-hint{{#AGENCY_ERROR}} agency-error{{/AGENCY_ERROR}}">
<option value="">Choose an agency</option>
{{#AGENCY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/AGENCY_OPTION}}
</select>
</div>
{{>CAD_FIELDS}}
<h2 class="govuk-heading-m">For an OData feed</h2>
<div class="govuk-form-group{{#ANALYST_ERROR}} govuk-form-group--error{{/ANALYST_ERROR}}">
<label class="govuk-label govuk-label--s" for="analyst">Analyst's e-mail address</label>
<div id="analyst-hint" class="govuk-hint">The member of staff the key is for, who needs a role with reporting.view. The feed shows them what their agency may see.</div>
{{#ANALYST_ERROR}}<p id="analyst-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ANALYST_ERROR}}
<input class="govuk-input govuk-input--width-30{{#ANALYST_ERROR}} govuk-input--error{{/ANALYST_ERROR}}" id="analyst" name="analyst" type="email" spellcheck="false" autocomplete="off" value="{{ANALYST}}" aria-describedby="analyst-hint{{#ANALYST_ERROR}} analyst-error{{/ANALYST_ERROR}}">
</div>
<div class="govuk-form-group{{#VIEWS_ERROR}} govuk-form-group--error{{/VIEWS_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="views-hint{{#VIEWS_ERROR}} views-error{{/VIEWS_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Views it may read</legend>
<div id="views-hint" class="govuk-hint">Each is an entity set of the feed. The last two hold pseudonyms of people, not their details. Select all that apply.</div>
{{#VIEWS_ERROR}}<p id="views-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/VIEWS_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#VIEW}}<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{VIEW_ID}}" name="views" type="checkbox" value="{{VIEW}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="{{VIEW_ID}}">{{SET}} ({{VIEW}})</label>
</div>
{{/VIEW}}</div>
</fieldset>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Register client</button>
</form>
</div>
</div>
{{>FOOT}}
