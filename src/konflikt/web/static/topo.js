// A minimal TopoJSON decoder (quantised, delta-encoded arcs) -> GeoJSON-like rings, enough for
// Polygon/MultiPolygon country outlines of world-atlas.
export function decodeArcs(topo) {
  const [sx, sy] = topo.transform ? topo.transform.scale : [1, 1];
  const [tx, ty] = topo.transform ? topo.transform.translate : [0, 0];
  return topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}

function ring(indices, arcs) {
  const pts = [];
  for (const i of indices) {
    const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    pts.push(...(pts.length ? a.slice(1) : a));
  }
  return pts;
}

// [{id, name, polygons: [[ring, ...], ...]}] with rings as [[lon, lat], ...]
export function countries(topo, object = 'countries') {
  const arcs = decodeArcs(topo);
  return topo.objects[object].geometries.map((g) => {
    let polys = [];
    if (g.type === 'Polygon') polys = [g.arcs];
    else if (g.type === 'MultiPolygon') polys = g.arcs;
    return { id: g.id, name: g.properties?.name, polygons: polys.map((p) => p.map((r) => ring(r, arcs))) };
  });
}
