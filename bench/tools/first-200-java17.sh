#!/usr/bin/env bash
# From the starter README to the first 200 on Java 17, timed, as an outsider would go: an empty
# Maven home, the library installed from source as the README says (no public repository yet), the
# README's quick-start app (backend/better-auth-spring-boot-starter/sample) built and run on JDK 17,
# and a token from a real Better Auth (the frontend's installed better-auth, jwt() plugin, EdDSA).
# Reading time is not counted: this measures what the machine makes you wait for.
#
#   bench/tools/first-200-java17.sh            # needs network to Maven Central and frontend/node_modules
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JDK17=${JDK17:-$(ls -d /usr/lib/jvm/java-17-openjdk-* 2>/dev/null | head -1)}
[ -x "$JDK17/bin/java" ] || { echo "no JDK 17 found (set JDK17)" >&2; exit 1; }
WORK=$(mktemp -d /tmp/first-200.XXXXXX)
REPO=$WORK/m2
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
export JAVA_HOME=$JDK17

t0=$(now)
echo "JDK: $("$JDK17/bin/java" -version 2>&1 | head -1); empty Maven home $REPO"
(cd "$ROOT/backend/better-auth-parent" && ../mvnw -B -q -ntp -Dmaven.repo.local="$REPO" install -DskipTests) >"$WORK/install.log" 2>&1 \
  || { tail -30 "$WORK/install.log"; exit 1; }
t_install=$(since "$t0")
echo "1. README 'Get it': mvnw install -DskipTests of the library: ${t_install} s"

cp -r "$ROOT/backend/better-auth-spring-boot-starter/sample" "$WORK/app"
t1=$(now)
(cd "$WORK/app" && "$ROOT/backend/mvnw" -B -q -ntp -Dmaven.repo.local="$REPO" package -DskipTests) >"$WORK/package.log" 2>&1 \
  || { tail -30 "$WORK/package.log"; exit 1; }
t_package=$(since "$t1")
echo "2. the quick-start app (Boot 4, the starter by its coordinates) packaged on JDK 17: ${t_package} s"

# A real Better Auth with one user; prints its base URL and a JWT of that user.
node --input-type=module -e "
import { startBetterAuthServer } from '$ROOT/e2e/support/better-auth.mjs';
const server = await startBetterAuthServer();
const auth = server.use();
const { headers } = await auth.api.signUpEmail({ body: { email: 'first@example.com', password: 'first-200-password', name: 'First' }, returnHeaders: true });
const cookie = headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const res = await fetch(server.baseURL + '/api/auth/token', { headers: { cookie } });
console.log(server.baseURL + ' ' + (await res.json()).token);
setInterval(() => {}, 1 << 30);
" >"$WORK/better-auth.out" 2>"$WORK/better-auth.err" &
for _ in $(seq 1 300); do [ -s "$WORK/better-auth.out" ] && break; sleep 0.1; done
read -r ISSUER TOKEN <"$WORK/better-auth.out" || { cat "$WORK/better-auth.err"; exit 1; }

t2=$(now)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$JDK17/bin/java" -jar "$WORK"/app/target/better-auth-sample-*.jar --server.port="$PORT" --better-auth.url="$ISSUER" \
  >"$WORK/app.log" 2>&1 &
status=000
for _ in $(seq 1 600); do
  status=$(curl -s -o "$WORK/me.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/me" || true)
  [ "$status" = 200 ] && break
  sleep 0.1
done
[ "$status" = 200 ] || { tail -30 "$WORK/app.log"; echo "no 200 (last status $status)" >&2; exit 1; }
t_start=$(since "$t2")
echo "3. started on JDK 17 against Better Auth at $ISSUER, first 200 for /api/me: ${t_start} s ($(cat "$WORK/me.json"))"
echo "total, empty Maven home to first 200: $(since "$t0") s; Maven home now $(du -sm "$REPO" | cut -f1) MiB"
rm -rf "$WORK"
