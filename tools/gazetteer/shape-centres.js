// Country reference points from country outlines: the area centroid of a country's principal land
// masses in Natural Earth's 1:50m countries (public domain, via the npm package world-atlas). A land
// mass counts when its area is at least a quarter of the country's largest, so far-off islands and
// territories (Alaska, Hawaii, French Guiana, Svalbard) do not drag the point into the sea, while
// island countries keep their main islands (Japan, New Zealand, Indonesia, the Philippines).
'use strict';

const QUARTER = 0.25;

function unitVector([lon, lat]) {
  const r = Math.PI / 180;
  return [Math.cos(lat * r) * Math.cos(lon * r), Math.cos(lat * r) * Math.sin(lon * r), Math.sin(lat * r)];
}

// Spherical-triangle fan over a ring: signed area weights and the weighted sum of triangle centroids
// (as 3-D vectors), accurate enough for a reference point.
function ringMoments(ring) {
  let area = 0, x = 0, y = 0, z = 0;
  const a = unitVector(ring[0]);
  for (let i = 1; i + 1 < ring.length; i++) {
    const b = unitVector(ring[i]), c = unitVector(ring[i + 1]);
    const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]], v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
    const n = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
    const w = Math.hypot(n[0], n[1], n[2]) / 2 * Math.sign(n[0] * a[0] + n[1] * a[1] + n[2] * a[2]);
    area += w;
    x += w * (a[0] + b[0] + c[0]) / 3;
    y += w * (a[1] + b[1] + c[1]) / 3;
    z += w * (a[2] + b[2] + c[2]) / 3;
  }
  const s = Math.sign(area) || 1;
  return { area: Math.abs(area), x: x * s, y: y * s, z: z * s };
}

// Map ISO 3166-1 numeric code -> [lat, lon]. Where two outlines carry the same code (Natural Earth
// gives Australia's 036 also to the Ashmore and Cartier Islands), the one with the larger land wins.
function countryCentres(topology, feature) {
  const centres = new Map();
  const largest = new Map();
  for (const f of feature(topology, topology.objects.countries).features) {
    if (!f.id || !f.geometry) continue;
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const parts = polygons.map((p) => ringMoments(p[0])).sort((a, b) => b.area - a.area);
    if (parts.length === 0 || parts[0].area === 0) continue;
    if (largest.has(String(f.id)) && largest.get(String(f.id)) >= parts[0].area) continue;
    largest.set(String(f.id), parts[0].area);
    let x = 0, y = 0, z = 0;
    for (const p of parts) {
      if (p.area < QUARTER * parts[0].area) break;
      x += p.x; y += p.y; z += p.z;
    }
    const d = 180 / Math.PI;
    centres.set(String(f.id), [Math.atan2(z, Math.hypot(x, y)) * d, Math.atan2(y, x) * d]);
  }
  return centres;
}

module.exports = { countryCentres };
