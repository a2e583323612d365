{{%AUTOESCAPE context="HTML"}}
<div class="govuk-form-group{{#SCOPES_ERROR}} govuk-form-group--error{{/SCOPES_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="scopes-hint{{#SCOPES_ERROR}} scopes-error{{/SCOPES_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Scopes</legend>
<div id="scopes-hint" class="govuk-hint">What its calls may do. Select all that apply.</div>
{{#SCOPES_ERROR}}<p id="scopes-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/SCOPES_ERROR}}
<div class="govuk-checkboxes" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="scopes" name="scopes" type="checkbox" value="incidents.read"{{#READ}} checked{{/READ}}>
<label class="govuk-label govuk-checkboxes__label" for="scopes">incidents.read: read incidents and the change feed</label>
</div>
<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="scopes-2" name="scopes" type="checkbox" value="incidents.write"{{#WRITE}} checked{{/WRITE}}>
<label class="govuk-label govuk-checkboxes__label" for="scopes-2">incidents.write: create and update incidents</label>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#WEBHOOK_URL_ERROR}} govuk-form-group--error{{/WEBHOOK_URL_ERROR}}">
<label class="govuk-label govuk-label--s" for="webhook_url">Webhook address (optional)</label>
<div id="webhook_url-hint" class="govuk-hint">Where Concord sends what changes on its incidents, signed with its key, for example https://cad.example/concord/hooks.</div>
{{#WEBHOOK_URL_ERROR}}<p id="webhook_url-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/WEBHOOK_URL_ERROR}}
<input class="govuk-input{{#WEBHOOK_URL_ERROR}} govuk-input--error{{/WEBHOOK_URL_ERROR}}" id="webhook_url" name="webhook_url" type="url" spellcheck="false" autocomplete="off" value="{{WEBHOOK_URL}}" aria-describedby="webhook_url-hint{{#WEBHOOK_URL_ERROR}} webhook_url-error{{/WEBHOOK_URL_ERROR}}">
</div>
<div class="govuk-form-group{{#MAPPINGS_ERROR}} govuk-form-group--error{{/MAPPINGS_ERROR}}">
<label class="govuk-label govuk-label--s" for="mappings">Code mappings (JSON, optional)</label>
<div id="mappings-hint" class="govuk-hint">Its incident type codes to ASB type codes, its status codes to Concord's, default values and its names for the log number and the caller, for example {"types": {"ASB-N": "noise"}, "statuses": {"OPEN": "open"}, "fields": {"log_number": "incident_number"}}. A code it sends that is not mapped is refused.</div>
{{#MAPPINGS_ERROR}}<p id="mappings-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/MAPPINGS_ERROR}}
<textarea class="govuk-textarea concord-code{{#MAPPINGS_ERROR}} govuk-textarea--error{{/MAPPINGS_ERROR}}" id="mappings" name="mappings" rows="10" spellcheck="false" aria-describedby="mappings-hint{{#MAPPINGS_ERROR}} mappings-error{{/MAPPINGS_ERROR}}">{{MAPPINGS}}</textarea>
</div>
