// Loaded as the first thing in <body>, before anything paints, so GOV.UK
// components can hide their no-JavaScript fallbacks without a flash. It is
// a file rather than the usual inline script so the CSP needs no exception.
document.body.className += ' js-enabled' +
  ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
