{{%AUTOESCAPE context="HTML"}}
</main>
</div>
<footer class="govuk-footer">
<div class="govuk-width-container">
<div class="govuk-footer__meta">
<div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<h2 class="govuk-visually-hidden">Support links</h2>
<p class="govuk-body-s">Concord is run by the community safety partnership: the police force and its local authority partners.</p>
<p class="govuk-body-s">If you are in danger now, call 999. For non-emergencies, call 101.</p>
</div>
</div>
</div>
</footer>
<script type="module" src="/static/app.js?v={{VERSION}}"></script>
</body>
</html>
