{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/api-clients" class="govuk-back-link">Back to API clients</a>
<h1 class="govuk-heading-l">{{HEADING}}</h1>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Webhook address</dt>
<dd class="govuk-summary-list__value"><span class="concord-wrap-anywhere">{{WEBHOOK_URL}}</span></dd>
</div>
</dl>
<p class="govuk-body">Concord tells the client about every change of an incident it made or follows, in order, one incident at a time. A delivery that fails is tried again after 1 second, then 2, 4 and so on; after 8 failed attempts it becomes a dead letter and the next change of that incident goes ahead. Replay a dead letter once the client can take it.</p>

<h2 class="govuk-heading-m" id="dead-letters">Dead letters</h2>
{{#NO_DEAD}}<p class="govuk-body">There are no dead letters.</p>{{/NO_DEAD}}
{{#ANY_DEAD}}
<div class="concord-table-scroll" role="region" aria-labelledby="dead-letters" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Dead letters, the latest first</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Delivery</th>
<th scope="col" class="govuk-table__header">Incident</th>
<th scope="col" class="govuk-table__header">Change</th>
<th scope="col" class="govuk-table__header">Gave up</th>
<th scope="col" class="govuk-table__header">Attempts</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Replay</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#DEAD_LETTER}}
<tr class="govuk-table__row">
<td class="govuk-table__cell">{{ID}}</td>
<td class="govuk-table__cell">{{REFERENCE}}</td>
<td class="govuk-table__cell">{{EVENT}}</td>
<td class="govuk-table__cell">{{DEAD_AT}}</td>
<td class="govuk-table__cell">{{ATTEMPTS}}{{#TRIES}}<ol class="govuk-list govuk-body-s">{{#TRY}}<li>Attempt {{N}}, {{AT}}: {{RESULT}} in {{MS}} ms{{#ERROR}} ({{TEXT}}){{/ERROR}}</li>{{/TRY}}</ol>{{/TRIES}}</td>
<td class="govuk-table__cell"><form method="post" action="/admin/api-clients/{{CLIENT_ID}}/deliveries/{{ID}}/replay"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Replay<span class="govuk-visually-hidden"> delivery {{ID}}</span></button></form></td>
</tr>
{{/DEAD_LETTER}}
</tbody>
</table>
</div>
{{/ANY_DEAD}}

<h2 class="govuk-heading-m" id="recent-deliveries">Recent deliveries</h2>
{{#NO_RECENT}}<p class="govuk-body">Nothing has been sent to this client yet.</p>{{/NO_RECENT}}
{{#ANY_RECENT}}
<p class="govuk-body">The latest {{RECENT_MAX}}, newest first.</p>
<div class="concord-table-scroll" role="region" aria-labelledby="recent-deliveries" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Recent deliveries, newest first</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Delivery</th>
<th scope="col" class="govuk-table__header">Incident</th>
<th scope="col" class="govuk-table__header">Change</th>
<th scope="col" class="govuk-table__header">Queued</th>
<th scope="col" class="govuk-table__header">State</th>
<th scope="col" class="govuk-table__header">Attempts</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#DELIVERY}}
<tr class="govuk-table__row">
<td class="govuk-table__cell">{{ID}}</td>
<td class="govuk-table__cell">{{REFERENCE}}</td>
<td class="govuk-table__cell">{{EVENT}}</td>
<td class="govuk-table__cell">{{CREATED}}</td>
<td class="govuk-table__cell">{{#DELIVERED}}<strong class="govuk-tag govuk-tag--green">Delivered</strong> <span class="govuk-body-s">{{AT}}</span>{{/DELIVERED}}{{#PENDING}}<strong class="govuk-tag govuk-tag--blue">Pending</strong> <span class="govuk-body-s">next try {{NEXT}}</span>{{/PENDING}}{{#DEAD}}<strong class="govuk-tag govuk-tag--red">Dead letter</strong>{{/DEAD}}{{#REPLAYED}}<p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">Replayed by {{BY}}, {{AT}}</p>{{/REPLAYED}}</td>
<td class="govuk-table__cell">{{ATTEMPTS}}{{#TRIES}}<ol class="govuk-list govuk-body-s">{{#TRY}}<li>Attempt {{N}}, {{AT}}: {{RESULT}} in {{MS}} ms{{#ERROR}} ({{TEXT}}){{/ERROR}}</li>{{/TRY}}</ol>{{/TRIES}}</td>
</tr>
{{/DELIVERY}}
</tbody>
</table>
</div>
{{/ANY_RECENT}}
{{>FOOT}}
