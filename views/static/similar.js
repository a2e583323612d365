// The police creation page (/staff/incidents/new): while the officer marks
// the place or types a phone number or email address, say how many similar
// open incidents there are. Progressive enhancement only: without
// JavaScript the "Check for similar incidents" button lists them, and the
// list and the choice are always the server's (GET /staff/incidents/similar
// answers the same look-up as JSON).
(function () {
  'use strict';

  var form = document.getElementById('incident-new');
  var status = document.getElementById('similar-status');
  if (!form || !status || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var timer = null;
  var last = '';

  function query() {
    var p = new URLSearchParams();
    var lon = form.elements.lon ? form.elements.lon.value : '';
    var lat = form.elements.lat ? form.elements.lat.value : '';
    if (lon !== '' && lat !== '') {
      p.append('lon', lon);
      p.append('lat', lat);
    }
    var fields = form.querySelectorAll('input[type="tel"], input[type="email"]');
    for (var i = 0; i < fields.length; i++) {
      var v = fields[i].value.trim();
      if (v !== '') {
        p.append(fields[i].type === 'tel' ? 'phone' : 'email', v);
      }
    }
    return p.toString();
  }

  function say(n) {
    if (n === 0) {
      status.textContent = 'No similar open incidents found so far.';
    } else {
      status.textContent = (n === 1 ? '1 similar open incident' : n + ' similar open incidents') +
        ' found: select "Check for similar incidents" to see ' + (n === 1 ? 'it' : 'them') +
        ' before you create this one.';
    }
  }

  function check() {
    var q = query();
    if (q === last) {
      return;
    }
    last = q;
    if (q === '') {
      status.textContent = '';
      return;
    }
    fetch('/staff/incidents/similar?' + q, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    }).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (body) {
      // Only the answer to the latest question counts.
      if (body && q === last && body.incidents) {
        say(body.incidents.length);
      }
    }).catch(function () {
      // The button still works: nothing to say.
    });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 400);
  }

  form.addEventListener('change', later);
  form.addEventListener('input', later);
  // The map picker writes the point into hidden inputs, which fire no event.
  var map = document.getElementById('report-map');
  if (map) {
    map.addEventListener('click', later);
    map.addEventListener('keydown', later);
    map.addEventListener('mouseup', later);
  }
}());
