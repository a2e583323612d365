{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<a href="/admin/users" class="govuk-back-link">Back to users</a>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{>ERROR_SUMMARY}}
<h1 class="govuk-heading-l">{{HEADING}}</h1>
{{#EDITING}}
<p class="govuk-body"><a class="govuk-link" href="/admin/users/{{ID}}/history">See the history of this user</a></p>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Account</dt>
<dd class="govuk-summary-list__value">{{#DISABLED}}<strong class="govuk-tag govuk-tag--grey">Disabled</strong>{{/DISABLED}}{{#ENABLED}}<strong class="govuk-tag govuk-tag--green">Active</strong>{{/ENABLED}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Sign-in</dt>
<dd class="govuk-summary-list__value">{{#SIGNIN_CLEAR}}No failed attempts in the last 15 minutes{{/SIGNIN_CLEAR}}{{#SIGNIN_UNKNOWN}}Cannot be shown at the moment{{/SIGNIN_UNKNOWN}}{{#SIGNIN_LOCKED}}<p class="govuk-body"><strong class="govuk-tag govuk-tag--red">Locked</strong> from {{COUNT}} after too many failed attempts there:</p>
<ul class="govuk-list govuk-list--bullet">
{{#LOCK}}<li>{{ADDRESS}}, for another {{FOR}}</li>
{{/LOCK}}</ul>{{/SIGNIN_LOCKED}}{{#SIGNIN_SLOWED}}<p class="govuk-body"><strong class="govuk-tag govuk-tag--yellow">Slowed down</strong> The next attempt, from any address, must wait {{WAIT}}.</p>{{/SIGNIN_SLOWED}}{{#SIGNIN_FAILURES}}<p class="govuk-body">{{FAILURES}} in the last 15 minutes, from any address.</p>{{/SIGNIN_FAILURES}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Authenticator app</dt>
<dd class="govuk-summary-list__value">{{#TOTP_SET}}Set up{{/TOTP_SET}}{{#TOTP_NOT_SET}}Not set up yet: they will set it up when they next sign in{{/TOTP_NOT_SET}}</dd>
</div>
</dl>
{{/EDITING}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#EDITING}}<input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="action" value="save">{{/EDITING}}
<div class="govuk-form-group{{#EMAIL_ERROR}} govuk-form-group--error{{/EMAIL_ERROR}}">
<label class="govuk-label govuk-label--s" for="email">Email address</label>
<div id="email-hint" class="govuk-hint">They sign in with it.</div>
{{#EMAIL_ERROR}}<p id="email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input class="govuk-input{{#EMAIL_ERROR}} govuk-input--error{{/EMAIL_ERROR}}" id="email" name="email" type="email" spellcheck="false" autocomplete="off" value="{{EMAIL}}" aria-describedby="email-hint{{#EMAIL_ERROR}} email-error{{/EMAIL_ERROR}}">
</div>
<div class="govuk-form-group{{#NAME_ERROR}} govuk-form-group--error{{/NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="name">Full name</label>
{{#NAME_ERROR}}<p id="name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NAME_ERROR}}
<input class="govuk-input{{#NAME_ERROR}} govuk-input--error{{/NAME_ERROR}}" id="name" name="name" type="text" spellcheck="false" autocomplete="off" value="{{NAME}}"{{#NAME_ERROR}} aria-describedby="name-error"{{/NAME_ERROR}}>
</div>
<div class="govuk-form-group{{#AGENCY_ERROR}} govuk-form-group--error{{/AGENCY_ERROR}}">
<label class="govuk-label govuk-label--s" for="agency">Agency</label>
{{#AGENCY_ERROR}}<p id="agency-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/AGENCY_ERROR}}
<select class="govuk-select{{#AGENCY_ERROR}} govuk-select--error{{/AGENCY_ERROR}}" id="agency" name="agency"{{#AGENCY_ERROR}} aria-describedby="agency-error"{{/AGENCY_ERROR}}>
<option value="">Choose an agency</option>
{{#AGENCY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/AGENCY_OPTION}}
</select>
</div>
<div class="govuk-form-group{{#TEAM_ERROR}} govuk-form-group--error{{/TEAM_ERROR}}">
<label class="govuk-label govuk-label--s" for="team">Team</label>
<div id="team-hint" class="govuk-hint">One of their agency's teams. Their supervisor sees the team's activity.</div>
{{#TEAM_ERROR}}<p id="team-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TEAM_ERROR}}
<select class="govuk-select{{#TEAM_ERROR}} govuk-select--error{{/TEAM_ERROR}}" id="team" name="team" aria-describedby="team-hint{{#TEAM_ERROR}} team-error{{/TEAM_ERROR}}">
<option value=""{{#NO_TEAM}} selected{{/NO_TEAM}}>No team</option>
{{#TEAM_GROUP}}<optgroup label="{{LABEL}}">
{{#TEAM_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TEAM_OPTION}}</optgroup>
{{/TEAM_GROUP}}
</select>
</div>
<div class="govuk-form-group{{#ROLES_ERROR}} govuk-form-group--error{{/ROLES_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="roles-hint{{#ROLES_ERROR}} roles-error{{/ROLES_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Roles</legend>
<div id="roles-hint" class="govuk-hint">Select all that apply. Some roles can only be held in certain kinds of agency.</div>
{{#ROLES_ERROR}}<p id="roles-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ROLES_ERROR}}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#ROLE_OPTION}}<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="{{ID}}" name="roles" type="checkbox" value="{{VALUE}}" aria-describedby="{{ID}}-item-hint"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-checkboxes__label" for="{{ID}}">{{LABEL}}</label>
<div id="{{ID}}-item-hint" class="govuk-hint govuk-checkboxes__hint">{{HINT}}</div>
</div>
{{/ROLE_OPTION}}
</div>
</fieldset>
</div>
{{#NEW}}
<div class="govuk-form-group{{#PASSWORD_ERROR}} govuk-form-group--error{{/PASSWORD_ERROR}}">
<label class="govuk-label govuk-label--s" for="password">Initial password</label>
<div id="password-hint" class="govuk-hint">At least 12 characters. Give it to them in person or by phone, not by email. They set up their authenticator app when they first sign in.</div>
{{#PASSWORD_ERROR}}<p id="password-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PASSWORD_ERROR}}
<input class="govuk-input{{#PASSWORD_ERROR}} govuk-input--error{{/PASSWORD_ERROR}}" id="password" name="password" type="password" autocomplete="new-password" aria-describedby="password-hint{{#PASSWORD_ERROR}} password-error{{/PASSWORD_ERROR}}">
</div>
{{/NEW}}
<div class="govuk-form-group{{#REASON_ERROR}} govuk-form-group--error{{/REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="reason">Reason for the change (optional)</label>
<div id="reason-hint" class="govuk-hint">Recorded in the audit trail with your name.</div>
{{#REASON_ERROR}}<p id="reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REASON_ERROR}}
<textarea class="govuk-textarea{{#REASON_ERROR}} govuk-textarea--error{{/REASON_ERROR}}" id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#REASON_ERROR}} reason-error{{/REASON_ERROR}}">{{REASON}}</textarea>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">{{BUTTON}}</button>
</form>
{{#EDITING}}
<h2 class="govuk-heading-m">{{#ENABLED}}Disable this account{{/ENABLED}}{{#DISABLED}}Enable this account{{/DISABLED}}</h2>
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#ENABLED}}<input type="hidden" name="action" value="disable">
<p class="govuk-body">Disabling the account signs them out at once and stops them signing in. Their records and history stay.</p>{{/ENABLED}}
{{#DISABLED}}<input type="hidden" name="action" value="enable">
<p class="govuk-body">Enabling the account lets them sign in again with their password and authenticator app.</p>{{/DISABLED}}
<div class="govuk-form-group{{#STATUS_REASON_ERROR}} govuk-form-group--error{{/STATUS_REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="status-reason">{{#ENABLED}}Why are you disabling this account?{{/ENABLED}}{{#DISABLED}}Why are you enabling this account?{{/DISABLED}}</label>
{{#STATUS_REASON_ERROR}}<p id="status-reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/STATUS_REASON_ERROR}}
<textarea class="govuk-textarea{{#STATUS_REASON_ERROR}} govuk-textarea--error{{/STATUS_REASON_ERROR}}" id="status-reason" name="reason" rows="2"{{#STATUS_REASON_ERROR}} aria-describedby="status-reason-error"{{/STATUS_REASON_ERROR}}>{{STATUS_REASON}}</textarea>
</div>
{{#ENABLED}}<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Disable account</button>{{/ENABLED}}
{{#DISABLED}}<button type="submit" class="govuk-button" data-module="govuk-button">Enable account</button>{{/DISABLED}}
</form>
{{#UNLOCKABLE}}
<h2 class="govuk-heading-m">Unlock sign-in</h2>
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="unlock">
<p class="govuk-body">Forgets the failed attempts to sign in to this account, from every address, and the locks and waiting they caused. Their password does not change: if someone else may know it, reset it too.</p>
<div class="govuk-form-group{{#UNLOCK_REASON_ERROR}} govuk-form-group--error{{/UNLOCK_REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="unlock-reason">Why are you unlocking it?</label>
{{#UNLOCK_REASON_ERROR}}<p id="unlock-reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/UNLOCK_REASON_ERROR}}
<textarea class="govuk-textarea{{#UNLOCK_REASON_ERROR}} govuk-textarea--error{{/UNLOCK_REASON_ERROR}}" id="unlock-reason" name="reason" rows="2"{{#UNLOCK_REASON_ERROR}} aria-describedby="unlock-reason-error"{{/UNLOCK_REASON_ERROR}}>{{UNLOCK_REASON}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Unlock sign-in</button>
</form>
{{/UNLOCKABLE}}
{{#TOTP_SET}}
<h2 class="govuk-heading-m">Reset their authenticator app</h2>
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="reset_totp">
<p class="govuk-body">For example when they have lost their phone. It signs them out at once; they set up their authenticator app again at their next sign-in.</p>
<div class="govuk-form-group{{#TOTP_REASON_ERROR}} govuk-form-group--error{{/TOTP_REASON_ERROR}}">
<label class="govuk-label govuk-label--s" for="totp-reason">Why are you resetting it?</label>
{{#TOTP_REASON_ERROR}}<p id="totp-reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TOTP_REASON_ERROR}}
<textarea class="govuk-textarea{{#TOTP_REASON_ERROR}} govuk-textarea--error{{/TOTP_REASON_ERROR}}" id="totp-reason" name="reason" rows="2"{{#TOTP_REASON_ERROR}} aria-describedby="totp-reason-error"{{/TOTP_REASON_ERROR}}>{{TOTP_REASON}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Reset authenticator</button>
</form>
{{/TOTP_SET}}
{{/EDITING}}
</div>
</div>
{{>FOOT}}
