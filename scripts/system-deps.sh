#!/usr/bin/env bash
# Debian packages the build needs besides Python: WeasyPrint's Pango/HarfBuzz libraries
# (the fonts themselves ship in pdf/fonts), venv support, hunspell with its Indonesian
# dictionary (the spelling check of `make check`); with --browser also Chromium,
# for the browser tests (Playwright drives Debian's Chromium: no browser is downloaded).
# Installs only what is missing, so it is quick, and silent, when everything is there already.
set -euo pipefail
python=${PYTHON:-python3}

# The linker's list is read once and searched in the shell: `ldconfig -p | grep -q` would
# let grep stop early, ldconfig die of SIGPIPE, and `pipefail` report a library missing.
libraries=$(ldconfig -p 2>/dev/null || true)
need=()
for pair in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
            libharfbuzz-subset.so.0:libharfbuzz-subset0; do
  [[ $libraries == *"${pair%%:*}"* ]] || need+=("${pair#*:}")
done
"$python" -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)
command -v hunspell >/dev/null || need+=(hunspell)              # `make check`: Indonesian spelling
[ -f /usr/share/hunspell/id_ID.dic ] || need+=(hunspell-id)
if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null; then need+=(chromium); fi
[ ${#need[@]} -eq 0 ] && exit 0

echo "system-deps: installing ${need[*]} (Debian packages)" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: run as root, or install them yourself: apt-get install ${need[*]}" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
