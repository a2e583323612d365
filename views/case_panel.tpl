{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/panels" class="govuk-back-link">Case panels</a>
{{>ERROR_SUMMARY}}
<span class="govuk-caption-l">Case panel</span>
<h1 class="govuk-heading-l">{{HELD}}</h1>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Where</dt><dd class="govuk-summary-list__value">{{LOCATION}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Organised by</dt><dd class="govuk-summary-list__value">{{ORGANISER}}</dd></div>
{{#ATTENDED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{AGENCY}}</dt><dd class="govuk-summary-list__value concord-pre-line">{{ATTENDEES}}</dd></div>
{{/ATTENDED}}</dl>
<h2 class="govuk-heading-m">Cases discussed</h2>
{{#NO_CASES}}<p class="govuk-body">No cases recorded yet.</p>{{/NO_CASES}}
{{#CASES}}
{{#CASE}}<div class="govuk-summary-card">
<div class="govuk-summary-card__title-wrapper">
<h3 class="govuk-summary-card__title"><a class="govuk-link" href="/staff/cases/{{REFERENCE}}">{{REFERENCE}}</a>: {{TITLE}}</h3>
{{#CAN_ACT}}<ul class="govuk-summary-card__actions"><li class="govuk-summary-card__action"><a class="govuk-link" href="/staff/cases/{{REFERENCE}}/actions/new?panel={{ID}}">Create an action from this panel<span class="govuk-visually-hidden"> for case {{REFERENCE}}</span></a></li></ul>{{/CAN_ACT}}
</div>
<div class="govuk-summary-card__content"><p class="govuk-body concord-pre-line">{{DECISIONS}}</p></div>
</div>
{{/CASE}}
{{/CASES}}
{{#ACTIONS}}
<h2 class="govuk-heading-m">Actions from this panel</h2>
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Actions created from this panel</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Case</th>
<th scope="col" class="govuk-table__header">Action</th>
<th scope="col" class="govuk-table__header">Owner</th>
<th scope="col" class="govuk-table__header">Status</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#ACTION}}<tr class="govuk-table__row">
<td class="govuk-table__cell">{{REFERENCE}}</td>
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/actions/{{AID}}">{{TITLE}}</a> ({{TYPE}})</td>
<td class="govuk-table__cell">{{OWNER}}</td>
<td class="govuk-table__cell">{{STATUS}}</td>
</tr>
{{/ACTION}}</tbody>
</table>
{{/ACTIONS}}
<h2 class="govuk-heading-m">Add a case discussed</h2>
<form method="post" action="/staff/panels/{{ID}}/cases" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="govuk-form-group{{#REFERENCE_ERROR}} govuk-form-group--error{{/REFERENCE_ERROR}}">
<label class="govuk-label govuk-label--s" for="reference">Case reference</label>
<div id="reference-hint" class="govuk-hint">For example, CASE-2026-000123. Adding a case again replaces its decisions.</div>
{{#REFERENCE_ERROR}}<p id="reference-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REFERENCE_ERROR}}
<input class="govuk-input govuk-input--width-20{{#REFERENCE_ERROR}} govuk-input--error{{/REFERENCE_ERROR}}" id="reference" name="reference" type="text" spellcheck="false" autocomplete="off" value="{{F_REFERENCE}}" aria-describedby="reference-hint{{#REFERENCE_ERROR}} reference-error{{/REFERENCE_ERROR}}">
</div>
<div class="govuk-form-group{{#DECISIONS_ERROR}} govuk-form-group--error{{/DECISIONS_ERROR}}">
<label class="govuk-label govuk-label--s" for="decisions">What the panel decided</label>
{{#DECISIONS_ERROR}}<p id="decisions-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DECISIONS_ERROR}}
<textarea class="govuk-textarea{{#DECISIONS_ERROR}} govuk-textarea--error{{/DECISIONS_ERROR}}" id="decisions" name="decisions" rows="4"{{#DECISIONS_ERROR}} aria-describedby="decisions-error"{{/DECISIONS_ERROR}}>{{F_DECISIONS:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add the case</button>
</form>
{{>FOOT}}
