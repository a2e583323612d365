{{%AUTOESCAPE context="HTML"}}
<span class="govuk-caption-l">Case {{REFERENCE}}</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
<p class="govuk-body">{{#OPEN}}<strong class="govuk-tag govuk-tag--green">Open</strong>{{/OPEN}}{{#CLOSED}}<strong class="govuk-tag govuk-tag--grey">Closed</strong> {{OUTCOME}}{{/CLOSED}}
 Led by {{LEAD_NAME}}, {{LEAD_AGENCY}} · {{RISK}} risk · opened {{OPENED}}</p>
<nav class="concord-case-nav" aria-label="Parts of this case">
<ul class="concord-case-nav__list">
{{#TAB}}<li class="concord-case-nav__item"><a class="govuk-link concord-case-nav__link" href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{TEXT}}</a></li>
{{/TAB}}</ul>
</nav>
