// The map picker on the report form's "where" step and the police creation
// page. Progressive enhancement only: without JavaScript (or without Leaflet)
// the page asks for the address, and the map is never required — the form
// posts whether a place was chosen or not. The server checks that the point
// is inside the partnership's area.
//
// Reads from #report-map (rendered from the configuration, see
// fcgi/pages/map.c map_dict): data-tiles (a Leaflet URL template),
// data-attribution (plain text), data-outline (the partnership's area as a
// GeoJSON geometry, or empty), and data-lon, data-lat, data-zoom: where the
// map opens when there is no outline. The map fits itself to the outline and
// then keeps data-lon, data-lat and data-zoom to its centre and zoom, so the
// element always says where the map is. Writes the chosen point into the
// hidden #lon and #lat inputs. An error about the point
// (#report-map-error, from the server) stays between the hint and the map,
// as GOV.UK puts a field's error message.
(function () {
  'use strict';

  var el = document.getElementById('report-map');
  var lonInput = document.getElementById('lon');
  var latInput = document.getElementById('lat');
  if (!el || !lonInput || !latInput || typeof window.L === 'undefined' || !el.dataset.tiles) {
    return;
  }
  var L = window.L;

  function number(s, fallback) {
    var n = parseFloat(s);
    return isFinite(n) ? n : fallback;
  }

  // A paragraph of text, made with the DOM (never innerHTML) so no data
  // attribute can become markup.
  function para(id, className, text) {
    var p = document.createElement('p');
    p.id = id;
    p.className = className;
    p.textContent = text;
    return p;
  }

  // What the hint says depends on whether there is a marker yet: there is
  // nothing to drag before the first click.
  var KEYS = 'With a keyboard, move the map with the arrow keys, zoom with + and -, ';
  var HINT_NONE = 'Click or tap the map to mark the place. ' + KEYS +
    'and press Enter to mark the place in the middle of the map.';
  var HINT_MARKER = 'To move the place, drag the marker, or click or tap the map ' +
    'somewhere else. ' + KEYS + 'and press Enter to move it to the middle of the map.';

  var error = document.getElementById('report-map-error');
  var hint = para('report-map-hint', 'govuk-hint', HINT_NONE);
  var status = para('report-map-status', 'govuk-body concord-map__status', '');
  status.setAttribute('aria-live', 'polite');
  var clear = document.createElement('button');
  clear.type = 'button';
  // Styled as a link, not a .govuk-button: Continue stays the form's button.
  clear.className = 'govuk-link govuk-body concord-map__clear';
  clear.textContent = 'Remove the place chosen on the map';
  el.parentNode.insertBefore(hint, error || el);
  el.parentNode.insertBefore(status, el.nextSibling);
  el.parentNode.insertBefore(clear, status.nextSibling);

  el.setAttribute('role', 'application');
  el.setAttribute('aria-label', 'Map for choosing where it happened');
  el.setAttribute('aria-describedby', 'report-map-hint' + (error ? ' report-map-error' : ''));

  var map = L.map(el, { keyboard: true });
  // The attribution is configuration, shown as text: Leaflet takes HTML.
  var attribution = document.createElement('span');
  attribution.textContent = el.dataset.attribution || '';
  map.attributionControl.setPrefix(false);

  // The partnership's outline, drawn without taking clicks (they choose the
  // point), and the map opened on all of it. A bad outline only loses the
  // drawing: the map still opens where configured.
  var outline = null;
  try {
    if (el.dataset.outline) {
      outline = L.geoJSON(JSON.parse(el.dataset.outline), {
        interactive: false,
        style: { className: 'concord-map__outline', weight: 3, fillOpacity: 0.05 }
      });
    }
  } catch (e) {
    outline = null;
  }
  if (outline !== null && outline.getBounds().isValid()) {
    outline.addTo(map);
    map.fitBounds(outline.getBounds(), { padding: [10, 10], maxZoom: 16 });
  } else {
    map.setView([number(el.dataset.lat, 0), number(el.dataset.lon, 0)],
      number(el.dataset.zoom, 13));
  }

  function sayWhere() {
    var c = map.getCenter();
    el.dataset.lon = c.lng.toFixed(6);
    el.dataset.lat = c.lat.toFixed(6);
    el.dataset.zoom = String(map.getZoom());
  }
  map.on('moveend', sayWhere);

  // The pages send no Referer elsewhere (Referrer-Policy: same-origin);
  // tile servers such as OpenStreetMap's ask for one, so they get this
  // site's origin, never the page's path.
  L.tileLayer(el.dataset.tiles, {
    attribution: attribution.innerHTML,
    maxZoom: 19,
    referrerPolicy: 'strict-origin'
  }).addTo(map);

  var marker = null;

  function show(latlng) {
    hint.textContent = latlng === null ? HINT_NONE : HINT_MARKER;
    if (latlng === null) {
      status.textContent = 'No place chosen on the map.';
      clear.hidden = true;
      return;
    }
    status.textContent = 'Place chosen on the map: latitude ' + latlng.lat.toFixed(5) +
      ', longitude ' + latlng.lng.toFixed(5) + '.';
    clear.hidden = false;
  }

  function choose(latlng) {
    latlng = latlng.wrap();
    lonInput.value = latlng.lng.toFixed(6);
    latInput.value = latlng.lat.toFixed(6);
    if (marker === null) {
      marker = L.marker(latlng, {
        draggable: true,
        keyboard: false,          // the map itself takes the keys
        alt: 'Place chosen on the map'
      }).addTo(map);
      marker.on('dragend', function () {
        choose(marker.getLatLng());
      });
    } else {
      marker.setLatLng(latlng);
    }
    show(latlng);
  }

  function forget() {
    lonInput.value = '';
    latInput.value = '';
    if (marker !== null) {
      map.removeLayer(marker);
      marker = null;
    }
    show(null);
  }

  // A point chosen before (kept in the draft, or sent back with an error).
  var lon = parseFloat(lonInput.value);
  var lat = parseFloat(latInput.value);
  if (lonInput.value !== '' && latInput.value !== '' && isFinite(lon) && isFinite(lat)) {
    choose(L.latLng(lat, lon));
    map.setView([lat, lon], map.getZoom());
  } else {
    show(null);
  }
  sayWhere();

  map.on('click', function (e) {
    choose(e.latlng);
  });
  el.addEventListener('keydown', function (e) {
    if (e.target === el && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();   // Enter would submit the form
      choose(map.getCenter());
    }
  });
  clear.addEventListener('click', function () {
    forget();
    el.focus();
  });
}());

// The maps that are pictures: the incident page's (views/incident_view.tpl,
// #incident-map) and a monitored case's Patterns tab's
// (views/case_patterns.tpl, #case-map). Each page says in words what its
// map shows, so nothing needs them, and they take no input: an image with
// controls inside it is no image to a screen reader.
(function () {
  'use strict';

  if (typeof window.L === 'undefined') {
    return;
  }
  var L = window.L;

  // A Leaflet map on el (role img, named label) with the tiles of its
  // data-tiles and data-attribution, and no controls.
  function pictureMap(el, label, options) {
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', label);
    var map = L.map(el, Object.assign({
      keyboard: false,
      dragging: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      touchZoom: false,
      zoomControl: false
    }, options));
    // The attribution is configuration, shown as text: Leaflet takes HTML.
    var attribution = document.createElement('span');
    attribution.textContent = el.dataset.attribution || '';
    map.attributionControl.setPrefix(false);
    L.tileLayer(el.dataset.tiles, {
      attribution: attribution.innerHTML,
      maxZoom: 19,
      referrerPolicy: 'strict-origin'
    }).addTo(map);
    return map;
  }

  // The incident's point with a marker.
  var el = document.getElementById('incident-map');
  var lat = el ? parseFloat(el.dataset.lat) : NaN;
  var lon = el ? parseFloat(el.dataset.lon) : NaN;
  if (el && el.dataset.tiles && isFinite(lat) && isFinite(lon)) {
    var map = pictureMap(el, 'Map of where it happened, with a marker at the place',
      { center: [lat, lon], zoom: parseFloat(el.dataset.zoom) || 16 });
    L.marker([lat, lon], { keyboard: false, interactive: false, alt: 'Where it happened' })
      .addTo(map);
  }

  // The case's incidents, a marker each, and its places, a circle each of
  // its radius, from the rows of the tables under the map (data-lat,
  // data-lon, data-radius); the map opens fitted to them all.
  el = document.getElementById('case-map');
  if (!el || !el.dataset.tiles) {
    return;
  }
  var points = [];
  var rows = document.querySelectorAll('#case-points tr[data-lat], #case-places tr[data-lat]');
  Array.prototype.forEach.call(rows, function (row) {
    var at = L.latLng(parseFloat(row.dataset.lat), parseFloat(row.dataset.lon));
    if (isFinite(at.lat) && isFinite(at.lng)) {
      points.push({ at: at, radius: parseFloat(row.dataset.radius) });
    }
  });
  if (points.length === 0) {
    return;
  }
  var caseMap = pictureMap(el, 'Map of where the incidents happened: ' + points.length +
    ' places marked. The tables after the map list them.', {});
  var bounds = L.latLngBounds([]);
  points.forEach(function (p) {
    if (isFinite(p.radius)) {
      L.circle(p.at, { radius: p.radius, interactive: false,
        className: 'concord-map__outline', weight: 2, fillOpacity: 0.1 }).addTo(caseMap);
    } else {
      L.marker(p.at, { keyboard: false, interactive: false, alt: '' }).addTo(caseMap);
    }
    bounds.extend(p.at);
  });
  caseMap.fitBounds(bounds, { padding: [20, 20], maxZoom: parseFloat(el.dataset.zoom) || 16 });
}());
