#!/usr/bin/env bash
# Installs every Debian 12 package Học bạ số needs to build, run and test.
# Idempotent: packages already present are skipped. Waits for the apt/dpkg lock instead of failing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang-format
  # fuzzing (scripts/fuzz.sh): Clang 22 with libFuzzer and the sanitizer runtimes (Clang 14 cannot compile
  # libstdc++ 12's std::expected, Clang 19 not qpdf 11's JSON.hh in C++23)
  clang-22 libclang-rt-22-dev
  # Qt 6.4
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-pdf-dev libqt6svg6 libgl-dev libvulkan-dev
  # store
  libsqlite3-dev sqlite3
  # document, signing and verification (used by later components and their tests)
  libssl-dev openssl libp11-dev softhsm2 opensc libengine-pkcs11-openssl libxml2-dev libxml2-utils libxmlsec1-dev xmlsec1
  libqpdf-dev zlib1g-dev qpdf poppler-utils libpoppler-qt6-dev libpoppler-cpp-dev libnss3-tools libqrencode-dev libsodium-dev zxing-cpp-tools libzxing-dev
  # spreadsheets schools import (xlsx through libzip + libxml2, BIFF .xls through libfreexl) and the templates
  # written with libxlsxwriter; python3-xlwt only makes .xls fixtures in tests
  libzip-dev libfreexl-dev libxlsxwriter-dev python3-xlwt
  # the Department endpoint (hocba-dept): Qt HttpServer (its CMake package needs the WebSockets one), libpq and a
  # PostgreSQL 15 server its tests start in a temporary folder, wrk for bench/, Chromium for the lookup page test
  qt6-httpserver-dev qt6-websockets-dev libpq-dev postgresql-15 wrk chromium
  fonts-noto-core python3-fonttools
  # the printed dates are Vietnamese local time (QTimeZone "Asia/Ho_Chi_Minh" reads the system tz database)
  tzdata
  # headless GUI runs and screenshots
  xvfb xauth
)

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then exec sudo -E bash "$0" "$@"; fi
  echo "setup.sh: cần quyền root (run as root)" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup.sh: all ${#packages[@]} packages already installed"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# -o DPkg::Lock::Timeout makes apt wait for another apt/dpkg (e.g. unattended-upgrades) instead of failing.
apt_opts=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
echo "setup.sh: installing ${#missing[@]} packages: ${missing[*]}"
apt-get "${apt_opts[@]}" update -qq
apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}"
echo "setup.sh: done"
