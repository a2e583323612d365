{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/staff/incidents/{{REFERENCE}}" class="govuk-back-link">Incident {{REFERENCE}}</a>
{{>ERROR_SUMMARY}}
<span class="govuk-caption-l">Incident {{REFERENCE}}</span>
<h1 class="govuk-heading-l">Tell {{NAME}} about the ASB Case Review</h1>
{{#CASE_REVIEW}}{{>CASE_REVIEW_BLOCK}}{{/CASE_REVIEW}}
{{>FOOT}}
