// The map of event locations: country outlines (Natural Earth 1:110m, vendored) as SVG in an
// equirectangular projection (x = lon + 180, y = 90 - lat), events as dots.
import { countries } from './topo.js';

const NS = 'http://www.w3.org/2000/svg';
let outlines = null;

async function loadOutlines() {
  if (!outlines) {
    const r = await fetch('/static/vendor/world-atlas/countries-110m.json');
    outlines = countries(await r.json());
  }
  return outlines;
}

const px = (lon, lat) => [lon + 180, 90 - lat];

function el(name, attrs = {}) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

export async function drawMap(svg, events, onPick) {
  const shapes = await loadOutlines();
  svg.replaceChildren();
  const land = el('g', { class: 'countries' });
  for (const c of shapes) {
    let d = '';
    for (const poly of c.polygons) for (const r of poly) {
      d += r.map(([lon, lat], i) => { const [x, y] = px(lon, lat); return `${i ? 'L' : 'M'}${x.toFixed(2)},${y.toFixed(2)}`; }).join('') + 'Z';
    }
    const p = el('path', { d, class: 'country', 'fill-rule': 'evenodd', 'data-country': c.name || '' });
    const title = el('title'); title.textContent = c.name || ''; p.append(title);
    land.append(p);
  }
  svg.append(land);
  // one dot per place, sized by its number of events
  const places = new Map();
  for (const ev of events) {
    const loc = ev.location;
    if (!loc || loc.lat == null || loc.lon == null) continue;
    const key = `${loc.lat.toFixed(3)},${loc.lon.toFixed(3)}`;
    if (!places.has(key)) places.set(key, { loc, events: [] });
    places.get(key).events.push(ev);
  }
  const dots = el('g', { class: 'events' });
  let minX = 360, maxX = 0, minY = 180, maxY = 0;
  for (const { loc } of places.values()) {
    const [x, y] = px(loc.lon, loc.lat);
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const unit = places.size ? Math.max(50, (maxX - minX) * 1.6) / 200 : 360 / 200;  // dot size follows the zoom
  for (const { loc, events: evs } of places.values()) {
    const [x, y] = px(loc.lon, loc.lat);
    const c = el('circle', { cx: x, cy: y, r: (unit * (1 + 0.5 * Math.sqrt(evs.length))).toFixed(2), class: 'event-dot',
      'data-place': loc.name, 'data-events': evs.length });
    const title = el('title'); title.textContent = `${loc.name}: ${evs.length}`; c.append(title);
    c.addEventListener('click', () => onPick && onPick(loc.name, evs));
    dots.append(c);
  }
  svg.append(dots);
  // zoom to the events (at least 50° wide), else the whole world
  if (places.size) {
    const w = Math.max(50, (maxX - minX) * 1.6), h = w / 2;
    const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
    const x0 = Math.min(Math.max(cx - w / 2, 0), 360 - w), y0 = Math.min(Math.max(cy - h / 2, 0), 180 - h);
    svg.setAttribute('viewBox', `${x0.toFixed(2)} ${y0.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)}`);
  } else {
    svg.setAttribute('viewBox', '0 0 360 180');
  }
  svg.dataset.state = 'ready';
  svg.dataset.places = String(places.size);
}
