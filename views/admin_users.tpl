{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin" class="govuk-back-link">Back to administration</a>
<h1 class="govuk-heading-l">Users</h1>
<a href="/admin/users/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Add a user</a>
<form method="get" action="/admin/users" novalidate>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="agency">Show the users of</label>
<select class="govuk-select" id="agency" name="agency">
<option value=""{{#ALL_AGENCIES}} selected{{/ALL_AGENCIES}}>All agencies</option>
{{#AGENCY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/AGENCY_OPTION}}
</select>
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Show</button>
</div>
</form>
{{#NONE}}<p class="govuk-body">There are no users to show.</p>{{/NONE}}
{{#USERS}}
<div class="concord-table-scroll" role="region" aria-label="Users" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Users</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Email address</th>
<th scope="col" class="govuk-table__header">Agency and team</th>
<th scope="col" class="govuk-table__header">Roles</th>
<th scope="col" class="govuk-table__header">Account</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">History</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#USER}}
<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/users/{{ID}}">{{NAME}}<span class="govuk-visually-hidden"> (change)</span></a></td>
<td class="govuk-table__cell">{{EMAIL}}</td>
<td class="govuk-table__cell">{{AGENCY}}{{#TEAM}}<br><span class="govuk-body-s">{{TEAM_NAME}}</span>{{/TEAM}}</td>
<td class="govuk-table__cell govuk-body-s">{{ROLES}}</td>
<td class="govuk-table__cell">{{#DISABLED}}<strong class="govuk-tag govuk-tag--grey">Disabled</strong>{{/DISABLED}}{{#ENABLED}}<strong class="govuk-tag govuk-tag--green">Active</strong>{{/ENABLED}}{{#SIGNIN_LOCKED}}<br><strong class="govuk-tag govuk-tag--red">Sign-in locked</strong>{{/SIGNIN_LOCKED}}{{#SIGNIN_SLOWED}}<br><strong class="govuk-tag govuk-tag--yellow">Sign-in slowed down</strong>{{/SIGNIN_SLOWED}}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/admin/users/{{ID}}/history">History<span class="govuk-visually-hidden"> of {{NAME}}</span></a></td>
</tr>
{{/USER}}
</tbody>
</table>
</div>
{{/USERS}}
{{>FOOT}}
