#!/usr/bin/env bash
# Installs the system packages the test suite needs, when they are missing:
# Debian's chromium for the browser and accessibility tests (Playwright drives it; it never
# downloads a browser of its own); GNU gettext for `kansrijk makemessages` and
# `kansrijk compilemessages` (the compiled .mo is committed, so only changing UI text needs it);
# Pango (and HarfBuzz's subsetter) for WeasyPrint's PDFs.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
fonts=$(fc-list 2>/dev/null || true)
grep -qi dejavu <<<"$fonts" || missing+=(fonts-dejavu-core)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
# WeasyPrint (the session pack's PDF) needs Pango; HarfBuzz's subsetter makes embedding the
# fonts about five times faster than WeasyPrint's fallback (fontTools).
libraries=$( (ldconfig -p || /sbin/ldconfig -p) 2>/dev/null || true)
grep -q 'libpango-1\.0\.so' <<<"$libraries" || missing+=(libpango-1.0-0)
grep -q 'libpangoft2-1\.0\.so' <<<"$libraries" || missing+=(libpangoft2-1.0-0)
grep -q 'libharfbuzz-subset\.so' <<<"$libraries" || missing+=(libharfbuzz-subset0)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "== Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "Cannot install ${missing[*]}: run as root or install them yourself (apt-get install ${missing[*]})." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get here: install ${missing[*]} with your system's package manager." >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
