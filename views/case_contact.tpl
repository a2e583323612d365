{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{>CASE_HEAD}}
<h2 class="govuk-heading-m">Victim contact</h2>
<p class="govuk-body">Each victim's agreed contact plan, when they are next to be contacted and every contact with them. An overdue contact is on the lead officer's queue.</p>
{{#NONE}}<p class="govuk-body">There are no victims on this case.</p>{{/NONE}}
{{#VICTIM}}
<section class="concord-case-victim" aria-labelledby="victim-{{PERSON}}">
<h3 class="govuk-heading-m" id="victim-{{PERSON}}">{{NAME}}</h3>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Contact plan</dt><dd class="govuk-summary-list__value">{{#NO_PLAN}}No contact plan agreed yet{{/NO_PLAN}}{{#PLAN}}{{EVERY}}, from {{STARTS}}<br><span class="govuk-hint">Agreed {{AGREED}}</span>{{/PLAN}}</dd></div>
{{#PLAN}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Next contact due</dt><dd class="govuk-summary-list__value" data-next-due>{{DUE}}{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">{{TEXT}}</strong>{{/OVERDUE}}</dd></div>{{/PLAN}}
{{#CONSULTED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Consulted on the action plan</dt><dd class="govuk-summary-list__value">Yes</dd></div>{{/CONSULTED}}
{{#NOT_CONSULTED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Consulted on the action plan</dt><dd class="govuk-summary-list__value">Not yet</dd></div>{{/NOT_CONSULTED}}
</dl>
{{#HIDDEN}}<p class="govuk-body">Their details and contact log are shown only to the lead agency and to the agencies they agreed may see them.</p>{{/HIDDEN}}
{{#CAN_WORK}}<ul class="govuk-list">
<li><a class="govuk-link" href="{{BASE}}/log">Record a contact<span class="govuk-visually-hidden"> with {{NAME}}</span></a></li>
<li><a class="govuk-link" href="{{BASE}}/plan">{{#AGREE_PLAN}}Agree a contact plan{{/AGREE_PLAN}}{{#CHANGE_PLAN}}Change the contact plan{{/CHANGE_PLAN}}<span class="govuk-visually-hidden"> with {{NAME}}</span></a></li>
</ul>{{/CAN_WORK}}
{{#NO_LOG}}<p class="govuk-body">No contact recorded yet.</p>{{/NO_LOG}}
{{#LOG}}<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">Contacts with {{NAME}}, newest first</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">When</th>
<th scope="col" class="govuk-table__header">How</th>
<th scope="col" class="govuk-table__header">Outcome</th>
<th scope="col" class="govuk-table__header">What they were told</th>
<th scope="col" class="govuk-table__header">Consulted on the action plan</th>
<th scope="col" class="govuk-table__header">Recorded by</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#ROW}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{WHEN}}</td><td class="govuk-table__cell">{{METHOD}}</td><td class="govuk-table__cell">{{OUTCOME}}</td><td class="govuk-table__cell concord-pre-line">{{TOLD:pre_escape}}</td><td class="govuk-table__cell">{{CONSULTED}}</td><td class="govuk-table__cell">{{BY}}</td></tr>
{{/ROW}}</tbody>
</table>{{/LOG}}
</section>
{{/VICTIM}}
{{>FOOT}}
