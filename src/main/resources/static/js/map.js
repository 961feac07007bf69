// The city map: boundaries per level from the GeoJSON API, drawn by zoom; a click locates the point and shows
// the card of the grid and every unit above it. No tile server is needed; tiles are optional (see MapSettings).
(function () {
  'use strict';
  const element = document.getElementById('map');
  const cfg = element.dataset;
  const date = cfg.date || '';
  const crs = cfg.tileCrs === 'gcj02' ? 'gcj02' : 'wgs84';
  const map = L.map(element, { preferCanvas: true, zoomSnap: 0.5 }).setView([46.95, 131.8], 7);
  map.attributionControl.setPrefix('Leaflet');
  if (cfg.tileUrl) {
    L.tileLayer(cfg.tileUrl, { attribution: cfg.attribution, subdomains: '01234567', maxZoom: 18 }).addTo(map);
  }
  const styles = {
    COUNTY: { color: '#a61b1b', weight: 2.2, fillOpacity: 0.02 },
    TOWNSHIP: { color: '#8a5a00', weight: 1.4, fillOpacity: 0.02, dashArray: '6 3' },
    COMMUNITY: { color: '#1b6d2f', weight: 1, fillOpacity: 0.03 },
    GRID: { color: '#0b57d0', weight: 0.7, fillOpacity: 0.06 }
  };
  const minZoom = { COUNTY: 0, TOWNSHIP: 9, COMMUNITY: 10.5, GRID: 12 };
  const layers = {};
  const enabled = {};
  let selected = null;

  document.querySelectorAll('.level-toggle').forEach(box => {
    enabled[box.value] = box.checked;
    box.addEventListener('change', () => { enabled[box.value] = box.checked; refresh(); });
  });

  function url(path, params) {
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null));
    return path + '?' + query.toString();
  }

  async function load(level) {
    const bounds = map.getBounds();
    const params = { date: date, crs: crs };
    if (level === 'GRID' || level === 'COMMUNITY') {
      params.bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map(v => v.toFixed(5)).join(',');
    }
    const response = await fetch(url('/api/territory/boundaries/' + level.toLowerCase(), params), { headers: { Accept: 'application/geo+json' } });
    if (!response.ok) return;
    const data = await response.json();
    if (layers[level]) map.removeLayer(layers[level]);
    layers[level] = L.geoJSON(data, {
      style: () => styles[level],
      onEachFeature: (feature, layer) => {
        layer.on('click', event => { L.DomEvent.stopPropagation(event); locateAt(event.latlng); });
        if (level !== 'GRID') layer.bindTooltip(feature.properties.name, { sticky: true });
      }
    }).addTo(map);
    layers[level].getLayers().forEach(l => l.feature && (l.options.className = 'unit-' + l.feature.properties.id));
    element.dataset['loaded' + level.toLowerCase()] = String(data.features.length);
  }

  function refresh() {
    const zoom = map.getZoom();
    Object.keys(minZoom).forEach(level => {
      if (enabled[level] && zoom >= minZoom[level]) {
        load(level);
      } else if (layers[level]) {
        map.removeLayer(layers[level]);
        delete layers[level];
        delete element.dataset['loaded' + level.toLowerCase()];
      }
    });
  }

  async function locateAt(latlng) {
    const card = document.getElementById('card');
    card.hidden = false;
    card.textContent = cfg.labelLoading;
    const response = await fetch(url('/api/territory/locate', { lng: latlng.lng, lat: latlng.lat, crs: crs, date: date }));
    const answer = await response.json();
    if (!response.ok) { card.textContent = answer.message; return; }
    if (answer.outside) { card.textContent = cfg.labelOutside; return; }
    const grid = answer.units[answer.units.length - 1];
    const detail = await (await fetch(url('/api/territory/units/' + grid.id, { date: date }))).json();
    renderCard(card, answer.units, detail);
    highlight(grid.id);
  }

  function renderCard(card, units, detail) {
    card.replaceChildren();
    const unit = detail.unit;
    const title = document.createElement('h2');
    title.textContent = unit.name;
    card.appendChild(title);
    const facts = document.createElement('dl');
    const add = (label, value) => {
      const dt = document.createElement('dt'); dt.textContent = label;
      const dd = document.createElement('dd'); dd.textContent = value;
      facts.append(dt, dd);
    };
    add(cfg.labelCode, unit.code);
    if (detail.households != null) add(cfg.labelHouseholds, detail.households);
    units.slice(0, -1).forEach(u => add(levelName(u.level), u.name));
    card.appendChild(facts);
    const link = document.createElement('a');
    link.href = '/divisions/' + unit.id + (date ? '?date=' + date : '');
    link.textContent = cfg.labelHistory;
    card.appendChild(link);
    card.dataset.unitId = unit.id;
  }

  function levelName(level) {
    const box = document.querySelector('.level-toggle[value="' + level + '"]');
    return box ? box.parentElement.textContent.trim() : level;
  }

  function highlight(id) {
    if (selected) selected.setStyle(styles.GRID);
    selected = null;
    const gridLayer = layers.GRID;
    if (!gridLayer) return;
    gridLayer.eachLayer(l => {
      if (String(l.feature.properties.id) === String(id)) { l.setStyle({ color: '#e8710a', weight: 2.5, fillOpacity: 0.25 }); selected = l; }
    });
  }

  map.on('click', event => locateAt(event.latlng));
  map.on('moveend', refresh);
  window.linliMap = map;
  refresh();
})();
