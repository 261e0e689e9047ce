#!/usr/bin/env bash
# Sets up a Debian 12 machine (as root), builds the desktop app and opens it on a demo school (made on first start;
# a demo PKCS#11 token comes with the signing component). Extra arguments go to the app, e.g. a data file path.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  cat >&2 <<MSG
Không tìm thấy màn hình (DISPLAY). Chạy ứng dụng trong màn hình ảo:
  xvfb-run -a -s "-screen 0 1600x1000x24" build/release/app/hocba
hoặc dùng giao diện dòng lệnh:
  build/release/app/hocba-cli --help
(No display found. Run the app under a virtual display with the xvfb-run line above, or use hocba-cli.)
MSG
  exit 1
fi
exec build/release/app/hocba "$@"
