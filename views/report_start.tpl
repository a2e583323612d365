{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-xl">Report anti-social behaviour</h1>
<div class="govuk-warning-text">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>If you are in danger now, call 999.</strong>
</div>
{{#FOR_PUBLIC}}<p class="govuk-body">Use this service to tell the police and the council about anti-social behaviour where you live, such as:</p>{{/FOR_PUBLIC}}
{{#FOR_PARTNER}}<p class="govuk-body">You are signed in for {{AGENCY}}. Use this service to report anti-social behaviour that your residents or staff have told you about, such as:</p>{{/FOR_PARTNER}}
<ul class="govuk-list govuk-list--bullet">
<li>noise, loud music or parties</li>
<li>harassment, intimidation or nuisance neighbours</li>
<li>vandalism, graffiti, litter or fly-tipping</li>
<li>rowdy groups, street drinking, drug activity or off-road bikes</li>
</ul>
{{#FOR_PUBLIC}}<p class="govuk-body">It takes about 10 minutes. You can report anonymously. We keep your answers for 24 hours while you fill in the form, on this device.</p>{{/FOR_PUBLIC}}
{{#FOR_PARTNER}}<p class="govuk-body">It takes about 10 minutes. The report will belong to {{AGENCY}} and be shared with the partnership. We ask who was affected and who is responsible, as far as you know. We keep your answers for 24 hours while you fill in the form.</p>{{/FOR_PARTNER}}
<p class="govuk-body">For a crime that is not an emergency, call 101.</p>
<a href="/report/type" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">Start now
<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg></a>
</div>
</div>
{{>FOOT}}
