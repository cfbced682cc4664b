#!/usr/bin/env bash
# Verifies a webhook from Yulin with OpenSSL 3 (docs/api/webhooks.md), for teams not on Node.
# Usage: verify-webhook.sh <platform public key hex 04…> <X-Yulin-Timestamp> <X-Yulin-Signature> <body file>
# Prints "Signature Verified Successfully" and exits 0 when the message is genuine.
set -euo pipefail
key_hex=$1 timestamp=$2 signature=$3 body=$4
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# The public key as an SM2 SubjectPublicKeyInfo (fixed DER prefix, then the 65-byte point).
printf '%s%s' 3059301306072a8648ce3d020106082a811ccf5501822d034200 "$key_hex" | xxd -r -p > "$work/key.der"
openssl pkey -pubin -inform DER -in "$work/key.der" -out "$work/key.pem"
# The signed text: the timestamp immediately followed by the raw body.
{ printf '%s' "$timestamp"; cat "$body"; } > "$work/signed.txt"
printf '%s' "$signature" | xxd -r -p > "$work/signature.der"
openssl pkeyutl -verify -pubin -inkey "$work/key.pem" -rawin -digest sm3 \
  -pkeyopt distid:1234567812345678 -in "$work/signed.txt" -sigfile "$work/signature.der"
