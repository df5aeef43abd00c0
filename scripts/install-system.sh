#!/usr/bin/env bash
# Debian packages the project needs. Installs what is missing when run as root; otherwise
# says what to install. Fonts are needed to build; the rest for tests and previews.
set -euo pipefail
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
for p in fonts-noto-cjk fonts-lxgw-wenkai fontconfig poppler-utils libreoffice-writer; do
  have_pkg "$p" || need+=("$p")
done
# Chromium only for browser checks (EPUB pages, cleanup report); not required for builds.
if [ "${WITH_CHROMIUM:-1}" = 1 ]; then have_pkg chromium || need+=(chromium); fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
else
  echo "warning: missing system packages: ${need[*]} (run: sudo apt-get install ${need[*]})" >&2
fi
