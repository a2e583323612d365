{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-xl">Apply for an ASB Case Review</h1>
<div class="govuk-warning-text">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>This does not replace 999. If you are in danger now, call 999.</strong>
</div>
<p class="govuk-body">If you have reported anti-social behaviour and feel nothing has been done about it, you can ask for an ASB Case Review (once called the community trigger). The council, the police, housing providers and health services then look together at what has been done, and agree what to do next.</p>
<h2 class="govuk-heading-m">Who can apply</h2>
<p class="govuk-body" id="threshold">You can apply if you have complained about anti-social behaviour {{THRESHOLD}} times or more in the last {{WINDOW}}, each time within a month of it happening. The complaints can have been to the council, the police or a housing provider, or to more than one of them.</p>
<p class="govuk-body">You can apply for yourself, or for someone else, such as a family member, a friend or someone you support, if they agree to it.</p>
<h2 class="govuk-heading-m">What happens</h2>
<p class="govuk-body">We tell you we have your application within {{ACKNOWLEDGE_DAYS}} working days, and decide whether it meets the threshold within {{DECIDE_DAYS}} working days. It takes about 10 minutes to apply. We keep your answers for 24 hours while you fill in the form, on this device.</p>
<p class="govuk-body">To report a new problem, <a class="govuk-link" href="/report">report anti-social behaviour</a> instead. For a crime that is not an emergency, call 101.</p>
<a href="/case-review/who" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">Start now
<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg></a>
<p class="govuk-body"><a class="govuk-link" href="/case-review/figures">How many Case Reviews were carried out each year</a></p>
</div>
</div>
{{>FOOT}}
