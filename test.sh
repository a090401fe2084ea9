#!/usr/bin/env bash
# Runs every test: the Java backend (library + API, real PostgreSQL), the frontend unit tests,
# and the browser/contract tests across the whole stack. Installs what it needs on first use.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
JAVA_HOME=$("$ROOT/scripts/java-home.sh"); export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "backend: better-auth-spring + task-api (mvnw verify)"
(cd backend && ./mvnw -B -ntp verify)

if [ -f frontend/package.json ]; then
  step "frontend: install, typecheck, unit tests"
  (cd frontend && npm ci --no-audit --no-fund && npm test)
fi

if [ -f e2e/package.json ]; then
  step "e2e: contract tests and browser tests across the whole stack"
  (cd e2e && npm ci --no-audit --no-fund && npm test)
fi

if [ -d e2e/faults ]; then
  step "faults: PostgreSQL outage, SIGTERM under load, nginx failover, logs and metrics"
  node --test --test-concurrency=1 e2e/faults/
fi

step "all tests passed"
