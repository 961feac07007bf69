// The responsibility page's tester: a Leaflet map of the user's communities (the city's districts for an
// administrator); a click marks the point, and the form asks the server who would handle the chosen category there.
// Choosing an area instead clears the point: the last thing the user picked is what they ask about.
(function () {
  'use strict';
  document.addEventListener('submit', event => {
    // the tester asks through htmx on every change; pressing Enter in it must not send the page away
    if (event.target.id === 'tester') {
      event.preventDefault();
      return;
    }
    const message = event.target.dataset.confirm;
    if (message && !window.confirm(message)) event.preventDefault();
  });
  const element = document.getElementById('rule-map');
  if (!element) return;
  const cfg = element.dataset;
  const lng = document.getElementById('tester-lng');
  const lat = document.getElementById('tester-lat');
  const pointText = document.getElementById('tester-point');
  const place = document.getElementById('tester-place');
  const map = L.map(element, { preferCanvas: true, zoomSnap: 0.5 }).setView([46.8, 130.37], 11);
  map.attributionControl.setPrefix('Leaflet');
  if (cfg.tileUrl) {
    L.tileLayer(cfg.tileUrl, { attribution: cfg.attribution, subdomains: '01234567', maxZoom: 18 }).addTo(map);
  }
  const style = { color: '#1b6d2f', weight: 1.2, fillOpacity: 0.04 };
  let marker = null;

  function setPoint(latlng) {
    lng.value = latlng.lng.toFixed(6);
    lat.value = latlng.lat.toFixed(6);
    if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng).addTo(map);
    pointText.textContent = pointText.dataset.label + ' ' + lng.value + ', ' + lat.value;
    place.value = '';
    document.body.dispatchEvent(new CustomEvent('rule-point-changed', { bubbles: true }));
  }

  place.addEventListener('change', () => {
    lng.value = ''; lat.value = '';
    if (marker) { map.removeLayer(marker); marker = null; }
  }, true);

  async function start() {
    const level = cfg.admin === 'true' ? 'county' : 'community';
    const response = await fetch('/api/territory/boundaries/' + level + '?crs=wgs84', { headers: { Accept: 'application/geo+json' } });
    if (response.ok) {
      const layer = L.geoJSON(await response.json(), {
        style: () => style,
        onEachFeature: (feature, l) => {
          l.on('click', event => { L.DomEvent.stopPropagation(event); setPoint(event.latlng); });
          l.bindTooltip(feature.properties.name, { sticky: true });
        }
      }).addTo(map);
      if (layer.getLayers().length) map.fitBounds(layer.getBounds(), { animate: false });
    }
    element.dataset.ready = 'true';
  }

  map.on('click', event => setPoint(event.latlng));
  window.ruleMap = map;
  start();
})();
