#!/bin/bash
# Makes the DEMO USB token for newcomers (once; later runs only check it): a SoftHSM2 token "HOCBA-DEMO" with a demo
# principal's RSA key and certificate, issued by a demo CA. Same steps as tests/token/make-test-token.sh (SIGNING.md
# §2), but kept under the user's data dir and never re-made, so records signed with it keep verifying.
# It is a DEMO: the subject says so, the PIN is the published 123456, and nothing signed with it is legally valid.
# Nothing here is committed: the keys exist only in DIR.
#
# Usage: make-demo-token.sh DIR     → DIR/softhsm2.conf, DIR/demo-ca.pem; prints the conf path
set -euo pipefail
D=$(mkdir -p "$1" && cd "$1" && pwd)
cd "$D"
MOD=${HOCBA_SOFTHSM_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
PIN=123456
SOPIN=12345678
LABEL=HOCBA-DEMO
export SOFTHSM2_CONF="$D/softhsm2.conf"

if [ -f "$D/ready" ] && softhsm2-util --show-slots 2>/dev/null | grep -q "Label:.*$LABEL"; then
  echo "$SOFTHSM2_CONF"
  exit 0
fi

rm -rf "$D/tokens" "$D/ready"
mkdir -p "$D/tokens"
chmod 700 "$D"
cat >"$D/softhsm2.conf" <<CONF
directories.tokendir = $D/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
cat >"$D/openssl-engine.cnf" <<CONF
openssl_conf = init
[init]
engines = engines
[engines]
pkcs11 = pkcs11_section
[pkcs11_section]
engine_id = pkcs11
MODULE_PATH = $MOD
init = 0
[req]
distinguished_name = dn
[dn]
CONF
softhsm2-util --init-token --free --label "$LABEL" --so-pin $SOPIN --pin $PIN >/dev/null

q() { "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; "$@"; exit 1; }; }

q openssl req -x509 -newkey rsa:2048 -nodes -keyout demo-ca.key -out demo-ca.pem -days 3650 -sha256 -utf8 \
  -subj "/C=VN/O=HOCBA DEMO/CN=Hocba DEMO CA (không có giá trị pháp lý)" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -addext "subjectKeyIdentifier=hash"
cat >signer_ext.cnf <<X
basicConstraints=critical,CA:FALSE
keyUsage=critical,nonRepudiation,digitalSignature
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
X
q pkcs11-tool --module "$MOD" --token-label "$LABEL" --login --pin "$PIN" \
  --keypairgen --key-type rsa:2048 --id 01 --label demo-principal
q env OPENSSL_CONF="$D/openssl-engine.cnf" openssl req -new -engine pkcs11 -keyform engine \
  -key "pkcs11:token=$LABEL;id=%01;type=private?pin-value=$PIN" -utf8 \
  -subj "/C=VN/O=Trường DEMO/CN=Hiệu trưởng (DEMO – không có giá trị pháp lý)" -out demo-principal.csr
q openssl x509 -req -in demo-principal.csr -CA demo-ca.pem -CAkey demo-ca.key -CAcreateserial -days 1825 -sha256 \
  -extfile signer_ext.cnf -out demo-principal.pem
q openssl x509 -in demo-principal.pem -outform DER -out demo-principal.der
q pkcs11-tool --module "$MOD" --token-label "$LABEL" --login --pin "$PIN" \
  --write-object demo-principal.der --type cert --id 01 --label demo-principal
# The CA key is not needed any more: nobody can issue further "demo" certificates from this machine's CA.
rm -f demo-ca.key demo-principal.csr
touch "$D/ready"
echo "$SOFTHSM2_CONF"
