{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1 class="govuk-heading-l">Case panels</h1>
<p class="govuk-body">Multi-agency meetings about monitored cases: who came, the cases discussed, what was decided, and the actions that came from them. You see the panels your agency organised or attended.</p>
<a href="/staff/panels/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Record a case panel</a>
{{#NO_PANELS}}<p class="govuk-body">No case panels have been recorded yet.</p>{{/NO_PANELS}}
{{#PANELS}}
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Case panels, newest first</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">When</th>
<th scope="col" class="govuk-table__header">Where</th>
<th scope="col" class="govuk-table__header">Organised by</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Cases</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#PANEL}}<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/panels/{{ID}}">{{HELD}}</a></td>
<td class="govuk-table__cell">{{LOCATION}}</td>
<td class="govuk-table__cell">{{ORGANISER}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">{{CASES}}</td>
</tr>
{{/PANEL}}</tbody>
</table>
{{/PANELS}}
{{>FOOT}}
