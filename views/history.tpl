{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
{{#OWN_HEADING}}<a href="{{BACK_HREF}}" class="govuk-back-link">Back</a>
<h1 class="govuk-heading-l">{{HEADING}}</h1>{{/OWN_HEADING}}
{{#CASE_HISTORY}}{{>CASE_HEAD}}<h2 class="govuk-heading-m">History</h2>{{/CASE_HISTORY}}
{{#MINE}}<p class="govuk-body">Everything you have done in Concord, as the audit trail records it, newest first. Times are UK time.</p>{{/MINE}}
{{#NO_TEAM}}<p class="govuk-body">You are not in a team, so there is no team activity to show. An administrator can put you in a team.</p>{{/NO_TEAM}}
{{#FILTER}}
<form method="get" action="/staff/activity" novalidate>
{{#KEEP_HIDE}}<input type="hidden" name="hide" value="views">
{{/KEEP_HIDE}}<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="user">Show the activity of</label>
<select class="govuk-select" id="user" name="user">
<option value=""{{#ALL_SELECTED}} selected{{/ALL_SELECTED}}>Everyone in the team</option>
{{#MEMBER}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MEMBER}}
</select>
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Show</button>
</div>
</form>
{{/FILTER}}
{{#HIDE_FORM}}
<form method="get" action="{{ACTION}}" novalidate>
{{#KEEP}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/KEEP}}<div class="govuk-form-group govuk-!-margin-bottom-4">
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="hide" name="hide" type="checkbox" value="views"{{#HIDE_CHECKED}} checked{{/HIDE_CHECKED}} aria-describedby="hide-hint">
<label class="govuk-label govuk-checkboxes__label" for="hide">Hide views</label>
<div id="hide-hint" class="govuk-hint govuk-checkboxes__hint">Leave out looking at records (views, searches, look-ups and downloads), to see only changes.</div>
</div>
</div>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Apply</button>
</form>
{{/HIDE_FORM}}
{{#NO_EVENTS}}<p class="govuk-body">There is nothing to show.</p>{{/NO_EVENTS}}
{{#SHOWING}}<p class="govuk-body" id="showing">Showing {{FROM}} to {{TO}} of {{TOTAL}} events</p>{{/SHOWING}}
{{#EVENTS}}
<div class="concord-table-scroll" role="region" aria-label="History" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">Newest first. Times are UK time.</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">When</th>
<th scope="col" class="govuk-table__header">Who</th>
{{#RECORD_COL}}<th scope="col" class="govuk-table__header">Record</th>{{/RECORD_COL}}
<th scope="col" class="govuk-table__header">What</th>
<th scope="col" class="govuk-table__header">What changed</th>
<th scope="col" class="govuk-table__header">Why</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#EVENT}}
<tr class="govuk-table__row">
<td class="govuk-table__cell"><time datetime="{{WHEN_ISO}}">{{WHEN}}</time></td>
<td class="govuk-table__cell">{{WHO}}{{#AGENCY}}<br><span class="govuk-body-s">{{NAME}}</span>{{/AGENCY}}</td>
{{#RECORD}}<td class="govuk-table__cell">{{ENTITY}}<br>{{#LINK}}<a class="govuk-link" href="{{HREF}}">{{/LINK}}{{NAME}}{{#LINK}}</a>{{/LINK}}</td>{{/RECORD}}
<td class="govuk-table__cell">{{ACTION}}</td>
<td class="govuk-table__cell">{{#CHANGES}}<ul class="govuk-list govuk-body-s">
{{#CHANGE}}<li><strong>{{FIELD}}</strong>: {{BEFORE}} <span aria-hidden="true">→</span><span class="govuk-visually-hidden">changed to</span> {{AFTER}}</li>
{{/CHANGE}}</ul>{{/CHANGES}}</td>
<td class="govuk-table__cell">{{#REASON}}{{TEXT}}{{/REASON}}</td>
</tr>
{{/EVENT}}
</tbody>
</table>
</div>
{{/EVENTS}}
{{#PAGINATION}}
<nav class="govuk-pagination" aria-label="Pages of events">
{{#PREV}}<div class="govuk-pagination__prev">
<a class="govuk-link govuk-pagination__link" href="{{HREF}}" rel="prev">
<svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg>
<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a>
</div>{{/PREV}}
<ul class="govuk-pagination__list">
{{#ITEM}}{{#GAP}}<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>{{/GAP}}{{#PAGE}}<li class="govuk-pagination__item{{#CURRENT}} govuk-pagination__item--current{{/CURRENT}}"><a class="govuk-link govuk-pagination__link" href="{{HREF}}" aria-label="Page {{N}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{N}}</a></li>{{/PAGE}}
{{/ITEM}}</ul>
{{#NEXT}}<div class="govuk-pagination__next">
<a class="govuk-link govuk-pagination__link" href="{{HREF}}" rel="next">
<span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>
<svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg>
</a>
</div>{{/NEXT}}
</nav>
{{/PAGINATION}}
{{>FOOT}}
