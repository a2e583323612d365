{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">{{HEADING}}</h1>
</div>
<div class="govuk-warning-text">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Copy the {{#CAD}}secret{{/CAD}}{{#OPEN311}}key{{/OPEN311}}{{#ODATA}}key{{/ODATA}} now and give it to the client's operator over a secure channel. It is shown only on this page: Concord keeps only a hash of it, so nobody can show it again.</strong>
</div>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Client</dt><dd class="govuk-summary-list__value">{{NAME}}</dd></div>
{{#CAD}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Key id</dt><dd class="govuk-summary-list__value"><code id="key-id">{{KEY_ID}}</code></dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Secret</dt><dd class="govuk-summary-list__value"><code id="secret">{{SECRET}}</code></dd></div>{{/CAD}}
{{#ODATA}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Feed</dt><dd class="govuk-summary-list__value"><code id="feed">{{FEED}}</code></dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">User name</dt><dd class="govuk-summary-list__value"><code id="user">{{ANALYST}}</code></dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Password (the OData key)</dt><dd class="govuk-summary-list__value"><code id="secret">{{ODATA_KEY}}</code></dd></div>{{/ODATA}}
{{#OPEN311}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">api_key</dt><dd class="govuk-summary-list__value"><code id="secret">{{SECRET}}</code></dd></div>{{/OPEN311}}
</dl>
{{#CAD}}<p class="govuk-body">The client signs every call with the key id and the secret, as the README's "Signing a request" says.</p>{{/CAD}}
{{#ODATA}}<p class="govuk-body">In Power BI Desktop choose Get data, OData feed, give the feed's address, then Basic with the user name and the key as the password (README: Partnership reporting).</p>{{/ODATA}}
{{#ROTATED}}<p class="govuk-body" id="expires-old">Its older keys go on working until {{EXPIRES_OLD}}, so that it can change over.</p>{{/ROTATED}}
<p class="govuk-body"><a class="govuk-link" href="/admin/api-clients/{{ID}}">Go to {{NAME}}</a></p>
</div>
</div>
{{>FOOT}}
