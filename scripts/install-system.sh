#!/usr/bin/env bash
# Debian packages the project needs. Installs what is missing when run as root; otherwise
# says what to install. fonts-symbola is a monochrome fallback for emoji and symbols no CJK
# font has, so the PDF never shows a blank box. Fonts are needed to build; the rest for tests and previews.
set -euo pipefail
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
for p in fonts-noto-cjk fonts-lxgw-wenkai fonts-symbola fontconfig poppler-utils libreoffice-writer; do
  have_pkg "$p" || need+=("$p")
done
# Chromium only for browser checks (EPUB pages, cleanup report); not required for builds.
if [ "${WITH_CHROMIUM:-1}" = 1 ]; then have_pkg chromium || need+=(chromium); fi
# Tesseract 5 with Simplified and Traditional Chinese: page images with --ocr tesseract, and `make eval`.
if [ "${WITH_OCR:-1}" = 1 ]; then
  for p in tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra; do have_pkg "$p" || need+=("$p"); done
fi
# Font aliases so LibreOffice previews of our DOCX (宋体/黑体/楷体, 新細明體/微軟正黑體/標楷體)
# use the Debian CJK faces instead of a generic fallback. Only written as root.
alias_conf=/etc/fonts/conf.d/60-pipeline-cjk-aliases.conf
if [ "$(id -u)" = 0 ] && [ -d /etc/fonts/conf.d ] && [ ! -f "$alias_conf" ]; then
  {
    echo '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
    for pair in "宋体:Noto Serif CJK SC" "SimSun:Noto Serif CJK SC" "黑体:Noto Sans CJK SC" "SimHei:Noto Sans CJK SC" \
                "楷体:LXGW WenKai" "KaiTi:LXGW WenKai" "新細明體:Noto Serif CJK TC" "PMingLiU:Noto Serif CJK TC" \
                "微軟正黑體:Noto Sans CJK TC" "標楷體:LXGW WenKai"; do
      echo "<alias binding=\"same\"><family>${pair%%:*}</family><prefer><family>${pair#*:}</family></prefer></alias>"
    done
    echo '</fontconfig>'
  } > "$alias_conf"
  fc-cache -f >/dev/null 2>&1 || true
fi
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
