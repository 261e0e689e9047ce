#!/bin/bash
# Creates a throw-away SoftHSM2 token and a test PKI in DIR (default: the current directory); used by the token tests.
# Nothing here is ever committed: keys, certificates and the PIN exist only for one test run (SIGNING.md §2).
#
# DIR/softhsm2.conf          SOFTHSM2_CONF for the token (slot ids are random: find the token by label)
# token "HocbaTest", user PIN 123456, SO PIN 12345678:
#   id 01  RSA-2048 key + certificate   CN=Nguyễn Thị Hồng Nhung, O=Trường THCS Hoa Sen
#   id 02  EC P-256 key + certificate   CN=Trần Văn Đức, O=Trường THCS Hoa Sen
#   id 03  certificate only (no key)    to test "key not found"
# DIR/ca.pem                 test root CA (the trust anchor)
# DIR/signer_rsa.pem, signer_ec.pem   the certificates on the token
# DIR/expired.pem, notyet.pem, noku.pem, untrusted.pem   fault variants for the policy tests (RSA key's public key)
# DIR/untrusted_ca.pem       a CA that is not an anchor
set -euo pipefail
D=$(cd "${1:-.}" && pwd)
cd "$D"
MOD=${HOCBA_SOFTHSM_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
PIN=123456
SOPIN=12345678
LABEL=HocbaTest
rm -rf "$D/tokens"
mkdir -p "$D/tokens"
cat >"$D/softhsm2.conf" <<CONF
directories.tokendir = $D/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
export SOFTHSM2_CONF="$D/softhsm2.conf"
# The engine finds SoftHSM through an explicit MODULE_PATH, not through p11-kit, so a machine with other p11-kit
# modules (a real token plugged in) cannot interfere with the test.
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

q openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 -sha256 \
  -subj "/C=VN/O=Test School CA/CN=Hocba Test Root CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -addext "subjectKeyIdentifier=hash"
q openssl req -x509 -newkey rsa:2048 -nodes -keyout untrusted_ca.key -out untrusted_ca.pem -days 3650 -sha256 \
  -subj "/C=VN/O=Unknown/CN=Untrusted Test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
cat >signer_ext.cnf <<X
basicConstraints=critical,CA:FALSE
keyUsage=critical,nonRepudiation,digitalSignature
extendedKeyUsage=emailProtection
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
X
# An authentication/encryption certificate picked by mistake: it may sign, but carries no non-repudiation.
cat >noku_ext.cnf <<X
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
X
# `openssl ca` is used (not `x509 -req`) because only it can set arbitrary start/end dates in OpenSSL 3.0.
mkdir -p newcerts
: >index.txt
echo 1000 >serial
cat >ca.cnf <<X
[ca]
default_ca = ca_default
[ca_default]
dir = $D
database = $D/index.txt
new_certs_dir = $D/newcerts
serial = $D/serial
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = no
[policy_any]
countryName = optional
organizationName = optional
commonName = supplied
X
issue() { # csr out cacert cakey ext [start end]
  local range=(-days 730)
  [ -n "${6:-}" ] && range=(-startdate "$6" -enddate "$7")
  q openssl ca -batch -config ca.cnf -utf8 -preserveDN -notext -in "$1" -out "$2" -cert "$3" -keyfile "$4" \
    -extfile "$5" "${range[@]}"
}
P11=(pkcs11-tool --module "$MOD" --token-label "$LABEL" --login --pin "$PIN")
keycsr() { # id keytype label cn
  q "${P11[@]}" --keypairgen --key-type "$2" --id "$1" --label "$3"
  q env OPENSSL_CONF="$D/openssl-engine.cnf" openssl req -new -engine pkcs11 -keyform engine \
    -key "pkcs11:token=$LABEL;id=%$1;type=private?pin-value=$PIN" -utf8 \
    -subj "/C=VN/O=Trường THCS Hoa Sen/CN=$4" -out "$3.csr"
}
keycsr 01 rsa:2048 signer_rsa "Nguyễn Thị Hồng Nhung"
issue signer_rsa.csr signer_rsa.pem ca.pem ca.key signer_ext.cnf
keycsr 02 EC:prime256v1 signer_ec "Trần Văn Đức"
issue signer_ec.csr signer_ec.pem ca.pem ca.key signer_ext.cnf
for c in rsa:01 ec:02; do
  q openssl x509 -in "signer_${c%%:*}.pem" -outform DER -out "signer_${c%%:*}.der"
  q "${P11[@]}" --write-object "signer_${c%%:*}.der" --type cert --id "${c##*:}" --label "signer-${c%%:*}"
done
issue signer_rsa.csr expired.pem ca.pem ca.key signer_ext.cnf 20200101000000Z 20210101000000Z
issue signer_rsa.csr notyet.pem ca.pem ca.key signer_ext.cnf 20990101000000Z 21000101000000Z
issue signer_rsa.csr noku.pem ca.pem ca.key noku_ext.cnf
issue signer_rsa.csr untrusted.pem untrusted_ca.pem untrusted_ca.key signer_ext.cnf
q openssl x509 -in expired.pem -outform DER -out orphan.der
q "${P11[@]}" --write-object orphan.der --type cert --id 03 --label orphan-cert
echo "ok $D"
