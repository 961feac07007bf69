// The case page's small map: the case's point, with the grid boundaries around it for orientation. Like the city
// map it needs no tile server; tiles are drawn only when configured (linli.map.tile-url). The point arrives already
// in the tiles' system (wgs84 or gcj02), and the boundaries are asked for in the same one.
(function () {
  'use strict';
  const element = document.getElementById('case-map');
  if (!element || !window.L) return;
  const cfg = element.dataset;
  const point = [Number(cfg.lat), Number(cfg.lng)];
  const crs = cfg.tileCrs === 'gcj02' ? 'gcj02' : 'wgs84';
  const map = L.map(element, { zoomControl: true, attributionControl: !!cfg.tileUrl }).setView(point, 16);
  if (cfg.tileUrl) {
    L.tileLayer(cfg.tileUrl, { attribution: cfg.attribution, subdomains: '01234567', maxZoom: 18 }).addTo(map);
  }
  L.circleMarker(point, { radius: 8, color: '#a61b1b', weight: 2, fillColor: '#e0483e', fillOpacity: 0.9 }).addTo(map);
  const b = map.getBounds();
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(5)).join(',');
  fetch('/api/territory/boundaries/grid?' + new URLSearchParams({ bbox: bbox, crs: crs }), { headers: { Accept: 'application/geo+json' } })
    .then(r => (r.ok ? r.json() : null))
    .then(data => {
      if (!data) return;
      L.geoJSON(data, { style: () => ({ color: '#0b57d0', weight: 1, fillOpacity: 0.04 }), interactive: false }).addTo(map);
      element.dataset.loaded = String(data.features.length);
    });
  window.linliCaseMap = map;
})();
