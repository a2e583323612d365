// The report's confirmation page (/report/done): a "Copy link" button under
// the private tracking link, which copies it and says so. Progressive
// enhancement only: without JavaScript, or where the page may not write to
// the clipboard, there is no button and the link is plain text to select
// and copy.
(function () {
  'use strict';

  var link = document.getElementById('tracking-link');
  if (!link || !navigator.clipboard || !navigator.clipboard.writeText) {
    return;
  }
  var group = document.createElement('div');
  var button = document.createElement('button');
  var status = document.createElement('p');

  group.className = 'govuk-button-group';
  button.type = 'button';
  button.className = 'govuk-button govuk-button--secondary';
  button.textContent = 'Copy link';
  // In the page before anything is said in it, so that screen readers
  // announce what is written there later.
  status.className = 'govuk-body';
  status.id = 'copy-status';
  status.setAttribute('role', 'status');
  group.appendChild(button);
  link.parentNode.parentNode.insertBefore(group, link.parentNode.nextSibling);
  group.parentNode.insertBefore(status, group.nextSibling);

  // Said afresh each time, so that copying twice is announced twice.
  function say(words) {
    status.textContent = '';
    window.requestAnimationFrame(function () {
      status.textContent = words;
    });
  }

  button.addEventListener('click', function () {
    navigator.clipboard.writeText(link.href).then(function () {
      say('Link copied');
    }, function () {
      say('The link could not be copied. Select it and copy it yourself.');
    });
  });
}());
