// The resident's report map: a click (or the phone's location, or the map's centre for keyboard users) places the pin
// whose point the form sends; the city's districts are drawn so the map works with no tile server; each new pin asks
// the server for similar open cases nearby, which the resident may follow instead of reporting again.
(function () {
  'use strict';
  const element = document.getElementById('report-map');
  if (!element) return;
  const cfg = element.dataset;
  const lat = document.getElementById('lat');
  const lng = document.getElementById('lng');
  const pointText = document.getElementById('point-text');
  const map = L.map(element, { zoomSnap: 0.5, keyboard: true }).setView([46.8, 130.37], 11);
  window.portalMap = map;
  map.attributionControl.setPrefix('Leaflet');
  if (cfg.tileUrl) {
    L.tileLayer(cfg.tileUrl, { attribution: cfg.attribution, subdomains: '01234567', maxZoom: 18 }).addTo(map);
  }
  let marker = null;

  async function nearby() {
    const params = new URLSearchParams({ lat: lat.value, lng: lng.value, crs: document.querySelector('input[name=crs]').value });
    const response = await fetch(cfg.nearby + '?' + params, { headers: { Accept: 'text/html' } });
    if (!response.ok) return;
    const list = document.getElementById('nearby-list');
    list.outerHTML = await response.text();
    element.dataset.nearbyLoaded = String(Date.now());
  }

  function setPoint(latlng) {
    lat.value = latlng.lat.toFixed(6);
    lng.value = latlng.lng.toFixed(6);
    if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng, { keyboard: false }).addTo(map);
    pointText.textContent = pointText.dataset.label + ' ' + lat.value + ', ' + lng.value;
    nearby();
  }

  map.on('click', event => setPoint(event.latlng));
  document.getElementById('pin-centre').addEventListener('click', () => setPoint(map.getCenter()));
  const locate = document.getElementById('locate-me');
  if (!navigator.geolocation) locate.hidden = true;
  locate.addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition(position => {
      const here = L.latLng(position.coords.latitude, position.coords.longitude);
      map.setView(here, 16);
      setPoint(here);
    }, () => { pointText.textContent = locate.dataset.failed; }, { enableHighAccuracy: true, timeout: 15000 });
  });

  async function start() {
    // the page's fonts and sections may change the map's size after it was made
    map.invalidateSize(false);
    const response = await fetch(cfg.districts, { headers: { Accept: 'application/geo+json' } });
    if (response.ok) {
      const districts = L.geoJSON(await response.json(), {
        style: () => ({ color: '#1b5e20', weight: 1.5, fillOpacity: 0.04 }),
        onEachFeature: (feature, layer) => layer.on('click', event => { L.DomEvent.stopPropagation(event); setPoint(event.latlng); })
      }).addTo(map);
      if (districts.getLayers().length && !lat.value) map.fitBounds(districts.getBounds(), { animate: false });
    }
    if (lat.value && lng.value) {
      const latlng = L.latLng(Number(lat.value), Number(lng.value));
      marker = L.marker(latlng, { keyboard: false }).addTo(map);
      map.setView(latlng, 15);
      nearby();
    }
    element.dataset.ready = 'true';
  }
  start();
})();
