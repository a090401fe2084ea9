#!/usr/bin/env bash
# Prints a JAVA_HOME whose java is version 21 or newer (25 preferred), or fails with a hint.
# Sourced by run.sh, test.sh and bench scripts so nothing depends on the java on PATH.
set -euo pipefail
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'; }
candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*21* /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
  [ -d "$d" ] && candidates+=("$d")
done
if command -v java >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
fi
best=""; best_major=0
for d in "${candidates[@]}"; do
  [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
  m=$(java_major "$d" || echo 0); m=${m%%.*}
  if [ "${m:-0}" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$d"; best_major="$m"; fi
done
if [ -z "$best" ]; then
  echo "No JDK >= 21 found. Install one (e.g. apt-get install openjdk-21-jdk or Temurin 25) or set JAVA_HOME." >&2
  exit 1
fi
echo "$best"
