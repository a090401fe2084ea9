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
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "test.sh: missing ${missing[*]}; install them first: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi
command -v node >/dev/null 2>&1 || { echo "test.sh: Node >= 20 with npm is needed: https://nodejs.org (or apt-get install nodejs npm)" >&2; exit 1; }

JAVA_HOME=$("$ROOT/scripts/java-home.sh"); export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
echo "JAVA_HOME=$JAVA_HOME  node $(node --version)  npm $(npm --version)"

step "backend: better-auth-jwt + better-auth-spring-boot-starter + task-api (mvnw install: verify, then the library into ~/.m2)"
(cd backend && ./mvnw -B -ntp install)

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
  step "library on JDK 17 ($jdk17): better-auth-jwt and the starter, built and tested"
  (cd backend && JAVA_HOME=$jdk17 ./mvnw -B -ntp -f better-auth-parent/pom.xml verify)
  step "library: a sample app outside the reactor takes the starter by its coordinates (JDK 17)"
  (cd backend && JAVA_HOME=$jdk17 ./mvnw -B -ntp -f better-auth-spring-boot-starter/sample/pom.xml verify)
else
  echo "test.sh: SKIPPING the library's Java 17 checks: no JDK 17 under /usr/lib/jvm (apt-get install openjdk-17-jdk-headless)" >&2
  step "library: a sample app outside the reactor takes the starter by its coordinates ($JAVA_HOME)"
  (cd backend && ./mvnw -B -ntp -f better-auth-spring-boot-starter/sample/pom.xml verify)
fi

# Benchmarks are not run here (tests never time anything), but they must still build: bench/jmh once
# stopped compiling after a library API change and nobody saw it until the next benchmark.
step "bench: JMH, the stock Spring peer and the single-file tools still compile"
(cd bench/jmh && ../../backend/mvnw -B -q -ntp package -DskipTests)
backend/mvnw -B -q -ntp -f bench/peer-spring/pom.xml package -DskipTests
for tool in bench/tools/*.java; do
  classes=$(mktemp -d)
  javac -d "$classes" "$tool"
  rm -rf "$classes"
done

if [ -f frontend/package.json ]; then
  step "frontend: install, typecheck, lint (ESLint, Prettier over frontend/ and e2e/), unit tests"
  (cd frontend && npm ci --no-audit --no-fund && npm test)
fi

if [ -f e2e/package.json ]; then
  step "e2e: contract, security and browser tests across the whole stack"
  (cd e2e && npm ci --no-audit --no-fund && npm test)
fi

if [ -d e2e/faults ]; then
  step "faults: PostgreSQL outage, SIGTERM under load, nginx failover, logs and metrics"
  node --test --test-concurrency=1 e2e/faults/
fi

step "all tests passed"
