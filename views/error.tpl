{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">{{HEADING}}</h1>
<p class="govuk-body">{{MESSAGE}}</p>
<p class="govuk-body"><a class="govuk-link" href="/">Go to the Concord home page</a></p>
<p class="govuk-body-s">Error {{STATUS}}. Reference: {{REQUEST_ID}}</p>
</div>
</div>
{{>FOOT}}
