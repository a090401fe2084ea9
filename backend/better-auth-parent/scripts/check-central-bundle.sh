#!/usr/bin/env bash
# Rehearses a Maven Central release of the library without uploading anything: a throwaway gpg key
# made here, in a temporary GNUPGHOME; a copy of the library at a release version (VERSION, default the
# SNAPSHOT's number) built with -Prelease up to the Central bundle (-DskipUpload=true, nothing installed
# into ~/.m2); then the bundle checked against Central's rules: every artifact has a signature that
# verifies and md5/sha1 checksums that match, each jar module has a jar, -sources and -javadoc jar,
# every POM has name, description, url, licenses, developers and scm (own or its parent's), no
# SNAPSHOT anywhere, and LICENSE inside every jar (classes, sources, javadoc). Prints what the bundle holds.
# Needs gpg and a JDK 17+ (JAVA_HOME); Maven comes from backend/mvnw.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BACKEND=$(cd "$HERE/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-$("$BACKEND/../scripts/java-home.sh")}; export JAVA_HOME
command -v gpg >/dev/null || { echo "check-central-bundle: gpg is needed (apt-get install gnupg)" >&2; exit 1; }
SNAPSHOT=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$BACKEND/better-auth-parent/pom.xml" | head -1)
VERSION=${VERSION:-${SNAPSHOT%-SNAPSHOT}}
WORK=$(mktemp -d)
trap 'gpgconf --homedir "$WORK/gnupg" --kill gpg-agent 2>/dev/null || true; rm -rf "$WORK"' EXIT
fail() { echo "check-central-bundle: FAIL: $*" >&2; exit 1; }

# A throwaway signing key: no passphrase, expires tomorrow, gone with $WORK.
export GNUPGHOME="$WORK/gnupg"; mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-generate-key 2>/dev/null 'better-auth-java release rehearsal <rehearsal@example.invalid>' ed25519 sign 1d
KEY=$(gpg --batch --with-colons --list-secret-keys | awk -F: '/^fpr/ {print $10; exit}')
echo "throwaway key $KEY"

# A copy at the release version, so the working tree and ~/.m2's SNAPSHOTs stay as they are.
mkdir "$WORK/src"
tar -C "$BACKEND" --exclude=target --exclude=sample -cf - mvnw .mvn better-auth-parent better-auth-jwt better-auth-spring-boot-starter \
  | tar -C "$WORK/src" -xf -
for pom in "$WORK"/src/better-auth-*/pom.xml; do sed -i "s:<version>$SNAPSHOT</version>:<version>$VERSION</version>:" "$pom"; done
(cd "$WORK/src" && ./mvnw -B -ntp -f better-auth-parent/pom.xml -Prelease deploy \
  -DskipTests -Dmaven.install.skip=true -DskipUpload=true -Dgpg.keyname="$KEY") > "$WORK/build.log" 2>&1 \
  || { tail -n 60 "$WORK/build.log"; fail "the release build failed"; }
BUNDLE=$(find "$WORK/src" -path '*/central-publishing/central-bundle.zip' | head -1)
[ -n "$BUNDLE" ] || { tail -n 40 "$WORK/build.log"; fail "no central-bundle.zip was made"; }
mkdir "$WORK/bundle"; (cd "$WORK/bundle" && "$JAVA_HOME/bin/jar" xf "$BUNDLE")
cd "$WORK/bundle"

G=io/github/betterauthjava
expect=(
  "$G/better-auth-parent/$VERSION/better-auth-parent-$VERSION.pom"
)
for a in better-auth-jwt better-auth-spring-boot-starter; do
  for f in .pom .jar -sources.jar -javadoc.jar; do expect+=("$G/$a/$VERSION/$a-$VERSION$f"); done
done
for f in "${expect[@]}"; do [ -f "$f" ] || fail "missing $f"; done

artifacts=$(find . -type f ! -name '*.asc' ! -name '*.md5' ! -name '*.sha1' ! -name '*.sha256' ! -name '*.sha512' | sed 's:^\./::' | sort)
for f in $artifacts; do
  [ -f "$f.asc" ] || fail "$f has no signature"
  gpg --batch --quiet --verify "$f.asc" "$f" 2>/dev/null || fail "$f.asc does not verify"
  [ "$(cat "$f.md5")" = "$(md5sum < "$f" | cut -d' ' -f1)" ] || fail "$f.md5 does not match"
  [ "$(cat "$f.sha1")" = "$(sha1sum < "$f" | cut -d' ' -f1)" ] || fail "$f.sha1 does not match"
  case $f in *SNAPSHOT*) fail "$f is a SNAPSHOT" ;; esac
done

has() { grep -qE "<$2[ >]" "$1"; } # pom, element
parent_pom="$G/better-auth-parent/$VERSION/better-auth-parent-$VERSION.pom"
for pom in $(printf '%s\n' $artifacts | grep '\.pom$'); do
  ! grep -q SNAPSHOT "$pom" || fail "$pom names a SNAPSHOT"
  a=$(basename "$(dirname "$(dirname "$pom")")")
  for e in name description url; do has "$pom" $e || fail "$pom has no <$e>"; done
  if [ "$a" != better-auth-parent ]; then
    # The module's own page, not the parent's url with the artifactId appended.
    grep -q "<url>https://github.com/.*/backend/$a</url>" "$pom" || fail "$pom's url is not the module's own"
  fi
  for e in licenses developers scm; do has "$pom" $e || has "$parent_pom" $e || fail "$pom (and its parent) has no <$e>"; done
done
for jar in $(printf '%s\n' $artifacts | grep '\.jar$'); do
  "$JAVA_HOME/bin/jar" tf "$jar" | grep -qx 'META-INF/LICENSE' || fail "$jar has no META-INF/LICENSE"
done

echo "central bundle of $VERSION ($(du -k "$BUNDLE" | cut -f1) KiB, $(find . -type f | wc -l) files): each artifact below"
echo "with .asc (verified), .md5 and .sha1 (matched), .sha256 and .sha512; POMs complete, LICENSE in the jars"
for f in $artifacts; do printf '  %8s  %s\n' "$(stat -c %s "$f")" "$f"; done
