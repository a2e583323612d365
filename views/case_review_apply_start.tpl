{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-xl">Apply for an ASB Case Review</h1>
<p class="govuk-body">If you have reported anti-social behaviour and feel nothing has been done, you can ask for an ASB Case Review (it used to be called the Community Trigger). The council, the police and their partners will look at the reports together and decide what should be done.</p>
<p class="govuk-body">You can apply if, in the last 6 months, the behaviour has been reported 3 times or more, each report made within a month of the behaviour. You can apply for yourself, or for someone else with their agreement.</p>
<p class="govuk-body">It takes about 10 minutes. You will be asked:</p>
<ul class="govuk-list govuk-list--bullet">
<li>who is applying</li>
<li>your contact details</li>
<li>the victim's details, if you are applying for someone else</li>
<li>what has been happening</li>
<li>who you reported it to, and when</li>
</ul>
<div class="govuk-warning-text">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> If you are in danger now, call 999.</strong>
</div>
<a href="/case-review/apply/who" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">Start now <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg></a>
</div></div>
{{>FOOT}}
