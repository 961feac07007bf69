// The front desk: a Leaflet map to place the request (a click sets a marker and the WGS84 point the form sends), the
// community and grid boundaries of the user's jurisdiction from the territory API (no tiles needed), the pick of a
// category from the search results, and a refresh of the likely duplicates whenever the category or the point changes.
(function () {
  'use strict';
  const element = document.getElementById('desk-map');
  if (!element) return;
  const cfg = element.dataset;
  const lng = document.getElementById('lng');
  const lat = document.getElementById('lat');
  const pointText = document.getElementById('point-text');
  const place = document.getElementById('placeUnitId');
  const map = L.map(element, { preferCanvas: true, zoomSnap: 0.5 }).setView([46.8, 130.37], 11);
  map.attributionControl.setPrefix('Leaflet');
  if (cfg.tileUrl) {
    L.tileLayer(cfg.tileUrl, { attribution: cfg.attribution, subdomains: '01234567', maxZoom: 18 }).addTo(map);
  }
  const styles = {
    county: { color: '#a61b1b', weight: 2, fillOpacity: 0.02 },
    community: { color: '#1b6d2f', weight: 1.2, fillOpacity: 0.04 },
    grid: { color: '#0b57d0', weight: 0.7, fillOpacity: 0.05 }
  };
  const layers = {};
  let marker = null;

  function changed() {
    document.body.dispatchEvent(new CustomEvent('desk-place-changed', { bubbles: true }));
  }

  async function load(level, bbox) {
    const params = new URLSearchParams({ crs: 'wgs84' });
    if (bbox) {
      const b = map.getBounds();
      params.set('bbox', [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(5)).join(','));
    }
    const response = await fetch('/api/territory/boundaries/' + level + '?' + params, { headers: { Accept: 'application/geo+json' } });
    if (!response.ok) return null;
    const data = await response.json();
    if (layers[level]) map.removeLayer(layers[level]);
    layers[level] = L.geoJSON(data, {
      style: () => styles[level],
      onEachFeature: (feature, layer) => {
        layer.on('click', event => { L.DomEvent.stopPropagation(event); setPoint(event.latlng); });
        layer.bindTooltip(feature.properties.name, { sticky: true });
      }
    }).addTo(map);
    element.dataset['loaded' + level] = String(data.features.length);
    return layers[level];
  }

  function setPoint(latlng) {
    lng.value = latlng.lng.toFixed(6);
    lat.value = latlng.lat.toFixed(6);
    if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng).addTo(map);
    pointText.textContent = pointText.dataset.label + ' ' + lng.value + ', ' + lat.value;
    if (place) place.value = '';
    changed();
  }

  document.getElementById('clear-point').addEventListener('click', () => {
    lng.value = ''; lat.value = '';
    if (marker) { map.removeLayer(marker); marker = null; }
    pointText.textContent = pointText.dataset.cleared;
    changed();
  });

  // A category chosen from the search results: its code goes with the form, its path is shown.
  document.addEventListener('click', event => {
    const pick = event.target.closest('.category-pick');
    if (!pick) return;
    document.getElementById('categoryCode').value = pick.dataset.code;
    document.body.dispatchEvent(new CustomEvent('desk-category-changed', { bubbles: true }));
    document.getElementById('category-chosen').textContent = pick.dataset.path;
    document.getElementById('category-results').replaceChildren();
    changed();
  });

  // A resident chosen from the registry lookup: their name (unless masked for this user), their home's address and its
  // building's point (else its grid) fill the form; their phone stays on the server and goes with the case.
  document.addEventListener('click', event => {
    const pick = event.target.closest('.caller-pick');
    if (!pick) return;
    const d = pick.dataset;
    document.getElementById('callerResidentId').value = d.resident;
    if (d.name) document.getElementById('reporterName').value = d.name;
    if (d.address) document.getElementById('address').value = d.address;
    if (d.lng && d.lat) {
      const latlng = L.latLng(Number(d.lat), Number(d.lng));
      setPoint(latlng);
      map.setView(latlng, Math.max(map.getZoom(), 15));
    } else if (d.grid && place) {
      place.value = d.grid;
      changed();
    }
    const chosen = document.getElementById('caller-chosen');
    chosen.textContent = chosen.dataset.label + ' ' + d.shown;
    document.getElementById('residents').replaceChildren();
  });

  // A form that came back with an error keeps its point and its chosen duplicate.
  document.body.addEventListener('htmx:afterSwap', event => {
    const wanted = document.getElementById('duplicates').dataset.merge;
    if (event.target.id === 'duplicates' && wanted) {
      const radio = event.target.querySelector('input[name=mergeInto][value="' + wanted + '"]');
      if (radio) radio.checked = true;
    }
  });

  async function start() {
    const fit = await load(cfg.admin === 'true' ? 'county' : 'community', false);
    if (lng.value && lat.value) {
      const latlng = L.latLng(Number(lat.value), Number(lng.value));
      marker = L.marker(latlng).addTo(map);
      map.setView(latlng, 15);
    } else if (fit && fit.getLayers().length) {
      map.fitBounds(fit.getBounds(), { animate: false });
    }
    map.on('moveend', () => { if (map.getZoom() >= 13) load('grid', true); });
    if (map.getZoom() >= 13) load('grid', true);
    element.dataset.ready = 'true';
  }

  map.on('click', event => setPoint(event.latlng));
  window.deskMap = map;
  start();
})();
