#!/usr/bin/env bash
# Sets up a Debian 12 machine (as root), builds the desktop app and opens it on a demo school, with a DEMO USB token
# (SoftHSM2 "HOCBA-DEMO", PIN 123456) that the demo school trusts, so signing and checking work at once. Both are
# made once under the user's data dir and reused. Extra arguments go to the app, e.g. a data file path.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release >/dev/null
# Only what the app needs: the tests and benchmarks are built by scripts/test.sh.
cmake --build --preset release -j "$(nproc)" --target hocba hocba-cli

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  cat >&2 <<MSG
Không tìm thấy màn hình (DISPLAY). Chạy ứng dụng trong màn hình ảo:
  xvfb-run -a -s "-screen 0 1600x1000x24" ./scripts/run.sh
hoặc dùng giao diện dòng lệnh:
  build/release/app/hocba-cli --help
(No display found. Run the app under a virtual display with the xvfb-run line above, or use hocba-cli.)
MSG
  exit 1
fi
# The demo token and school (idempotent). The app's data dir: QStandardPaths AppDataLocation for org/app "hocba".
DATA="${XDG_DATA_HOME:-$HOME/.local/share}/hocba"
DEMO_DB="$DATA/hocba/truong-demo.hocba"
if SOFTHSM2_CONF=$(bash scripts/make-demo-token.sh "$DATA/demo-token"); then
  export SOFTHSM2_CONF HOCBA_DEMO_TOKEN=HOCBA-DEMO
  mkdir -p "$(dirname "$DEMO_DB")"
  [ -f "$DEMO_DB" ] || build/release/app/hocba-cli demo --db "$DEMO_DB" >/dev/null
  # Every start: the demo school may have been made anew; an anchor already there is refused harmlessly.
  build/release/app/hocba-cli trust add --db "$DEMO_DB" --cert "$DATA/demo-token/demo-ca.pem" \
    --by "DEMO (scripts/run.sh)" >/dev/null 2>&1 || true
  echo "Token USB DEMO \"HOCBA-DEMO\" đã sẵn sàng, mã PIN: 123456 (chỉ để dùng thử, không có giá trị pháp lý)." >&2
else
  echo "Không tạo được token USB DEMO (cần softhsm2, opensc, libengine-pkcs11-openssl); vẫn mở ứng dụng." >&2
fi
exec build/release/app/hocba "$@"
