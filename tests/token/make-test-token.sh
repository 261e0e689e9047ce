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
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../../scripts/softhsm-token-lib.sh"
D=$(cd "${1:-.}" && pwd)
cd "$D"
PIN=123456
SOPIN=12345678
LABEL=HocbaTest
softhsm_token_init

make_root_ca ca.key ca.pem "/C=VN/O=Test School CA/CN=Hocba Test Root CA"
make_root_ca untrusted_ca.key untrusted_ca.pem "/C=VN/O=Unknown/CN=Untrusted Test CA"
signer_extensions signer_ext.cnf "extendedKeyUsage=emailProtection"
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
token_key_and_csr 01 rsa:2048 signer_rsa "/C=VN/O=Trường THCS Hoa Sen/CN=Nguyễn Thị Hồng Nhung"
issue signer_rsa.csr signer_rsa.pem ca.pem ca.key signer_ext.cnf
token_key_and_csr 02 EC:prime256v1 signer_ec "/C=VN/O=Trường THCS Hoa Sen/CN=Trần Văn Đức"
issue signer_ec.csr signer_ec.pem ca.pem ca.key signer_ext.cnf
token_store_certificate signer_rsa.pem 01 signer-rsa
token_store_certificate signer_ec.pem 02 signer-ec
issue signer_rsa.csr expired.pem ca.pem ca.key signer_ext.cnf 20200101000000Z 20210101000000Z
issue signer_rsa.csr notyet.pem ca.pem ca.key signer_ext.cnf 20990101000000Z 21000101000000Z
issue signer_rsa.csr noku.pem ca.pem ca.key noku_ext.cnf
issue signer_rsa.csr untrusted.pem untrusted_ca.pem untrusted_ca.key signer_ext.cnf
cp expired.pem orphan.pem
token_store_certificate orphan.pem 03 orphan-cert
echo "ok $D"
