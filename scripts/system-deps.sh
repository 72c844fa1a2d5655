#!/usr/bin/env bash
# Debian packages the build needs besides Python: WeasyPrint's Pango/HarfBuzz libraries
# (the fonts themselves ship in pdf/fonts) and venv support. Installs only what is
# missing, so it is quick when everything is there already.
set -euo pipefail
python=${PYTHON:-python3}
need=()
ldconfig -p | grep -q 'libpango-1.0.so.0' || need+=(libpango-1.0-0)
ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || need+=(libpangoft2-1.0-0)
ldconfig -p | grep -q 'libharfbuzz-subset.so.0' || need+=(libharfbuzz-subset0)
"$python" -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)
[ ${#need[@]} -eq 0 ] && exit 0
echo "system-deps: installing ${need[*]} (Debian packages)" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: run as root, or install them yourself: apt-get install ${need[*]}" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
