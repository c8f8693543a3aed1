#!/bin/sh
# Regenerates the test-only certificates and keys of the signed firmware tests (keytool and openssl).
# Every certificate is valid from 2020 on, so tests on virtual time never see them expire.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=test-only
start=2020/01/01
kt() { keytool -storetype PKCS12 -storepass "$pass" -keypass "$pass" "$@"; }

# two Manufacturer roots: the installed one, and a stranger
for root in manufacturer-root other-root; do
  kt -keystore "$work/$root.p12" -genkeypair -alias ca -keyalg RSA -keysize 2048 -startdate "$start" -validity 9000 \
    -dname "CN=$root, O=Kilowatt Test Manufacturer" -ext bc:c -ext ku:c=keyCertSign,cRLSign
  kt -keystore "$work/$root.p12" -exportcert -alias ca -rfc -file "$root.pem"
done

# sign NAME ROOT KEYALG VALIDITY_DAYS [keytool -genkeypair options]: a firmware signing certificate issued by ROOT
sign() {
  name=$1 root=$2 alg=$3 days=$4
  shift 4
  kt -keystore "$work/$name.p12" -genkeypair -alias key -keyalg "$alg" "$@" -dname "CN=$name, O=Kilowatt Test Manufacturer"
  kt -keystore "$work/$name.p12" -certreq -alias key -file "$work/$name.csr"
  kt -keystore "$work/$root.p12" -gencert -alias ca -infile "$work/$name.csr" -rfc -outfile "$name.pem" \
    -startdate "$start" -validity "$days" -ext ku:c=digitalSignature -ext eku=codeSigning
  openssl pkcs12 -in "$work/$name.p12" -passin "pass:$pass" -nocerts -nodes | openssl pkcs8 -topk8 -nocrypt -out "$name.key"
}
sign firmware-signing-rsa manufacturer-root RSA 9000 -keysize 2048
sign firmware-signing-ec manufacturer-root EC 9000 -groupname secp256r1
sign firmware-signing-expired manufacturer-root RSA 366 -keysize 2048
sign firmware-signing-foreign other-root RSA 9000 -keysize 2048
rm -f firmware-signing-expired.key firmware-signing-foreign.key
