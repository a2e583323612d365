{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1 class="govuk-heading-l">My cases</h1>
<p class="govuk-body">The open cases you lead, and the case work due for you or your team. <a class="govuk-link" href="/staff/cases">Every case</a></p>
{{#NO_CASES}}<p class="govuk-body">You lead no open cases.</p>{{/NO_CASES}}
<div class="concord-table-scroll" role="region" aria-label="The cases you lead" tabindex="0">
<table class="govuk-table" id="my-cases">
<caption class="govuk-table__caption govuk-table__caption--s">The cases you lead</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Case</th><th scope="col" class="govuk-table__header">Risk</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Due</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Overdue</th></tr></thead>
<tbody class="govuk-table__body">
{{#CASE}}<tr class="govuk-table__row" data-case="{{REF}}"><td class="govuk-table__cell"><a class="govuk-link" href="/staff/cases/{{REF}}">{{REF}}</a> {{TITLE}}{{#RED}} <strong class="govuk-tag govuk-tag--red">Risk assessment missing</strong>{{/RED}}</td>
<td class="govuk-table__cell">{{RISK}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{DUE}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">{{#LATE}}<strong class="govuk-tag govuk-tag--red">{{/LATE}}{{OVERDUE}}{{#LATE}}</strong>{{/LATE}}</td></tr>
{{/CASE}}</tbody>
</table>
</div>
<h2 class="govuk-heading-m">Case work</h2>
{{#NO_WORK}}<p class="govuk-body">No case work is waiting for you or your team.</p>{{/NO_WORK}}
<ul class="govuk-list" id="case-work">
{{#WORK}}<li class="concord-case-work" data-kind="{{KIND}}"><a class="govuk-link" href="{{PATH}}">{{LABEL}}</a> · {{DUE}}{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/OVERDUE}}</li>
{{/WORK}}</ul>
{{>FOOT}}
