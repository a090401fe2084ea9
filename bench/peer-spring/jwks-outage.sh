#!/usr/bin/env bash
# What the stock resource server (this peer) answers when Better Auth's JWKS goes down, past its 5-minute key
# cache: two peers (the chain as shipped, /error protected; PEER_PERMIT_ERROR=true, /error open), an RS256 JWKS
# from bench/tools/BenchTokens.java, probes with a known and an unknown kid while up, at once after the JWKS
# stops, and 330 s later. Takes ~6 minutes; the cache is not shortened. Build the peer first:
# backend/mvnw -f bench/peer-spring/pom.xml package -DskipTests. Ports BASE..BASE+2 (default 18310).
set -u
J="$("$(dirname "$0")/../../scripts/java-home.sh")/bin/java"
ROOT=$(cd "$(dirname "$0")/../.." && pwd); cd "$ROOT"
W=$(mktemp -d); B=${BASE:-18310}
$J bench/tools/BenchTokens.java serve --port $B --dir $W --users 2 --alg RS256 > $W/jwks.log 2>&1 & JWKS=$!
for i in $(seq 60); do [ -s $W/tokens.tsv ] && break; sleep 1; done
BETTER_AUTH_URL=http://127.0.0.1:$B PORT=$((B+1)) $J -Xmx256m -jar bench/peer-spring/target/peer-spring.jar > $W/peer-default.log 2>&1 & P1=$!
BETTER_AUTH_URL=http://127.0.0.1:$B PORT=$((B+2)) PEER_PERMIT_ERROR=true $J -Xmx256m -jar bench/peer-spring/target/peer-spring.jar > $W/peer-error.log 2>&1 & P2=$!

for port in $((B+1)) $((B+2)); do for i in $(seq 120); do curl -sf http://127.0.0.1:$port/health >/dev/null && break; sleep 1; done; done
USER=$(head -1 $W/tokens.tsv | cut -f1); TOKEN=$(head -1 $W/tokens.tsv | cut -f2)
HDR=$(echo "$TOKEN" | cut -d. -f1); OTHER=$(printf '{"alg":"RS256","kid":"unknown-kid"}' | base64 -w0 | tr '+/' '-_' | tr -d '=')
UNKNOWN="$OTHER.$(echo "$TOKEN" | cut -d. -f2-)"
probe() { # label
  for port in $((B+1)) $((B+2)); do
    for t in known unknown; do
      tok=$TOKEN; [ $t = unknown ] && tok=$UNKNOWN
      echo "== $1 port=$port token=$t"
      curl -s -m 30 -D - -o $W/body -H "Authorization: Bearer $tok" http://127.0.0.1:$port/api/$USER/tasks | grep -v '^Date\|^$' ; echo "body: $(head -c 300 $W/body)"
    done
  done
}
exec > >(tee "$W/result.txt")
probe "JWKS up"
kill $JWKS; echo "JWKS killed at $(date -u +%T)"
probe "JWKS down, at once"
sleep 330
echo "after 330 s at $(date -u +%T)"
probe "JWKS down 5.5 min"
kill $P1 $P2
echo done
