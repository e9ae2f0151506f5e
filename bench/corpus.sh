#!/usr/bin/env bash
# bench/corpus.sh [TARGET_DIR]
#
# Builds tokscan's benchmark corpus once, outside the repository, and prints its directory on the
# last line of stdout. The corpus is 31 pinned public npm packages fetched with `npm pack`, each
# tarball checked against the SHA-1 the registry publishes, unpacked side by side:
#     TARGET_DIR/packages/<name>/...      (a scope "@a/b" becomes "a__b")
# Expected: 31 packages, 33,822 regular files, 442,424,230 bytes of file content.
# A corpus already present is reused when its file count and byte total match (and, on the first
# reuse after a build, its content fingerprint); `--rebuild` forces a fresh build.
# Default TARGET_DIR: $TOKSCAN_BENCH_CORPUS, else ${TMPDIR:-/tmp}/tokscan-bench-corpus.
# Tools: bash, npm, tar, coreutils.
set -euo pipefail
shopt -s globstar dotglob nullglob

rebuild=0
if [ "${1:-}" = "--rebuild" ]; then rebuild=1; shift; fi
target="${1:-${TOKSCAN_BENCH_CORPUS:-${TMPDIR:-/tmp}/tokscan-bench-corpus}}"

EXPECTED_FILES=33822
EXPECTED_BYTES=442424230
# sha1 of "sha1sum of every file, sorted by path relative to TARGET_DIR"
EXPECTED_FINGERPRINT=39cc6ef026f3710de0734decc04de2eca8b49fd6

# name@version, one per line (biggest first)
read -r -d '' LIST <<'PKGS' || true
googleapis@144.0.0
aws-sdk@2.1692.0
antd@5.22.1
three@0.170.0
firebase@11.0.2
date-fns@4.1.0
typescript@5.6.3
@fortawesome/fontawesome-free@6.7.1
@angular/core@19.0.0
prettier@3.3.3
@mui/material@6.1.6
webpack@5.96.1
react-dom@18.3.1
rxjs@7.8.1
moment@2.30.1
eslint@9.14.0
@aws-sdk/client-s3@3.693.0
@babel/types@7.26.0
@types/node@22.9.0
caniuse-lite@1.0.30001680
@babel/parser@7.26.2
lodash@4.17.21
core-js@3.39.0
ramda@0.30.1
ajv@8.17.1
@babel/core@7.26.0
@babel/traverse@7.25.9
lodash-es@4.17.21
@babel/generator@7.26.2
@babel/runtime@7.26.0
@babel/preset-env@7.26.0
PKGS

# SHA-1 of each tarball as the registry publishes it (dist.shasum)
read -r -d '' SUMS <<'SHA' || true
37d9a5c776af6bc92d7f4f9510eba4c0a60d11a6  ajv-8.17.1.tgz
ba977b5b436b89acb31d204b26622c533334139c  angular-core-19.0.0.tgz
726c9d4465a1f59079ef60896418fcdbb07a796c  antd-5.22.1.tgz
9dac5f7bfcc5ab45825cc8591b12753aa7d2902c  aws-sdk-2.1692.0.tgz
188b621498ffaeb7b1ea5794f61e3e8d9a4bcac2  aws-sdk-client-s3-3.693.0.tgz
d78b6023cc8f3114ccf049eb219613f74a747b40  babel-core-7.26.0.tgz
87b75813bec87916210e5e01939a4c823d6bb74f  babel-generator-7.26.2.tgz
fd7b6f487cfea09889557ef5d4eeb9ff9a5abd11  babel-parser-7.26.2.tgz
30e5c6bc1bcc54865bff0c5a30f6d4ccdc7fa8b1  babel-preset-env-7.26.0.tgz
8600c2f595f277c60815256418b85356a65173c1  babel-runtime-7.26.0.tgz
a50f8fe49e7f69f53de5bea7e413cd35c5e13c84  babel-traverse-7.25.9.tgz
deabd08d6b753bc8e0f198f8709fb575e31774ff  babel-types-7.26.0.tgz
5380ede637a33b9f9f1fc6045ea99bd142f3da5e  caniuse-lite-1.0.30001680.tgz
57f7647f4d2d030c32a72ea23a0555b2eaa30f83  core-js-3.39.0.tgz
64b3d83fff5aa80438f5b1a633c2e83b8a1c2d14  date-fns-4.1.0.tgz
534180a97c00af08bcf2b60b0ebf0c4d6c1b2c95  eslint-9.14.0.tgz
5de236ee1f2fa517279595e5d4199428da772f48  firebase-11.0.2.tgz
160a48730d533ec77578ed0141661a8f0150a71d  fortawesome-fontawesome-free-6.7.1.tgz
969aff29be76e308ea75ee52f10991af4c8ddc63  googleapis-144.0.0.tgz
679591c564c3bffaae8454cf0b3df370c3d6911c  lodash-4.17.21.tgz
43e626c46e6591b7750beb2b50117390c609e3ee  lodash-es-4.17.21.tgz
f8c91c07b7a786e30c59926df530b4eac96974ae  moment-2.30.1.tgz
505d7300401f6af38426006d7fb3b8707dc10fbc  mui-material-6.1.6.tgz
30c54fe0be0d8d12e6ae61dbb10109ea00d53105  prettier-3.3.3.tgz
7108ac95673062b060025052cd5143ae8fc605bf  ramda-0.30.1.tgz
c2265d79511b57d479b3dd3fdfa51536494c5cb4  react-dom-18.3.1.tgz
6f6f3d99ea8044291efd92e7c7fcf562c4057543  rxjs-7.8.1.tgz
6087f97aab79e9e9312f9c89fcef6808642dfbb7  three-0.170.0.tgz
b7f16e5c3384788542c72dc3d561a7ceae2c0365  types-node-22.9.0.tgz
5f3449e31c9d94febb17de03cc081dd56d81db5b  typescript-5.6.3.tgz
3676d1626d8312b6b10d0c18cc049fba7ac01f0c  webpack-5.96.1.tgz
SHA

log() { echo "corpus: $*" >&2; }

# "FILES BYTES" of the regular files under packages/ (symlinks excluded)
count_files() {
  find "$1/packages" -type f -printf '%s\n' | awk '{ n++; b += $1 } END { printf "%d %d\n", n, b }'
}

fingerprint() {
  (cd "$1" && find packages -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
}

# Reuse a corpus that is present and complete.
if [ "$rebuild" -eq 0 ] && [ -f "$target/.tokscan-corpus-ok" ] && [ -d "$target/packages" ]; then
  read -r files bytes < <(count_files "$target")
  if [ "$files" -eq "$EXPECTED_FILES" ] && [ "$bytes" -eq "$EXPECTED_BYTES" ]; then
    log "reusing $target ($files files, $bytes bytes)"
    echo "$target"
    exit 0
  fi
  log "$target is present but has $files files / $bytes bytes: rebuilding"
fi

mkdir -p "$target"
target="$(cd "$target" && pwd -P)"
repo="$(cd "$(dirname "$0")/.." && pwd -P)"
case "$target/" in
  "$repo/"*) log "refusing to build the corpus inside the repository ($target)"; exit 2 ;;
esac

rm -f "$target/.tokscan-corpus-ok"
tarballs="$target/.tarballs"
rm -rf "$tarballs" "$target/packages"
mkdir -p "$tarballs" "$target/packages"

specs=()
while read -r spec; do [ -n "$spec" ] && specs+=("$spec"); done <<<"$LIST"

# 1. fetch (npm also checks the registry's sha512 integrity)
log "fetching ${#specs[@]} packages with npm pack"
(cd "$tarballs" && npm pack --silent "${specs[@]}" >/dev/null)

# 2. check every tarball against the pinned SHA-1 list
(cd "$tarballs" && printf '%s\n' "$SUMS" | sha1sum --check --quiet -)

# 3. unpack each into packages/<name>
for spec in "${specs[@]}"; do
  name="${spec%@*}"
  ver="${spec##*@}"
  base="${name#@}"
  file="${base//\//-}-$ver.tgz"
  dir="$target/packages/${base//\//__}"
  mkdir -p "$dir"
  tar -xzf "$tarballs/$file" -C "$dir" --strip-components=1 --no-same-owner
done
rm -rf "$tarballs"

# 4. check the result
read -r files bytes < <(count_files "$target")
sum="$(fingerprint "$target")"
if [ "$files" -ne "$EXPECTED_FILES" ] || [ "$bytes" -ne "$EXPECTED_BYTES" ] || [ "$sum" != "$EXPECTED_FINGERPRINT" ]; then
  log "unexpected corpus: $files files, $bytes bytes, fingerprint $sum"
  exit 1
fi
touch "$target/.tokscan-corpus-ok"
log "built $target ($files files, $bytes bytes, fingerprint ok)"
echo "$target"
