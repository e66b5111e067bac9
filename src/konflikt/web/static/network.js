// The conflict network as SVG: a small deterministic force-directed layout (camps start on
// separate sides), nodes coloured by camp, edges green (cooperative) / red (conflictual), width by
// event count, arrows toward the recipient.
const NS = 'http://www.w3.org/2000/svg';
export const CAMP_COLOURS = ['#1f77b4', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
export const NO_CAMP = '#cccccc';
export const EDGE_COLOURS = { cooperative: '#2ca02c', conflictual: '#d62728' };

function el(name, attrs = {}) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

export function campIndex(net) {
  const camp = {};
  net.camps.forEach((c, i) => c.forEach((id) => { camp[id] = i; }));
  return camp;
}

// Fruchterman-Reingold with a pull toward each camp's side; deterministic.
export function layout(net, W, H) {
  const camp = campIndex(net);
  const k = Math.max(1, net.camps.length);
  const ids = net.nodes.map((n) => n.id).sort((a, b) => ((camp[a] ?? k) - (camp[b] ?? k)) || a.localeCompare(b));
  const n = ids.length;
  const pos = {};
  const centre = (id) => {
    const c = camp[id];
    if (c === undefined) return [W / 2, H / 2];
    const a = (2 * Math.PI * c) / k + Math.PI;
    return [W / 2 + (k > 1 ? 0.28 * W * Math.cos(a) : 0), H / 2 + (k > 2 ? 0.25 * H * Math.sin(a) : 0)];
  };
  ids.forEach((id, i) => {
    const [cx, cy] = centre(id);
    const a = (2 * Math.PI * i) / Math.max(1, n);
    pos[id] = [cx + 60 * Math.cos(a), cy + 60 * Math.sin(a)];
  });
  const area = W * H;
  const kk = Math.sqrt(area / Math.max(1, n)) * 0.55;
  const links = net.edges.map((e) => [e.actor, e.recipient]);
  let temp = W / 8;
  for (let it = 0; it < 300; it++) {
    const disp = {};
    for (const id of ids) disp[id] = [0, 0];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = ids[i], b = ids[j];
      let dx = pos[a][0] - pos[b][0], dy = pos[a][1] - pos[b][1];
      let d = Math.hypot(dx, dy);
      if (d < 0.01) { dx = 0.01 * (i - j); dy = 0.01; d = Math.hypot(dx, dy); }
      const f = (kk * kk) / d;
      disp[a][0] += (dx / d) * f; disp[a][1] += (dy / d) * f;
      disp[b][0] -= (dx / d) * f; disp[b][1] -= (dy / d) * f;
    }
    for (const [a, b] of links) {
      if (!(a in pos) || !(b in pos)) continue;
      const dx = pos[a][0] - pos[b][0], dy = pos[a][1] - pos[b][1];
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / kk;
      disp[a][0] -= (dx / d) * f; disp[a][1] -= (dy / d) * f;
      disp[b][0] += (dx / d) * f; disp[b][1] += (dy / d) * f;
    }
    for (const id of ids) {
      const [cx, cy] = centre(id);
      disp[id][0] += (cx - pos[id][0]) * 0.15; disp[id][1] += (cy - pos[id][1]) * 0.15;
      const d = Math.max(0.01, Math.hypot(...disp[id]));
      const step = Math.min(d, temp);
      pos[id][0] += (disp[id][0] / d) * step; pos[id][1] += (disp[id][1] / d) * step;
    }
    temp = Math.max(1, temp * 0.985);
  }
  // fit into the box
  const ml = 40, mr = 190, mv = 40;  // room for the labels on the right
  const xs = ids.map((id) => pos[id][0]), ys = ids.map((id) => pos[id][1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const s = Math.min((W - ml - mr) / Math.max(1, x1 - x0), (H - 2 * mv) / Math.max(1, y1 - y0), 3);
  const cxBox = ml + (W - ml - mr) / 2;
  for (const id of ids) {
    pos[id] = [cxBox + (pos[id][0] - (x0 + x1) / 2) * s, H / 2 + (pos[id][1] - (y0 + y1) / 2) * s];
  }
  return pos;
}

export function drawNetwork(svg, net, { onEdge, onNode } = {}) {
  const [, , W, H] = svg.getAttribute('viewBox').split(' ').map(Number);
  svg.replaceChildren();
  const defs = el('defs');
  for (const [kind, colour] of Object.entries(EDGE_COLOURS)) {
    const mk = el('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5,
      markerHeight: 5, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' });
    mk.setAttribute('markerWidth', 12); mk.setAttribute('markerHeight', 12);
    mk.append(el('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }));
    defs.append(mk);
  }
  svg.append(defs);
  const camp = campIndex(net);
  const pos = layout(net, W, H);
  const strength = {};
  for (const e of net.edges) {
    strength[e.actor] = (strength[e.actor] || 0) + e.events;
    strength[e.recipient] = (strength[e.recipient] || 0) + e.events;
  }
  const radius = (id) => 8 + 2.2 * Math.sqrt(strength[id] || 0);
  const pairs = new Set(net.edges.map((e) => `${e.actor}\u0000${e.recipient}`));
  const gEdges = el('g', { class: 'edges' });
  for (const e of net.edges) {
    const [ax, ay] = pos[e.actor], [bx, by] = pos[e.recipient];
    const d = Math.max(0.01, Math.hypot(bx - ax, by - ay));
    const ux = (bx - ax) / d, uy = (by - ay) / d;
    const off = pairs.has(`${e.recipient}\u0000${e.actor}`) ? 5 : 0;  // both directions: side by side
    const ox = -uy * off, oy = ux * off;
    const x1 = ax + ux * radius(e.actor) + ox, y1 = ay + uy * radius(e.actor) + oy;
    const x2 = bx - ux * (radius(e.recipient) + 2) + ox, y2 = by - uy * (radius(e.recipient) + 2) + oy;
    const line = el('line', {
      x1: x1.toFixed(1), y1: y1.toFixed(1), x2: x2.toFixed(1), y2: y2.toFixed(1), class: `edge ${e.kind}`,
      stroke: EDGE_COLOURS[e.kind] || '#999', 'stroke-width': (1.5 + 1.6 * Math.sqrt(e.events)).toFixed(1),
      'marker-end': `url(#arrow-${e.kind})`, 'data-edge': `${e.actor}->${e.recipient}`, 'data-actor': e.actor,
      'data-recipient': e.recipient, 'data-kind': e.kind, 'data-events': e.events,
    });
    const title = el('title');
    title.textContent = `${nameOf(net, e.actor)} → ${nameOf(net, e.recipient)}: ${e.kind}, ${e.events} ` +
      `(${Object.entries(e.types).map(([k, v]) => `${k} ${v}`).join(', ')})`;
    line.append(title);
    line.addEventListener('click', (ev) => { ev.stopPropagation(); select(svg, line); onEdge && onEdge(e); });
    gEdges.append(line);
  }
  svg.append(gEdges);
  const gNodes = el('g', { class: 'nodes' });
  for (const n of net.nodes) {
    const c = camp[n.id];
    const colour = c === undefined ? NO_CAMP : CAMP_COLOURS[c % CAMP_COLOURS.length];
    const g = el('g', { class: 'node', 'data-node': n.id, 'data-name': n.name, 'data-camp': c === undefined ? '' : c,
      'data-colour': colour, transform: `translate(${pos[n.id][0].toFixed(1)},${pos[n.id][1].toFixed(1)})` });
    g.append(el('circle', { r: radius(n.id).toFixed(1), fill: colour }));
    const label = el('text', { x: radius(n.id) + 3, y: 4 });
    label.textContent = n.name;
    g.append(label);
    const title = el('title'); title.textContent = `${n.name} (${n.id})`; g.append(title);
    g.addEventListener('click', (ev) => { ev.stopPropagation(); select(svg, g); onNode && onNode(n); });
    gNodes.append(g);
  }
  svg.append(gNodes);
  svg.dataset.state = net.nodes.length ? 'ready' : 'empty';
  svg.dataset.nodes = String(net.nodes.length);
  svg.dataset.edges = String(net.edges.length);
}

function select(svg, elem) {
  for (const s of svg.querySelectorAll('.selected')) s.classList.remove('selected');
  elem.classList.add('selected');
}

export function nameOf(net, id) {
  return (net.nodes.find((n) => n.id === id) || { name: id }).name;
}
