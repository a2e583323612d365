{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{>CASE_HEAD}}
<h2 class="govuk-heading-m">Action plan</h2>
<p class="govuk-body">What the agencies working this case will do, who owns each action and when it is due. An open action is overdue from the day after its due date: its owner is told once, and it is on their case work until it is done.</p>
<p class="govuk-body">Actions a multi-agency meeting decided are created from its page: see the <a class="govuk-link" href="/staff/panels">case panels</a>.</p>
{{#CAN_ADD}}<a href="/staff/cases/{{REFERENCE}}/actions/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Add an action</a>{{/CAN_ADD}}
{{#NO_ACTIONS}}<p class="govuk-body">There are no actions on this case yet.</p>{{/NO_ACTIONS}}
{{#PLAN}}
<div class="concord-table-scroll" role="region" aria-label="Action plan" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Actions of this case, open ones first by due date</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Action</th>
<th scope="col" class="govuk-table__header">Type</th>
<th scope="col" class="govuk-table__header">Owner</th>
<th scope="col" class="govuk-table__header">Due</th>
<th scope="col" class="govuk-table__header">Status</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#ACTION}}
<tr class="govuk-table__row" data-action="{{ID}}">
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/actions/{{ID}}">{{TITLE}}</a>{{#FROM_PANEL}}<br><span class="govuk-body-s">From a case panel</span>{{/FROM_PANEL}}</td>
<td class="govuk-table__cell">{{TYPE}}{{#ENFORCEMENT}} <strong class="govuk-tag govuk-tag--purple">Enforcement</strong>{{/ENFORCEMENT}}{{#BREACHES}}<br><span class="govuk-body-s">{{N}}</span>{{/BREACHES}}</td>
<td class="govuk-table__cell">{{OWNER}}</td>
<td class="govuk-table__cell">{{DUE}}{{#NO_DUE}}No due date{{/NO_DUE}}{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">{{TEXT}}</strong>{{/OVERDUE}}{{#DUE_TODAY}} <strong class="govuk-tag govuk-tag--yellow">Due today</strong>{{/DUE_TODAY}}</td>
<td class="govuk-table__cell">{{#OPEN}}<strong class="govuk-tag govuk-tag--blue">{{STATUS}}</strong>{{/OPEN}}{{#CLOSED}}<strong class="govuk-tag govuk-tag--grey">{{STATUS}}</strong>{{/CLOSED}}</td>
</tr>
{{/ACTION}}
</tbody>
</table>
</div>
{{/PLAN}}
{{>FOOT}}
