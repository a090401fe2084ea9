#!/usr/bin/env python3
"""Summarises a JFR recording of the API: inclusive CPU share per method (sampled stacks) and where
exceptions are thrown. Needs only the JDK's `jfr` tool.
  python3 bench/tools/jfr_top.py bench/out/<stamp>.jfr [--filter dev.tasks,springframework] [--top 40]"""
import collections, os, re, subprocess, sys

def package(frame):
    parts = frame.split(".")[:-2]  # drop Class.method
    for prefix, depth in (("org.springframework.", 4), ("org.apache.", 3), ("io.micrometer.", 3), ("tools.jackson.", 3),
                          ("dev.tasks.", 4), ("com.", 3), ("org.", 3)):
        if frame.startswith(prefix):
            return ".".join(parts[:depth])
    return ".".join(parts[:3])

def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__); sys.exit(2)
    path = args[0]
    top = int(args[args.index("--top") + 1]) if "--top" in args else 40
    filt = args[args.index("--filter") + 1].split(",") if "--filter" in args else None
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
                         capture_output=True, text=True).stdout
    inclusive, self_, owner = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for ev in out.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w$.<>/]+)\(.*?\)\s+line:", ev, re.M)
        if not frames:
            continue
        total += 1
        self_[frames[0]] += 1
        # who is responsible: the first frame (from the top) outside the JDK, grouped by package
        first = next((f for f in frames if not f.startswith(("java.", "jdk.", "sun.", "com.sun."))), frames[0])
        owner[package(first)] += 1
        for m in set(frames):
            inclusive[m] += 1
    print(f"{total} CPU samples\n\nInclusive (a method and everything it calls):")
    for m, c in inclusive.most_common(100000):
        if filt and not any(f in m for f in filt):
            continue
        print(f"{100 * c / total:6.1f} %  {m}")
        top -= 1
        if top == 0:
            break
    print("\nSelf time by library (first non-JDK frame from the top, by package):")
    for m, c in owner.most_common(25):
        print(f"{100 * c / total:6.1f} %  {m}")
    print("\nSelf (top frame):")
    for m, c in self_.most_common(15):
        print(f"{100 * c / total:6.1f} %  {m}")
    exc = subprocess.run([jfr, "print", "--events", "jdk.JavaExceptionThrow", "--stack-depth", "8", path],
                         capture_output=True, text=True).stdout
    kinds = collections.Counter()
    for ev in exc.split("jdk.JavaExceptionThrow")[1:]:
        cls = re.search(r"thrownClass = ([\w$.]+)", ev)
        frames = re.findall(r"^\s+([\w$.<>/]+)\(.*?\)\s+line:", ev, re.M)
        where = next((f for f in frames if not f.startswith(("java.", "jdk.", "sun."))), frames[-1] if frames else "?")
        kinds[(cls.group(1) if cls else "?", where)] += 1
    if kinds:
        print("\nExceptions thrown (class, first non-JDK frame):")
        for (c, w), n in kinds.most_common(10):
            print(f"{n:7d}  {c}  at {w}")

try:
    main()
except BrokenPipeError:  # piped into head
    pass
