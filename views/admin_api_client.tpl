{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/api-clients" class="govuk-back-link">Back to API clients</a>
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">{{NAME}} {{#ACTIVE}}<strong class="govuk-tag govuk-tag--green">Active</strong>{{/ACTIVE}}{{#REVOKED}}<strong class="govuk-tag govuk-tag--red">Revoked</strong>{{/REVOKED}}</h1>
<p class="govuk-body"><a class="govuk-link" href="/admin/api-clients/{{ID}}/history">See the history of this client</a>{{#CAD}} · <a class="govuk-link" href="/admin/api-clients/{{ID}}/deliveries">See its webhook deliveries</a>{{/CAD}}</p>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Kind</dt><dd class="govuk-summary-list__value">{{KIND}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Agency</dt><dd class="govuk-summary-list__value">{{AGENCY}}</dd></div>
{{#CAD}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Service account</dt><dd class="govuk-summary-list__value">{{ACCOUNT}} (cannot sign in)</dd></div>{{/CAD}}
{{#ODATA}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Analyst</dt><dd class="govuk-summary-list__value">{{ACCOUNT}}</dd></div>{{/ODATA}}
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Scopes</dt><dd class="govuk-summary-list__value">{{SCOPES}}</dd></div>
{{#CAD}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Webhook</dt><dd class="govuk-summary-list__value">{{WEBHOOK}}</dd></div>{{/CAD}}
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Registered</dt><dd class="govuk-summary-list__value">{{CREATED}}</dd></div>
</dl>
{{#KEYED}}
<h2 class="govuk-heading-m">Keys</h2>
{{#NO_KEYS}}<p class="govuk-body">It has no keys.</p>{{/NO_KEYS}}
<div class="concord-table-scroll" role="region" aria-label="Keys of {{NAME}}, newest first" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-visually-hidden">Keys of {{NAME}}, newest first</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Key id</th>
<th scope="col" class="govuk-table__header">State</th>
<th scope="col" class="govuk-table__header">Created</th>
<th scope="col" class="govuk-table__header">Expires</th>
<th scope="col" class="govuk-table__header">Last used</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
</tr></thead>
<tbody class="govuk-table__body">
{{#KEY}}<tr class="govuk-table__row">
<td class="govuk-table__cell"><code>{{KEY_ID}}</code></td>
<td class="govuk-table__cell">{{#LIVE}}<strong class="govuk-tag govuk-tag--green">Live</strong>{{/LIVE}}{{#ENDING}}<strong class="govuk-tag govuk-tag--yellow">Ending</strong>{{/ENDING}}{{#EXPIRED}}<strong class="govuk-tag govuk-tag--grey">Expired</strong>{{/EXPIRED}}{{#KEY_REVOKED}}<strong class="govuk-tag govuk-tag--red">Revoked</strong> {{REVOKED}}{{/KEY_REVOKED}}</td>
<td class="govuk-table__cell">{{CREATED}}</td>
<td class="govuk-table__cell">{{EXPIRES}}</td>
<td class="govuk-table__cell">{{LAST_USED}}</td>
<td class="govuk-table__cell">{{#CAN_REVOKE}}<a class="govuk-link" href="/admin/api-clients/{{CLIENT}}/revoke?key={{KEY_ID}}">Revoke<span class="govuk-visually-hidden"> key {{KEY_ID}}</span></a>{{/CAN_REVOKE}}</td>
</tr>
{{/KEY}}
</tbody>
</table>
</div>
{{/KEYED}}
{{#KEYED_ACTIVE}}
<h2 class="govuk-heading-m">Rotate its key</h2>
<p class="govuk-body">Makes a new key, shown once on the next page. Its live keys go on working for the overlap, so the client can change over, then stop.</p>
<form method="post" action="/admin/api-clients/{{ID}}/rotate" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="govuk-form-group{{#OVERLAP_ERROR}} govuk-form-group--error{{/OVERLAP_ERROR}}">
<label class="govuk-label govuk-label--s" for="overlap">Overlap, in hours</label>
<div id="overlap-hint" class="govuk-hint">0 to 720. 0 ends the old keys at once.</div>
{{#OVERLAP_ERROR}}<p id="overlap-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/OVERLAP_ERROR}}
<input class="govuk-input govuk-input--width-4{{#OVERLAP_ERROR}} govuk-input--error{{/OVERLAP_ERROR}}" id="overlap" name="overlap" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" value="{{OVERLAP}}" aria-describedby="overlap-hint{{#OVERLAP_ERROR}} overlap-error{{/OVERLAP_ERROR}}">
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Rotate key</button>
</form>
{{/KEYED_ACTIVE}}
{{#EDIT}}
<h2 class="govuk-heading-m">Change its scopes, webhook and mappings</h2>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<form method="post" action="/admin/api-clients/{{ID}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{>CAD_FIELDS}}
<button type="submit" class="govuk-button" data-module="govuk-button">Save changes</button>
</form>
</div></div>
{{/EDIT}}
{{#CAN_REVOKE_CLIENT}}
<h2 class="govuk-heading-m">{{#KEYED}}Revoke{{/KEYED}}{{#OPEN311}}Deactivate{{/OPEN311}} this client</h2>
<p class="govuk-body">Nothing it sends is accepted any more. You are asked to confirm first.</p>
<a href="/admin/api-clients/{{ID}}/revoke" role="button" draggable="false" class="govuk-button govuk-button--warning" data-module="govuk-button">{{#KEYED}}Revoke{{/KEYED}}{{#OPEN311}}Deactivate{{/OPEN311}} {{NAME}}</a>
{{/CAN_REVOKE_CLIENT}}
{{>FOOT}}
