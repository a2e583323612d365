{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/queues" class="govuk-back-link">Queues</a>
<h1 class="govuk-heading-l">Your people's workload</h1>
<p class="govuk-body">The open items assigned to each person of your agency's teams.</p>
<div class="concord-table-scroll" role="region" aria-label="Open items by person" tabindex="0">
<table class="govuk-table" id="workload">
<caption class="govuk-table__caption govuk-table__caption--s">Open items by person</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Person</th>
<th scope="col" class="govuk-table__header">Team</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Open</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Not triaged</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Overdue</th>
<th scope="col" class="govuk-table__header">Oldest</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#PERSON}}<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{{NAME}}</th><td class="govuk-table__cell">{{TEAM}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{OPEN}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{UNTRIAGED}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{OVERDUE}}</td><td class="govuk-table__cell">{{OLDEST}}</td></tr>
{{/PERSON}}{{#NOBODY}}<tr class="govuk-table__row" id="unassigned"><th scope="row" class="govuk-table__header">Not assigned to anyone</th><td class="govuk-table__cell"></td><td class="govuk-table__cell govuk-table__cell--numeric">{{OPEN}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{UNTRIAGED}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{OVERDUE}}</td><td class="govuk-table__cell">{{OLDEST}}</td></tr>
{{/NOBODY}}</tbody>
</table>
</div>
{{>FOOT}}
