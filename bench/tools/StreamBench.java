// Benchmark helper for SPEC 1.8's live events: N open streams (GET /api/{user}/events) on one API
// instance while writes flow at a fixed rate; measures change-to-client latency, the API's RSS per
// stream and its CPU per delivered event. Single file, JDK only: `java bench/tools/StreamBench.java …`.
//
//   --api URL --users FILE (bench/tools/BenchTokens.java seed's output: "<user> <token> <task id> …")
//   --pid P (the API's process id: RSS and CPU from /proc)  [--streams 2000] [--rate 100] [--duration 30]
//   [--warmup 10] [--out FILE] [--histo-dir DIR (live-heap histograms, NMT summaries, thread dumps)]
//
// Phases: (A) writes alone for --duration (the API's CPU for the writes themselves); then N streams are
// opened, round-robin over the users (several tabs of one user), and once all are open and the JVM has
// collected garbage, RSS is read again; (B) the same writes for --duration with every stream open.
// A write is a toggle (PATCH …/complete) of the next task in turn, sent open-loop on a fixed schedule;
// its latency to each stream of its user is the event's arrival minus the write's send time (both
// System.nanoTime of this JVM), so it includes the write's own commit. CPU per event = (CPU in B - CPU in A)
// / events delivered in B. RSS per stream = (RSS with N open - RSS before) / streams added, each after a GC
// (jcmd); streams added = the API's open streams (LiveStream objects in the class histogram) with N open
// minus before: the warm-up's 50 are still open in the API at "before" (it notices a closed one at its next
// write), so dividing by N understated per-stream figures by 2.5 % up to 2026-12-07.
// Live heap per stream = the same difference of jcmd GC.class_histogram's total (a full GC first: only
// what survives it), which unlike RSS counts no uncollected garbage and no heap the JVM keeps committed.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class StreamBench {

    record User(String id, String token, long[] tasks) {}

    static final Pattern TASK_EVENT = Pattern.compile("\"id\":(\\d+)");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static volatile boolean measuring;
    static final AtomicLong events = new AtomicLong();
    static final AtomicLong lost = new AtomicLong();
    static final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    static long[] latencies = new long[4_000_000];
    static final AtomicInteger latencyCount = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        URI api = URI.create(opt.get("api"));
        long pid = Long.parseLong(opt.get("pid"));
        int streams = Integer.parseInt(opt.getOrDefault("streams", "2000"));
        int rate = Integer.parseInt(opt.getOrDefault("rate", "100"));
        int duration = Integer.parseInt(opt.getOrDefault("duration", "30"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));
        Path histoDir = opt.containsKey("histo-dir") ? Path.of(opt.get("histo-dir")) : null;
        List<User> users = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(opt.get("users")))) {
            String[] f = line.trim().split(" ");
            if (f.length < 3) continue;
            users.add(new User(f[0], f[1], Arrays.stream(f, 2, f.length).mapToLong(Long::parseLong).toArray()));
        }
        System.out.printf("%d users, %d streams, %d writes/s, %d s per phase%n", users.size(), streams, rate, duration);

        // Warm-up: writes and a few streams, so the JIT has seen both paths.
        List<AutoCloseable> warm = new ArrayList<>();
        CountDownLatch warmOpen = new CountDownLatch(Math.min(50, streams));
        for (int i = 0; i < Math.min(50, streams); i++) warm.add(open(api, users.get(i % users.size()), warmOpen));
        warmOpen.await(60, TimeUnit.SECONDS);
        writes(api, users, rate, warmup);
        for (AutoCloseable c : warm) c.close();
        Thread.sleep(2000);

        // (A) writes alone.
        gc(pid);
        long rssBefore = rssKib(pid);
        long[] histoBefore = liveHeap(pid, histoDir, "before");
        long heapBefore = histoBefore[0];
        int threadsBefore = threads(pid);
        long cpuA0 = cpuTicks(pid);
        writes(api, users, rate, duration);
        long cpuA = cpuTicks(pid) - cpuA0;

        // N streams open.
        long openStart = System.nanoTime();
        CountDownLatch opened = new CountDownLatch(streams);
        List<AutoCloseable> open = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            open.add(open(api, users.get(i % users.size()), opened));
            if (i % 100 == 99) Thread.sleep(50); // a ramp, not a SYN flood
        }
        if (!opened.await(120, TimeUnit.SECONDS)) {
            System.out.printf("only %d of %d streams opened%n", streams - opened.getCount(), streams);
        }
        double openSecs = (System.nanoTime() - openStart) / 1e9;
        Thread.sleep(3000);
        gc(pid);
        long rssOpen = rssKib(pid);
        long[] histoOpen = liveHeap(pid, histoDir, "open");
        long heapOpen = histoOpen[0];
        // The warm-up's streams are closed by this client, but the API notices only at its next write
        // (a heartbeat, every 15 s): they are still open in "before". Per stream = per stream opened since.
        long added = histoOpen[1] >= 0 && histoBefore[1] >= 0 ? histoOpen[1] - histoBefore[1] : streams;
        int threadsOpen = threads(pid);

        // (B) writes with every stream open.
        latencyCount.set(0);
        events.set(0);
        measuring = true;
        long cpuB0 = cpuTicks(pid);
        long sent = writes(api, users, rate, duration);
        Thread.sleep(1500); // the last writes' events
        measuring = false;
        long cpuB = cpuTicks(pid) - cpuB0;
        long rssAfter = rssKib(pid);
        for (AutoCloseable c : open) c.close();

        int n = latencyCount.get();
        long[] l = Arrays.copyOf(latencies, Math.min(n, latencies.length));
        Arrays.sort(l);
        long delivered = events.get();
        double tick = 1e6 / 100; // µs per clock tick (USER_HZ 100)
        StringBuilder r = new StringBuilder();
        r.append(String.format("streams=%d%nopened_in_s=%.1f%nwrites_per_s=%d%nwrites_sent=%d%nevents_delivered=%d%n",
                streams, openSecs, rate, sent, delivered));
        r.append(String.format("events_expected=%d%n", sent * streams / users.size()));
        if (l.length > 0) {
            r.append(String.format("latency_ms_p50=%.1f%nlatency_ms_p90=%.1f%nlatency_ms_p99=%.1f%nlatency_ms_max=%.1f%n",
                    l[l.length / 2] / 1e6, l[(int) (l.length * 0.9)] / 1e6, l[(int) (l.length * 0.99)] / 1e6, l[l.length - 1] / 1e6));
        }
        r.append(String.format("api_streams_added=%d%n", added));
        r.append(String.format("rss_before_mib=%.1f%nrss_open_mib=%.1f%nrss_end_of_b_mib=%.1f%nrss_per_stream_kib=%.1f%n",
                rssBefore / 1024.0, rssOpen / 1024.0, rssAfter / 1024.0, (rssOpen - rssBefore) / (double) added));
        r.append(String.format("heap_live_before_mib=%.1f%nheap_live_open_mib=%.1f%nheap_live_per_stream_kib=%.1f%n",
                heapBefore / 1048576.0, heapOpen / 1048576.0, (heapOpen - heapBefore) / 1024.0 / added));
        r.append(String.format("threads_before=%d%nthreads_open=%d%n", threadsBefore, threadsOpen));
        r.append(String.format("api_cpu_a_s=%.2f%napi_cpu_b_s=%.2f%n", cpuA * tick / 1e6, cpuB * tick / 1e6));
        if (delivered > 0) {
            r.append(String.format("api_cpu_per_event_us=%.1f%napi_cpu_per_event_all_in_us=%.1f%n",
                    (cpuB - cpuA) * tick / delivered, cpuB * tick / delivered));
        }
        System.out.print(r);
        if (opt.containsKey("out")) Files.writeString(Path.of(opt.get("out")), r.toString());
        System.exit(0);
    }

    /** Opens one stream on a virtual thread; counts the latch down at its first line. */
    static AutoCloseable open(URI api, User user, CountDownLatch opened) {
        AtomicLong closed = new AtomicLong();
        Thread reader = Thread.ofVirtual().start(() -> {
            var req = HttpRequest.newBuilder(api.resolve("/api/" + user.id() + "/events"))
                    .header("Authorization", "Bearer " + user.token()).header("Accept", "text/event-stream").GET().build();
            try {
                HttpResponse<java.io.InputStream> res = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
                if (res.statusCode() != 200) {
                    System.err.println("stream: HTTP " + res.statusCode());
                    opened.countDown();
                    return;
                }
                try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body()), 1024)) {
                    boolean first = true;
                    boolean task = false;
                    for (String line; (line = in.readLine()) != null; ) {
                        if (first) {
                            opened.countDown();
                            first = false;
                        }
                        if (line.startsWith("event: ")) {
                            task = line.equals("event: task");
                        } else if (task && line.startsWith("data: ")) {
                            long now = System.nanoTime();
                            task = false;
                            Matcher m = TASK_EVENT.matcher(line);
                            if (m.find() && measuring) {
                                events.incrementAndGet();
                                Long at = sentAt.get(Long.parseLong(m.group(1)));
                                if (at != null) {
                                    int k = latencyCount.getAndIncrement();
                                    if (k < latencies.length) latencies[k] = now - at;
                                }
                            }
                        }
                    }
                }
            } catch (Exception e) {
                if (closed.get() == 0 && lost.incrementAndGet() <= 3) System.err.println("stream: " + e);
            }
        });
        return () -> {
            closed.set(1);
            reader.interrupt();
        };
    }

    /** Toggles tasks in turn at `rate` per second for `seconds`, open loop; returns how many were sent. */
    static long writes(URI api, List<User> users, int rate, int seconds) throws InterruptedException {
        long total = (long) rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        AtomicLong failures = new AtomicLong();
        // At most 32 writes in flight (one connection each): a slow API must not get a connection flood.
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(32);
        long start = System.nanoTime();
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) Thread.sleep(Duration.ofNanos(wait));
                User u = users.get((int) (i % users.size()));
                long task = u.tasks()[(int) ((i / users.size()) % u.tasks().length)];
                inFlight.acquire();
                exec.submit(() -> {
                    var req = HttpRequest.newBuilder(api.resolve("/api/" + u.id() + "/tasks/" + task + "/complete"))
                            .header("Authorization", "Bearer " + u.token())
                            .method("PATCH", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
                    sentAt.put(task, System.nanoTime());
                    try {
                        var res = HTTP.send(req, HttpResponse.BodyHandlers.discarding());
                        if (res.statusCode() != 200 && failures.incrementAndGet() <= 3) {
                            System.err.println("write: HTTP " + res.statusCode());
                        }
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) System.err.println("write: " + e);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        double late = (System.nanoTime() - start) / 1e9 - seconds;
        if (late > 1) System.err.printf("writes: finished %.1f s behind schedule (the API could not keep up)%n", late);
        if (failures.get() > 0) System.err.println("writes: " + failures.get() + " failed");
        return total;
    }

    static long rssKib(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    static int threads(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) return Integer.parseInt(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    /** Live heap bytes (jcmd GC.class_histogram collects first: its total is what survives); the histogram
     * (and NMT's summary, when the API runs with -XX:NativeMemoryTracking=summary) go to dir when given. */
    /** {live heap bytes, open LiveStream objects (-1 if none found)}. */
    static long[] liveHeap(long pid, Path dir, String name) throws Exception {
        String histo = jcmd(pid, "GC.class_histogram");
        if (dir != null) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("histo-" + name + ".txt"), histo);
            Files.writeString(dir.resolve("nmt-" + name + ".txt"), jcmd(pid, "VM.native_memory", "summary"));
            Path dump = dir.resolve("threads-" + name + ".txt").toAbsolutePath();
            Files.deleteIfExists(dump);
            jcmd(pid, "Thread.dump_to_file", "-format=text", dump.toString()); // virtual threads too
        }
        Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(histo);
        Matcher open = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+dev\\.tasks\\.api\\.events\\.LiveStream$").matcher(histo);
        return new long[] {total.find() ? Long.parseLong(total.group(1)) : -1, open.find() ? Long.parseLong(open.group(1)) : 0};
    }

    static String jcmd(long pid, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    }

    static void gc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(1000);
    }
}
