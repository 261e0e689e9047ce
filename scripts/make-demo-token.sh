#!/bin/bash
# Makes the DEMO USB token for newcomers (once; later runs only check it): a SoftHSM2 token "HOCBA-DEMO" with a demo
# principal's RSA key and certificate, issued by a demo CA (steps shared with the tests' token: softhsm-token-lib.sh),
# kept under the user's data dir and never re-made, so records signed with it keep verifying.
# It is a DEMO: the subject says so, the PIN is the published 123456, and nothing signed with it is legally valid.
# Nothing here is committed: the keys exist only in DIR.
#
# Usage: make-demo-token.sh DIR     → DIR/softhsm2.conf, DIR/demo-ca.pem; prints the conf path
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/softhsm-token-lib.sh"
D=$(mkdir -p "$1" && cd "$1" && pwd)
cd "$D"
PIN=123456
SOPIN=12345678
LABEL=HOCBA-DEMO
export SOFTHSM2_CONF="$D/softhsm2.conf"

if [ -f "$D/ready" ] && softhsm2-util --show-slots 2>/dev/null | grep -q "Label:.*$LABEL"; then
  echo "$SOFTHSM2_CONF"
  exit 0
fi

rm -f "$D/ready"
chmod 700 "$D"
softhsm_token_init
make_root_ca demo-ca.key demo-ca.pem "/C=VN/O=HOCBA DEMO/CN=Hocba DEMO CA (không có giá trị pháp lý)"
signer_extensions signer_ext.cnf
token_key_and_csr 01 rsa:2048 demo-principal "/C=VN/O=Trường DEMO/CN=Hiệu trưởng (DEMO – không có giá trị pháp lý)"
q openssl x509 -req -in demo-principal.csr -CA demo-ca.pem -CAkey demo-ca.key -CAcreateserial -days 1825 -sha256 \
  -extfile signer_ext.cnf -out demo-principal.pem
token_store_certificate demo-principal.pem 01 demo-principal
# The CA key is not needed any more: nobody can issue further "demo" certificates from this machine's CA.
rm -f demo-ca.key demo-principal.csr
touch "$D/ready"
echo "$SOFTHSM2_CONF"
