{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/api-clients/{{ID}}" class="govuk-back-link">Back to {{NAME}}</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">{{HEADING}}</h1>
<div class="govuk-warning-text">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
{{#ONE_KEY}}Key <code>{{KEY_ID}}</code> of {{NAME}} will stop working at once: every call signed with it is refused. This cannot be undone.{{/ONE_KEY}}
{{#WHOLE_CAD}}{{NAME}} will stop working at once: every one of its keys is revoked and its service account disabled. This cannot be undone: to connect it again, register a new client.{{/WHOLE_CAD}}
{{#WHOLE_ODATA}}{{NAME}} will stop working at once: every one of its keys is revoked. The analyst's own account is not changed. This cannot be undone: to connect again, register a new client for them.{{/WHOLE_ODATA}}
{{#WHOLE_OPEN311}}{{NAME}} will stop working at once: its api_key is refused from now on. This cannot be undone: to connect it again, register a new client.{{/WHOLE_OPEN311}}
</strong>
</div>
<form method="post" action="/admin/api-clients/{{ID}}/revoke" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#ONE_KEY}}<input type="hidden" name="key" value="{{KEY_ID}}">{{/ONE_KEY}}
<div class="govuk-button-group">
<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">{{HEADING}}</button>
<a class="govuk-link" href="/admin/api-clients/{{ID}}">Cancel</a>
</div>
</form>
</div>
</div>
{{>FOOT}}
