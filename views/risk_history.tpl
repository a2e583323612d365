{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/incidents/{{REFERENCE}}" class="govuk-back-link">Incident {{REFERENCE}}</a>
<span class="govuk-caption-l">Incident {{REFERENCE}}, {{TYPE}}</span>
<h1 class="govuk-heading-l">Risk assessments</h1>
<p class="govuk-body">Newest first. Each assessment shows the questions as they were asked in its questionnaire version. Times are UK time.</p>
{{#CAN_ASSESS}}<a href="/staff/incidents/{{REFERENCE}}/risk" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Assess the risk</a>{{/CAN_ASSESS}}
{{#CAN_REASSESS}}<a href="/staff/incidents/{{REFERENCE}}/risk" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Reassess the risk</a>{{/CAN_REASSESS}}
{{#NONE}}<p class="govuk-body">The risk of this incident has not been assessed yet.</p>{{/NONE}}
{{#ASSESSMENT}}
<h2 class="govuk-heading-m" id="assessment-{{ID}}">{{LEVEL}} risk, score {{SCORE}}</h2>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">When</dt><dd class="govuk-summary-list__value">{{WHEN}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Who</dt><dd class="govuk-summary-list__value">{{WHO}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Questionnaire</dt><dd class="govuk-summary-list__value">{{QUESTIONNAIRE_NAME}} (version {{QUESTIONNAIRE}})</dd></div>
{{#REASON}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reason</dt><dd class="govuk-summary-list__value">{{TEXT}}</dd></div>{{/REASON}}
</dl>
<details class="govuk-details">
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">The answers</span></summary>
<div class="govuk-details__text">
<dl class="govuk-summary-list">
{{#ANSWER}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{QUESTION}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd></div>
{{/ANSWER}}</dl>
</div>
</details>
{{/ASSESSMENT}}
{{>FOOT}}
