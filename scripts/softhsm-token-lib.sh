#!/bin/bash
# Shared steps for making SoftHSM2 tokens (SIGNING.md §2): sourced by scripts/make-demo-token.sh (the newcomer's demo
# token) and tests/token/make-test-token.sh (a throw-away token per test run). Nothing it makes is ever committed.
#
# Before sourcing: D (the folder, absolute), LABEL, PIN, SOPIN. MOD may be preset; HOCBA_SOFTHSM_MODULE overrides it.

MOD=${HOCBA_SOFTHSM_MODULE:-${MOD:-/usr/lib/softhsm/libsofthsm2.so}}

# Runs a command quietly; on failure shows the command and runs it again with its output, then stops.
q() { "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; "$@"; exit 1; }; }

# A fresh token LABEL in D/tokens, with D/softhsm2.conf exported as SOFTHSM2_CONF and D/openssl-engine.cnf for
# `openssl req -engine pkcs11`. The engine finds SoftHSM through an explicit MODULE_PATH, not through p11-kit, so
# other p11-kit modules on the machine (a real token plugged in) cannot interfere.
softhsm_token_init() {
  rm -rf "$D/tokens"
  mkdir -p "$D/tokens"
  cat >"$D/softhsm2.conf" <<CONF
directories.tokendir = $D/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
  export SOFTHSM2_CONF="$D/softhsm2.conf"
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
  softhsm2-util --init-token --free --label "$LABEL" --so-pin "$SOPIN" --pin "$PIN" >/dev/null
}

# A self-signed root CA: key file, certificate file, subject ("/C=VN/O=…/CN=…").
make_root_ca() {
  q openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1" -out "$2" -days 3650 -sha256 -utf8 -subj "$3" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash"
}

# The extensions of a signing certificate (non-repudiation, as the certificate policy requires) into file $1;
# extra lines may follow as further arguments.
signer_extensions() {
  local file=$1
  shift
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,nonRepudiation,digitalSignature"
    for line in "$@"; do echo "$line"; done
    echo "subjectKeyIdentifier=hash"
    echo "authorityKeyIdentifier=keyid"
  } >"$file"
}

# A key pair made on the token and a certificate request for it: id (hex), key type (rsa:2048, EC:prime256v1),
# label (also the .csr's name), subject.
token_key_and_csr() {
  q pkcs11-tool --module "$MOD" --token-label "$LABEL" --login --pin "$PIN" \
    --keypairgen --key-type "$2" --id "$1" --label "$3"
  q env OPENSSL_CONF="$D/openssl-engine.cnf" openssl req -new -engine pkcs11 -keyform engine \
    -key "pkcs11:token=$LABEL;id=%$1;type=private?pin-value=$PIN" -utf8 -subj "$4" -out "$3.csr"
}

# Stores a certificate (PEM file) on the token: pem, id (hex), label.
token_store_certificate() {
  q openssl x509 -in "$1" -outform DER -out "${1%.pem}.der"
  q pkcs11-tool --module "$MOD" --token-label "$LABEL" --login --pin "$PIN" \
    --write-object "${1%.pem}.der" --type cert --id "$2" --label "$3"
}
