#!/usr/bin/env bash
# JMH micro-benchmarks of the per-request hot path (token verification, JSON).
#   bench/jmh/run.sh [JMH options…]      e.g. bench/jmh/run.sh TokenVerification -f 1 -i 3
# Installs the current better-auth-spring-boot-starter into the local Maven repository, builds bench/jmh, runs the
# benchmarks and writes bench/results/jmh-YYYY-MM-DD-HHMM.md (and bench/out/jmh-….json, not committed).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
JAVA_HOME=$("$ROOT/scripts/java-home.sh"); export JAVA_HOME
echo "[jmh] installing better-auth-spring-boot-starter into the local Maven repository"
(cd backend && ./mvnw -B -q -ntp -f better-auth-parent/pom.xml install -DskipTests)
echo "[jmh] building bench/jmh"
(cd bench/jmh && ../../backend/mvnw -B -q -ntp package)
mkdir -p bench/out bench/results
STAMP=$(date +%Y-%m-%d-%H%M)
JSON=bench/out/jmh-$STAMP.json
"$JAVA_HOME/bin/java" -jar bench/jmh/target/benchmarks.jar -rf json -rff "$JSON" "$@" | tee bench/out/jmh-$STAMP.txt
python3 - "$JSON" "bench/results/jmh-$STAMP.md" "$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)" <<'PY'
import json, sys, subprocess, datetime
runs = json.load(open(sys.argv[1]))
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
target = {"eddsaCached": "≤ 5 µs", "eddsaUncached": "≤ 200 µs"}
out = ["# JMH micro-benchmarks — %s" % datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"), "",
       "Machine: %s cores, %s; JDK %s. Produced by `bench/jmh/run.sh`." % (subprocess.getoutput("nproc"), cpu, sys.argv[3]), "",
       "| benchmark | mode | score | ± (99.9 %) | unit | target |", "|---|---|---:|---:|---|---|"]
for r in runs:
    name = r["benchmark"].rsplit(".", 2)
    short = name[-2] + "." + name[-1] + "".join(" (%s=%s)" % kv for kv in r.get("params", {}).items())
    m = r["primaryMetric"]
    t = target.get(name[-1], "")
    if t:
        limit = float(t.split()[1])
        t += " ✅" if m["score"] <= limit else " ❌"
    out.append("| %s | %s | %.2f | %.2f | %s | %s |" % (short, r["mode"], m["score"], m["scoreError"] if m["scoreError"] == m["scoreError"] else 0, m["scoreUnit"], t))
open(sys.argv[2], "w").write("\n".join(out) + "\n")
print("\n".join(out))
PY
echo "[jmh] results: bench/results/jmh-$STAMP.md"
