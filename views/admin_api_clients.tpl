{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin" class="govuk-back-link">Back to administration</a>
<h1 class="govuk-heading-l">API clients</h1>
<p class="govuk-body">Systems that send incidents to Concord: command-and-control (CAD) systems, which sign every call with a key, and Open311 apps such as FixMyStreet. A CAD client acts as its own service account in its agency, which can never sign in. An analyst's OData key lets Power BI or Excel read the reporting views they may see.</p>
<a href="/admin/api-clients/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Register an API client</a>
{{#NONE}}<p class="govuk-body">No API clients have been registered.</p>{{/NONE}}
{{#CLIENT}}
<div class="govuk-summary-card">
<div class="govuk-summary-card__title-wrapper">
<h2 class="govuk-summary-card__title"><a class="govuk-link" href="/admin/api-clients/{{ID}}">{{NAME}}</a> {{#ACTIVE}}<strong class="govuk-tag govuk-tag--green">Active</strong>{{/ACTIVE}}{{#REVOKED}}<strong class="govuk-tag govuk-tag--red">Revoked</strong>{{/REVOKED}}</h2>
<ul class="govuk-summary-card__actions">
<li class="govuk-summary-card__action"><a class="govuk-link" href="/admin/api-clients/{{ID}}">Manage<span class="govuk-visually-hidden"> {{NAME}}</span></a></li>
{{#CAD}}<li class="govuk-summary-card__action"><a class="govuk-link" href="/admin/api-clients/{{ID}}/deliveries">Webhook deliveries<span class="govuk-visually-hidden"> of {{NAME}}</span></a></li>{{/CAD}}
</ul>
</div>
<div class="govuk-summary-card__content">
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Kind</dt><dd class="govuk-summary-list__value">{{KIND}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Agency</dt><dd class="govuk-summary-list__value">{{AGENCY}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Scopes</dt><dd class="govuk-summary-list__value">{{SCOPES}}</dd></div>
{{#CAD}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Webhook</dt><dd class="govuk-summary-list__value">{{WEBHOOK}}</dd></div>{{/CAD}}
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Registered</dt><dd class="govuk-summary-list__value">{{CREATED}}</dd></div>
{{#ODATA}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Analyst</dt><dd class="govuk-summary-list__value">{{ACCOUNT}}</dd></div>{{/ODATA}}
{{#KEYED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Keys</dt><dd class="govuk-summary-list__value">
{{#NO_KEYS}}None{{/NO_KEYS}}
<ul class="govuk-list">
{{#KEY}}<li><code>{{KEY_ID}}</code> {{#LIVE}}<strong class="govuk-tag govuk-tag--green">Live</strong>{{/LIVE}}{{#ENDING}}<strong class="govuk-tag govuk-tag--yellow">Ending</strong>{{/ENDING}}{{#EXPIRED}}<strong class="govuk-tag govuk-tag--grey">Expired</strong>{{/EXPIRED}}{{#KEY_REVOKED}}<strong class="govuk-tag govuk-tag--red">Revoked</strong>{{/KEY_REVOKED}}<br>created {{CREATED}}; expires: {{EXPIRES}}; last used: {{LAST_USED}}</li>
{{/KEY}}
</ul></dd></div>{{/KEYED}}
</dl>
</div>
</div>
{{/CLIENT}}
{{>FOOT}}
