{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">{{HEADING}}</h1>
<p class="govuk-body">{{MESSAGE}}</p>
{{#SIGN_IN}}<p class="govuk-body"><a href="/staff/sign-in{{#NEXT}}?next={{PATH}}{{/NEXT}}" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Sign in</a></p>{{/SIGN_IN}}
<p class="govuk-body"><a class="govuk-link" href="/">Go to the Concord home page</a></p>
<p class="govuk-body-s">Error {{STATUS}}. Reference: {{REQUEST_ID}}</p>
</div>
</div>
{{>FOOT}}
