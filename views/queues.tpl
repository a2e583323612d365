{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1 class="govuk-heading-l">Queues</h1>
<p class="govuk-body">The work waiting for you and your team. Each item is an incident in a team's queue, with why it landed there.</p>
<div class="concord-table-scroll" role="region" aria-label="The queues you can work" tabindex="0">
<table class="govuk-table" id="queues">
<caption class="govuk-table__caption govuk-table__caption--s">The queues you can work</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Queue</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Open</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Not triaged</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Overdue</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#QUEUE}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/staff/queues/{{HREF}}">{{NAME}}</a>{{#OWN}} <strong class="govuk-tag govuk-tag--blue">Your team</strong>{{/OWN}}{{#MINE}} <span class="govuk-body-s">(assigned to you)</span>{{/MINE}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{OPEN}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{UNTRIAGED}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{OVERDUE}}</td></tr>
{{/QUEUE}}{{#CASE_WORK}}<tr class="govuk-table__row" id="case-work-line"><td class="govuk-table__cell"><a class="govuk-link" href="/staff/cases/mine">Case work</a> <span class="govuk-body-s">(on monitored cases, for you or your team)</span></td><td class="govuk-table__cell govuk-table__cell--numeric">{{OPEN}}</td><td class="govuk-table__cell govuk-table__cell--numeric"></td><td class="govuk-table__cell govuk-table__cell--numeric">{{OVERDUE}}</td></tr>
{{/CASE_WORK}}</tbody>
</table>
</div>
{{#NO_TEAM}}<p class="govuk-body">You are not a member of a team. An administrator can put you in one.</p>{{/NO_TEAM}}
{{#WORKLOAD}}<p class="govuk-body"><a class="govuk-link" href="/staff/queues/workload">Your people's workload</a></p>{{/WORKLOAD}}
{{>FOOT}}
