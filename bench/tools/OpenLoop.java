// Open-loop (fixed-rate) HTTP load generator for bench/run.sh --open-loop. Single file, JDK only:
// `java bench/tools/OpenLoop.java …` runs on any JDK >= 21 without a build (wrk2 and vegeta are not in Debian).
//
//   run --url http://127.0.0.1:P --users users.txt --scenario list|mixed|health --rate R --duration S
//       [--warmup S] [--connections 32] [--timeout-ms 5000] [--threads platform|virtual]
//       Request i is due at t0 + i/R, whatever happened to the requests before it. A pool of keep-alive
//       HTTP/1.1 sockets (one thread each, one request in flight per socket) takes the due requests
//       in order; when every socket is busy a due request waits for one, and that wait is part of its
//       latency: latency runs from the INTENDED send time to the last byte of the answer, so a server stall
//       shows in every request due during it (no coordinated omission, unlike wrk's closed loop).
//       The first --warmup seconds run at the same rate and are not counted. Prints a summary and one line
//       "OPENLOOP {json}" (percentiles, errors, achieved rate, how late the generator itself sent, and its
//       own CPU per request) for bench/run.sh. The socket threads are platform threads by default: on a busy
//       2-core machine their sleeps end closer to the due time than virtual threads' (selftest send lag p99
//       1 ms against 10 ms at load average 10), and 32 of them cost nothing.
//       Scenarios, as bench/wrk/*.lua, round-robin over the users of users.txt ("<user id> <token> <task id>…"):
//         list   GET /api/{user}/tasks
//         mixed  per 20 requests, all of one user (the users take turns): 8 list, 8 get one, 2 toggle, 1 create,
//                1 delete of a task this run created
//         health GET /health
//   selftest [--threads platform|virtual]
//       checks the generator against a local server whose answer time is known: a steady 2 ms answer at 20 %
//       load (p50 must be close to 2 ms), and a 1 s stall in a 10 s run at 200 req/s (every request due during
//       the stall waits for its end: p99 must be near 0.9 s and max near 1 s; a closed loop would report ~1 ms).
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class OpenLoop {

    record User(String id, String token, long[] tasks) {}

    record Settings(URI url, List<User> users, String scenario, double rate, double seconds, double warmup,
            int connections, int timeoutMs, boolean platformThreads) {}

    record Result(String scenario, double rate, double seconds, long due, long completed, long ok, long non2xx,
            long errors, long unsent, long allCompleted, double achievedRps, double p50, double p90, double p99, double p999,
            double max, double mean, double lagP50, double lagP99, double socketWaitP99, double cpuUsPerReq, double cpuPct) {
        String json() {
            return String.format(Locale.ROOT,
                    "{\"scenario\":\"%s\",\"rate\":%.1f,\"duration_s\":%.1f,\"due\":%d,\"completed\":%d,\"ok\":%d,"
                            + "\"non2xx\":%d,\"errors\":%d,\"unsent\":%d,\"all_completed\":%d,\"achieved_rps\":%.1f,\"p50_ms\":%.3f,"
                            + "\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,\"max_ms\":%.3f,\"mean_ms\":%.3f,"
                            + "\"send_lag_p50_ms\":%.3f,\"send_lag_p99_ms\":%.3f,\"socket_wait_p99_ms\":%.3f,\"cpu_us_per_req\":%.1f,\"cpu_pct\":%.1f}",
                    scenario, rate, seconds, due, completed, ok, non2xx, errors, unsent, allCompleted, achievedRps, p50, p90, p99,
                    p999, max, mean, lagP50, lagP99, socketWaitP99, cpuUsPerReq, cpuPct);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        switch (args.length == 0 ? "" : args[0]) {
            case "run" -> {
                Settings s = new Settings(URI.create(required(opt, "url")),
                        opt.containsKey("users") ? users(Path.of(opt.get("users"))) : List.of(),
                        required(opt, "scenario"), Double.parseDouble(required(opt, "rate")),
                        Double.parseDouble(required(opt, "duration")), Double.parseDouble(opt.getOrDefault("warmup", "3")),
                        Integer.parseInt(opt.getOrDefault("connections", "32")),
                        Integer.parseInt(opt.getOrDefault("timeout-ms", "5000")),
                        !"virtual".equals(opt.getOrDefault("threads", "platform")));
                if (!s.scenario.equals("health") && s.users.isEmpty()) usage("--users is needed for " + s.scenario);
                Result r = run(s);
                System.out.println(summary(r));
                System.out.println("OPENLOOP " + r.json());
            }
            case "selftest" -> {
                platform = !"virtual".equals(opt.getOrDefault("threads", "platform"));
                System.exit(selftest() ? 0 : 1);
            }
            default -> usage("");
        }
    }

    static String required(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) usage("--" + name + " is needed");
        return v;
    }

    static void usage(String why) {
        if (!why.isEmpty()) System.err.println(why);
        System.err.println("usage: OpenLoop run --url URL --users FILE --scenario list|mixed|health --rate R --duration S"
                + " [--warmup S] [--connections C] [--timeout-ms MS]\n       OpenLoop selftest");
        System.exit(2);
    }

    static List<User> users(Path file) throws IOException {
        List<User> list = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] w = line.trim().split("\\s+");
            if (w.length < 2) continue;
            long[] tasks = Arrays.stream(w, 2, w.length).mapToLong(Long::parseLong).toArray();
            list.add(new User(w[0], w[1], tasks));
        }
        return list;
    }

    static String summary(Result r) {
        return String.format(Locale.ROOT,
                "open loop %s at %.0f req/s for %.0f s: achieved %.0f req/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                        + "p99.9 %.2f ms, max %.2f ms; non-2xx %d, errors %d, unsent %d; send lag p50 %.2f ms, p99 %.2f ms, "
                        + "socket wait p99 %.2f ms; "
                        + "generator CPU %.0f µs/req (%.0f %% of a core)",
                r.scenario, r.rate, r.seconds, r.achievedRps, r.p50, r.p90, r.p99, r.p999, r.max, r.non2xx, r.errors,
                r.unsent, r.lagP50, r.lagP99, r.socketWaitP99, r.cpuUsPerReq, r.cpuPct);
    }

    // --- the schedule --------------------------------------------------------------------------------

    /**
     * Per counted request (ns): latency (due → answered), send lag (how late the generator itself sent: from
     * the due time, or from when a socket came free if later, to the write) and socket wait (due → a socket
     * came free: the server is behind). One recorder per socket: no contention.
     */
    static final class Recorder {
        long[] latency = new long[1024];
        long[] lag = new long[1024];
        long[] wait = new long[1024];
        int n;
        long ok, non2xx, errors;
        /** Answers including the warm-up's, to divide the server's CPU time over the whole run by. */
        long all;

        void add(long latencyNs, long lagNs, long waitNs) {
            if (n == latency.length) {
                latency = Arrays.copyOf(latency, n * 2);
                lag = Arrays.copyOf(lag, n * 2);
                wait = Arrays.copyOf(wait, n * 2);
            }
            latency[n] = latencyNs;
            lag[n] = lagNs;
            wait[n++] = waitNs;
        }
    }

    static Result run(Settings s) throws Exception {
        double periodNs = 1e9 / s.rate;
        long warmNs = (long) (s.warmup * 1e9);
        long start = System.nanoTime() + 200_000_000L; // all sockets connected before the first due time
        long countFrom = start + warmNs;
        long end = countFrom + (long) (s.seconds * 1e9);
        long hardStop = end + Math.max(10_000_000_000L, 2L * s.timeoutMs * 1_000_000L);
        AtomicLong next = new AtomicLong();
        Requests requests = new Requests(s);
        List<Recorder> recorders = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] cpu = new long[2];
        long[] finished = new long[1];
        var threads = s.platformThreads ? Thread.ofPlatform().daemon().factory() : Thread.ofVirtual().factory();
        try (var exec = Executors.newThreadPerTaskExecutor(threads)) {
            exec.submit(() -> { // the generator's own CPU over the counted window
                sleepUntil(countFrom);
                cpu[0] = os.getProcessCpuTime();
                return null;
            });
            for (int c = 0; c < s.connections; c++) {
                Recorder rec = new Recorder();
                recorders.add(rec);
                exec.submit(() -> {
                    Connection conn = new Connection(s.url, s.timeoutMs);
                    try {
                        while (true) {
                            long i = next.getAndIncrement();
                            long due = start + (long) (i * periodNs);
                            long free = System.nanoTime(); // this socket is free from now
                            if (due >= end || System.nanoTime() > hardStop) break;
                            sleepUntil(due);
                            long sent = System.nanoTime();
                            Requests.Planned planned = requests.plan(i);
                            int status;
                            try {
                                Response res = conn.exchange(planned.bytes());
                                status = res.status;
                                requests.answered(planned, res);
                            } catch (IOException e) {
                                status = -1;
                                conn.close();
                            }
                            long done = System.nanoTime();
                            if (status >= 0) rec.all++;
                            if (due < countFrom) continue;
                            if (status < 0) {
                                rec.errors++;
                            } else {
                                if (status >= 200 && status < 400) rec.ok++;
                                else rec.non2xx++;
                                rec.add(done - due, sent - Math.max(due, free), Math.max(0, free - due));
                            }
                        }
                    } finally {
                        conn.close();
                    }
                    return null;
                });
            }
        }
        finished[0] = System.nanoTime();
        cpu[1] = os.getProcessCpuTime();

        long dueCounted = (long) Math.ceil((end - start) / periodNs) - (long) Math.ceil((countFrom - start) / periodNs);
        int total = recorders.stream().mapToInt(r -> r.n).sum();
        long[] lat = new long[total];
        long[] lag = new long[total];
        long[] wait = new long[total];
        int k = 0;
        long ok = 0, non2xx = 0, errors = 0;
        for (Recorder r : recorders) {
            System.arraycopy(r.latency, 0, lat, k, r.n);
            System.arraycopy(r.lag, 0, lag, k, r.n);
            System.arraycopy(r.wait, 0, wait, k, r.n);
            k += r.n;
            ok += r.ok;
            non2xx += r.non2xx;
            errors += r.errors;
        }
        Arrays.sort(lat);
        Arrays.sort(lag);
        Arrays.sort(wait);
        long completed = ok + non2xx;
        double window = (Math.max(end, finished[0]) - countFrom) / 1e9;
        double cpuSeconds = (cpu[1] - cpu[0]) / 1e9;
        double mean = total == 0 ? 0 : Arrays.stream(lat).average().orElse(0) / 1e6;
        return new Result(s.scenario, s.rate, s.seconds, dueCounted, completed, ok, non2xx, errors,
                Math.max(0, dueCounted - completed - errors), recorders.stream().mapToLong(r -> r.all).sum(),
                completed / window, pct(lat, 0.50), pct(lat, 0.90),
                pct(lat, 0.99), pct(lat, 0.999), total == 0 ? 0 : lat[total - 1] / 1e6, mean, pct(lag, 0.50), pct(lag, 0.99), pct(wait, 0.99),
                cpuSeconds * 1e6 / Math.max(1, completed + errors), cpuSeconds / window * 100);
    }

    static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : 80;
    }

    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    static void sleepUntil(long due) {
        for (long wait; (wait = due - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
    }

    // --- what to send ----------------------------------------------------------------------------------

    /** The scenario's requests, pre-built where they do not depend on earlier answers. */
    static final class Requests {
        record Planned(byte[] bytes, int creator) {}

        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
        private static final String BODY = "{\"title\":\"Created by OpenLoop\",\"description\":\"A task created by the benchmark.\"}";
        private final Settings s;
        private final String host;
        private final byte[] health;
        private final byte[][] list;
        /** Tasks this run created, (user index, task id), deleted in creation order. */
        private final ConcurrentLinkedQueue<long[]> created = new ConcurrentLinkedQueue<>();

        Requests(Settings s) {
            this.s = s;
            this.host = s.url.getHost() + ":" + port(s.url);
            this.health = build("GET", "/health", null, null);
            this.list = new byte[s.users.size()][];
            for (int u = 0; u < list.length; u++) {
                list[u] = build("GET", "/api/" + s.users.get(u).id + "/tasks", s.users.get(u).token, null);
            }
        }

        byte[] build(String method, String path, String token, String body) {
            StringBuilder sb = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append("\r\n");
            if (token != null) sb.append("Authorization: Bearer ").append(token).append("\r\n");
            if (body != null) {
                sb.append("Content-Type: application/json\r\nContent-Length: ")
                        .append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(body);
            } else {
                sb.append("\r\n");
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        Planned plan(long i) {
            if (s.scenario.equals("health")) return new Planned(health, -1);
            int n = list.length;
            int u = (int) (i % n);
            if (s.scenario.equals("list")) return new Planned(list[u], -1);
            if (!s.scenario.equals("mixed")) throw new IllegalArgumentException("no scenario " + s.scenario);
            // Each user takes whole cycles of 20 (lists, gets and writes), one user after another: with
            // i % n, as for list, user u would only ever make the operation i % 20 == u % 20, so the
            // users who list would never write and every list would be a list cache hit.
            u = (int) ((i / 20) % n);
            User user = s.users.get(u);
            long task = user.tasks.length == 0 ? 0 : user.tasks[(int) ((i / n) % user.tasks.length)];
            String base = "/api/" + user.id + "/tasks";
            int op = (int) (i % 20);
            if (op < 8) return new Planned(list[u], -1);
            if (op < 16) return new Planned(build("GET", base + "/" + task, user.token, null), -1);
            if (op == 18) return new Planned(build("POST", base, user.token, BODY), u);
            if (op == 19) {
                long[] c = created.poll();
                if (c != null) {
                    User owner = s.users.get((int) c[0]);
                    return new Planned(build("DELETE", "/api/" + owner.id + "/tasks/" + c[1], owner.token, null), -1);
                }
            }
            return new Planned(build("PATCH", base + "/" + task + "/complete", user.token, null), -1);
        }

        void answered(Planned planned, Response res) {
            if (planned.creator >= 0 && res.status == 201) {
                Matcher m = ID.matcher(new String(res.body, StandardCharsets.UTF_8));
                if (m.find()) created.add(new long[] {planned.creator, Long.parseLong(m.group(1))});
            }
        }
    }

    // --- HTTP/1.1 over a plain socket -----------------------------------------------------------------

    record Response(int status, byte[] body) {}

    /** One keep-alive connection, reopened after an error or a "Connection: close" answer. */
    static final class Connection {
        private final URI url;
        private final int timeoutMs;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI url, int timeoutMs) {
            this.url = url;
            this.timeoutMs = timeoutMs;
        }

        Response exchange(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(url.getHost(), port(url)), timeoutMs);
                socket.setSoTimeout(timeoutMs);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.")) throw new IOException("not an HTTP answer: " + statusLine);
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false, close = false;
            for (String h; !(h = line()).isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                    copy(size, body);
                    line();
                }
                while (!line().isEmpty()) {} // trailers
            } else if (length > 0) {
                copy(length, body);
            } else if (length < 0 && status != 204 && status != 304) {
                close = true; // body until EOF: read it all
                in.transferTo(body);
            }
            if (close) close();
            return new Response(status, body.toByteArray());
        }

        private void copy(long n, ByteArrayOutputStream to) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(n, buf.length));
                if (r < 0) throw new IOException("connection closed in the body");
                to.write(buf, 0, r);
                n -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) throw new IOException("connection closed");
                if (c != '\r') sb.append((char) c);
            }
            return sb.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }

    // --- self-test --------------------------------------------------------------------------------------

    static boolean selftest() throws Exception {
        boolean pass = true;
        // One worker thread answers in 2 ms: at 100 req/s (20 % busy) the latency is the answer time.
        pass &= check("steady 2 ms answers, 100 req/s", 2, 0, 100, 5, r -> r.p50 >= 1.9 && r.p50 <= 4 && r.errors == 0,
                "p50 between 1.9 and 4 ms");
        // 1 ms answers at 200 req/s with one stall of 1 s, 5 s into a 10 s window: the ~200 requests due during
        // the stall wait up to 1 s, so p99 (the 20 slowest of 2000) is about 0.9 s and max about 1 s.
        pass &= check("1 s stall in 10 s, 1 ms answers, 200 req/s", 1, 5, 200, 10,
                r -> r.p99 >= 800 && r.p99 <= 1050 && r.max >= 950 && r.max <= 1200 && r.errors == 0,
                "p99 800-1050 ms, max 950-1200 ms");
        System.out.println(pass ? "selftest: PASS" : "selftest: FAIL");
        return pass;
    }

    interface Expectation {
        boolean holds(Result r);
    }

    static boolean platform = true;

    static boolean check(String name, long answerMs, double stallAt, double rate, double seconds, Expectation expected,
            String expectation) throws Exception {
        double warmup = 3;
        // Without TCP_NODELAY the JDK server's body write waits for the delayed ACK of its header write (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        long stallFrom = System.nanoTime() + (long) ((0.2 + warmup + stallAt) * 1e9);
        long stallTo = stallFrom + 1_000_000_000L;
        byte[] ok = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/health", ex -> {
            long now = System.nanoTime();
            if (stallAt > 0 && now >= stallFrom && now < stallTo) sleepUntil(stallTo);
            sleepUntil(System.nanoTime() + answerMs * 1_000_000L);
            ex.sendResponseHeaders(200, ok.length);
            try (var os = ex.getResponseBody()) {
                os.write(ok);
            }
        });
        // A thread per request: the answer time is a pure delay, not a capacity limit of this test server.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            Result r = run(new Settings(url, List.of(), "health", rate, seconds, warmup, 32, 5000, platform));
            boolean holds = expected.holds(r);
            System.out.println((holds ? "ok   " : "FAIL ") + name + " (expected " + expectation + "): " + summary(r));
            return holds;
        } finally {
            server.stop(0);
        }
    }
}
