#!/usr/bin/env bash
# Runs every test: the Java backend (library + API, real PostgreSQL), the frontend unit tests,
# the browser/contract tests across the whole stack, and the fault tests.
# On a fresh Debian machine it installs what it lacks (chromium, nginx, PostgreSQL's server
# binaries) with apt when it can; otherwise it stops before running anything and names the command.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# --- what the machine needs, before anything runs -------------------------------------------
missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# e2e/faults stops and starts a PostgreSQL it controls: Debian's server binaries.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && sudo=(sudo -n)
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ ${#sudo[@]} -gt 0 ]; }; then
    step "installing what this machine lacks: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    # The fault tests need the nginx and PostgreSQL binaries, not their system services: a temporary
    # policy-rc.d keeps the packages from starting them, and they are disabled after, so a Debian box
    # does not come back from its next boot with nginx on :80 or a PostgreSQL on :5432.
    policy_made=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      "${sudo[@]}" sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
      policy_made=1
    fi
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    [ "$policy_made" = 1 ] && "${sudo[@]}" rm -f /usr/sbin/policy-rc.d
    for service in nginx postgresql; do
      [ -e "/lib/systemd/system/$service.service" ] || [ -e "/etc/init.d/$service" ] || continue
      "${sudo[@]}" rm -f "/etc/systemd/system/multi-user.target.wants/$service.service"
      "${sudo[@]}" update-rc.d "$service" disable >/dev/null 2>&1 || true
      echo "test.sh: $service is installed for its binary only; its system service is left disabled"
    done
  else
    echo "test.sh: missing ${missing[*]}; install them first: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi
command -v node >/dev/null 2>&1 || { echo "test.sh: Node >= 20 with npm is needed: https://nodejs.org (or apt-get install nodejs npm)" >&2; exit 1; }

JAVA_HOME=$("$ROOT/scripts/java-home.sh"); export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
echo "JAVA_HOME=$JAVA_HOME  node $(node --version)  npm $(npm --version)"

# Each part's whole output goes to its own log under test-logs/; the terminal gets one line per part
# and, at the end, a table. A failing part prints the end of its log and where the rest is.
LOG_DIR=${TEST_LOG_DIR:-$ROOT/test-logs}
rm -rf "$LOG_DIR"; mkdir -p "$LOG_DIR"
rows=()
T_ALL=$(date +%s)
count_tests() { # kind, log → the number of tests the part ran
  case $1 in
    maven) grep -aE '^\[INFO\] Tests run: [0-9]+, Failures' "$2" | grep -v ' -- in ' | sed -E 's/.*Tests run: ([0-9]+).*/\1/' | awk '{ s += $1 } END { print s + 0 }' ;;
    vitest) grep -aE '^ +Tests +[0-9]+ passed' "$2" | tail -1 | sed -E 's/^ +Tests +([0-9]+) passed.*/\1/' ;;
    node) grep -aE '^(ℹ|#) pass [0-9]+' "$2" | sed -E 's/^(ℹ|#) pass //' | awk '{ s += $1 } END { print s + 0 }' ;;
    *) echo "–" ;;
  esac
}
part() { # name, kind (maven | vitest | node | build), command…
  local name=$1 kind=$2; shift 2
  local log="$LOG_DIR/$(printf '%02d' $(( ${#rows[@]} + 1 )))-$(echo "$name" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-').log"
  local t0; t0=$(date +%s)
  printf '\033[1m== %s\033[0m … ' "$name"
  if "$@" > "$log" 2>&1; then
    local n; n=$(count_tests "$kind" "$log" 2>/dev/null || true)
    rows+=("$name|${n:-–}|$(( $(date +%s) - t0 ))|pass")
    printf 'ok (%s tests, %s s)\n' "${n:-–}" "$(( $(date +%s) - t0 ))"
  else
    rows+=("$name|–|$(( $(date +%s) - t0 ))|FAIL")
    printf '\033[1;31mFAILED\033[0m after %s s; the last lines of %s:\n' "$(( $(date +%s) - t0 ))" "$log"
    tail -n 60 "$log" | sed 's/^/  /'
    summary
    exit 1
  fi
}
summary() {
  printf '\n%-62s %7s %7s  %s\n' "part" "tests" "secs" "result"
  for row in "${rows[@]}"; do
    IFS='|' read -r name n secs result <<< "$row"
    printf '%-62s %7s %7s  %s\n' "$name" "$n" "$secs" "$result"
  done
  printf '%-62s %7s %7s\n' "total" "" "$(( $(date +%s) - T_ALL ))"
  printf 'full output: %s/\n' "$LOG_DIR"
}

part "backend: library + task API (mvnw install)" maven \
  bash -c 'cd backend && ./mvnw -B -ntp install'

# The library's floor is Java 17 (task-api's is 25): its tests run again on a JDK 17, and the sample
# app, built on 17, runs on 17 against the starter installed above (built on 25 with --release 17).
jdk17=""
for d in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/*17* /usr/lib/jvm/*; do
  [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
  if "$d/bin/java" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 17$'; then
    jdk17=$d; break
  fi
done
if [ -n "$jdk17" ]; then
  part "library on JDK 17: better-auth-jwt + starter" maven \
    bash -c "cd backend && JAVA_HOME=$jdk17 ./mvnw -B -ntp -f better-auth-parent/pom.xml verify"
  part "library: sample app by coordinates (JDK 17)" maven \
    bash -c "cd backend && JAVA_HOME=$jdk17 ./mvnw -B -ntp -f better-auth-spring-boot-starter/sample/pom.xml verify"
else
  echo "test.sh: SKIPPING the library's Java 17 checks: no JDK 17 under /usr/lib/jvm (apt-get install openjdk-17-jdk-headless)" >&2
  part "library: sample app by coordinates" maven \
    bash -c 'cd backend && ./mvnw -B -ntp -f better-auth-spring-boot-starter/sample/pom.xml verify'
fi

# A Maven Central release, rehearsed: -Prelease signs with a throwaway key and makes the Central bundle
# (no upload, nothing installed); the script checks signatures, checksums and POMs as Central would.
if command -v gpg >/dev/null 2>&1; then
  part "library: Central bundle (-Prelease, throwaway key, no upload)" build \
    backend/better-auth-parent/scripts/check-central-bundle.sh
else
  echo "test.sh: SKIPPING the Central bundle check: no gpg (apt-get install gnupg)" >&2
fi

# Benchmarks are not run here (tests never time anything), but they must still build: bench/jmh once
# stopped compiling after a library API change and nobody saw it until the next benchmark.
part "bench: JMH, stock peer and tools still compile" build bash -c '
  set -e
  (cd bench/jmh && ../../backend/mvnw -B -q -ntp package -DskipTests)
  backend/mvnw -B -q -ntp -f bench/peer-spring/pom.xml package -DskipTests
  for tool in bench/tools/*.java; do
    classes=$(mktemp -d)
    javac -d "$classes" "$tool"
    rm -rf "$classes"
  done'

# The whole-system suites start ./run.sh on its default ports (3000, 8000, 8081, 15432); when one is
# taken (a ./run.sh of yours is up) they use four free ports from E2E_PORT_BASE instead: the web app
# reads the API's address at run time, so the same build serves both.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || (exec 3<>"/dev/tcp/::1/$1") 2>/dev/null; }
if [ -z "${E2E_PORT_BASE:-}" ] && { port_busy 3000 || port_busy 8000 || port_busy 8081 || port_busy 15432; }; then
  for base in $(seq 23000 10 23990); do
    port_busy "$base" || port_busy $((base + 1)) || port_busy $((base + 2)) || port_busy $((base + 3)) || { export E2E_PORT_BASE=$base; break; }
  done
  echo "test.sh: a default port (3000/8000/8081/15432) is in use, a ./run.sh?: the whole-system tests use ${E2E_PORT_BASE:-?}-$(( ${E2E_PORT_BASE:-0} + 3 ))"
fi

if [ -f frontend/package.json ]; then
  # node_modules is reinstalled only when the lock file is newer: a ./run.sh's web app may be running from it.
  part "frontend: typecheck, lint, unit tests" vitest \
    bash -c 'cd frontend && { [ -d node_modules ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] || npm ci --no-audit --no-fund; } && npm test'
fi

if [ -f e2e/package.json ]; then
  part "e2e: contract, security, browser tests (whole stack)" node \
    bash -c 'cd e2e && npm ci --no-audit --no-fund && npm test'
fi

if [ -d e2e/faults ]; then
  part "faults: outage, SIGTERM, failover, shared limits, logs, metrics" node \
    node --test --test-reporter=spec --test-concurrency=1 e2e/faults/
fi

summary
printf "all tests passed\n"
