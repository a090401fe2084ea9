// Turns one bench/run.sh run (results.tsv, startup.tsv, meta.env) into a dated Markdown report with the
// issue's targets checked, and a PNG chart (throughput and p99 per scenario). JDK only (headless AWT).
//   java -Djava.awt.headless=true bench/tools/BenchReport.java results.tsv startup.tsv meta.env out.md out.png
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

public class BenchReport {
    record Row(Map<String, String> cols) {
        String s(String k) { return cols.getOrDefault(k, ""); }
        double d(String k) { return Double.parseDouble(cols.get(k)); }
    }

    static List<Row> tsv(Path p) throws Exception {
        List<String> lines = Files.readAllLines(p);
        String[] head = lines.get(0).split("\t");
        List<Row> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (l.isBlank()) continue;
            String[] v = l.split("\t", -1);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < head.length; i++) m.put(head[i], i < v.length ? v[i] : "");
            rows.add(new Row(m));
        }
        return rows;
    }

    public static void main(String[] a) throws Exception {
        Locale.setDefault(Locale.ROOT);
        List<Row> res = tsv(Path.of(a[0]));
        List<Row> starts = tsv(Path.of(a[1]));
        Map<String, String> meta = new LinkedHashMap<>();
        for (String l : Files.readAllLines(Path.of(a[2]))) {
            int i = l.indexOf('=');
            if (i > 0) meta.put(l.substring(0, i), l.substring(i + 1));
        }
        Path md = Path.of(a[3]), png = Path.of(a[4]);
        Map<String, Row> by = new LinkedHashMap<>();
        res.forEach(r -> by.put(r.s("scenario"), r));

        StringBuilder o = new StringBuilder();
        o.append("# Task API benchmark — ").append(meta.get("date"));
        if (!meta.getOrDefault("label", "").isBlank()) o.append(" — ").append(meta.get("label"));
        o.append("\n\nProduced by `bench/run.sh` (commit ").append(meta.get("commit")).append("). ")
                .append(
                        "1".equals(meta.get("rate_limits"))
                                ? "Rate limits ON (`--rate-limits`: buckets in PostgreSQL, set far above the load: every request pays for its bucket, none is refused). "
                                : "Rate limits OFF (`RATE_LIMIT_USER_RPS=0`, `RATE_LIMIT_IP_RPS=0`). ")
                .append("Real EdDSA (Ed25519) tokens verified against a local JWKS endpoint. ")
                .append("**wrk and the API (and its embedded PostgreSQL) share the same ")
                .append(meta.get("cpus")).append(" cores.**\n\n");
        o.append("| machine | |\n|---|---|\n");
        for (String[] k : new String[][] {{"cpus", "cores (nproc)"}, {"cpu_model", "CPU"}, {"ram", "RAM"}, {"kernel", "kernel"},
                {"jdk", "JDK"}, {"jvm_opts", "API JVM flags"}, {"wrk", "load generator"}, {"wrk_cmd", "wrk command"},
                {"data", "data"}, {"loadavg", "load average at start"}}) {
            String v = meta.getOrDefault(k[0], "");
            if (k[0].equals("wrk_cmd") || k[0].equals("jvm_opts")) v = "`" + v + "`";
            o.append("| ").append(k[1]).append(" | ").append(v).append(" |\n");
        }
        o.append("| duration | ").append(meta.get("warmup")).append(" s warm-up (discarded), then ")
                .append(meta.get("duration")).append(" s measured per scenario |\n\n");

        double otherAvg = res.stream().mapToDouble(r -> r.cols().containsKey("other_cpu_pct") ? r.d("other_cpu_pct") : 0).average().orElse(0);
        if (otherAvg >= 10) {
            o.append("> **Disturbed run:** other processes on the machine used %.0f %% CPU (of one core) on average while the scenarios ran (load average at start: %s). Throughput and latency are lower than the API can do on a quiet machine; CPU µs/req are the more comparable figures. Rerun `bench/run.sh` when the machine is idle.\n\n"
                    .formatted(otherAvg, meta.getOrDefault("loadavg", "?")));
        }
        o.append("![throughput and p99 per scenario](").append(png.getFileName()).append(")\n\n");
        o.append("| scenario | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | requests | socket errors | non-2xx | API RSS max MiB | API CPU % | PostgreSQL CPU % | wrk CPU % | other CPU % | API CPU µs/req | PostgreSQL CPU µs/req |\n");
        o.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : res) {
            o.append("| ").append(r.s("scenario"));
            for (String k : new String[] {"rps", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "requests", "errors", "non2xx",
                    "rss_max_mib", "api_cpu_pct", "pg_cpu_pct", "wrk_cpu_pct", "other_cpu_pct", "api_cpu_us_per_req", "pg_cpu_us_per_req"}) o.append(" | ").append(r.s(k));
            o.append(" |\n");
        }
        o.append("\nCPU % is of one core (200 % = both cores busy); \"other\" is every other process on the machine during the run (it should be ~0: more means the figures are disturbed). CPU µs/req (CPU time of the process / requests) is the cost of one request, which other load on the machine hardly changes. Latencies are wrk's (closed loop, ")
                .append("so they hide queueing a fixed-rate load would show).\n\n");

        o.append("## Start-up\n\n| start | to ready (`/health/ready` 200) | idle RSS MiB | Spring Boot says |\n|---|---:|---:|---|\n");
        for (Row r : starts) o.append("| ").append(r.s("start")).append(" | ").append(r.s("ready_ms")).append(" ms | ")
                .append(r.s("idle_rss_mib")).append(" | ").append(r.s("spring_says")).append(" |\n");
        o.append("\nJWKS fetches by the API during the whole run: ").append(meta.getOrDefault("jwks_fetches", "?")).append(".\n\n");

        o.append("## Targets (issue 6)\n\n| target | measured | |\n|---|---|---|\n");
        Row health = by.get("health"), list = by.get("list"), mixed = by.get("mixed"), big = by.get("list-100k");
        if (health != null && list != null) {
            double pct = 100 * list.d("rps") / health.d("rps");
            target(o, "authenticated list ≥ 50 % of /health req/s", "%.0f / %.0f req/s = %.0f %%".formatted(list.d("rps"), health.d("rps"), pct), pct >= 50);
        }
        if (list != null) {
            target(o, "list p99 ≤ 25 ms", list.s("p99_ms") + " ms", list.d("p99_ms") <= 25);
            target(o, "list: zero errors", errs(list), errCount(list) == 0);
        }
        if (mixed != null) {
            target(o, "mixed 80/20 p99 ≤ 40 ms", mixed.s("p99_ms") + " ms", mixed.d("p99_ms") <= 40);
            target(o, "mixed: zero errors", errs(mixed), errCount(mixed) == 0);
        }
        if (big != null && list != null) {
            double r50 = big.d("p50_ms") / list.d("p50_ms"), r99 = big.d("p99_ms") / list.d("p99_ms");
            target(o, "list latency at 100 k tasks within 20 % of 1 k",
                    "p50 %s vs %s ms (%+.0f %%), p99 %s vs %s ms (%+.0f %%), req/s %s vs %s".formatted(big.s("p50_ms"), list.s("p50_ms"),
                            100 * (r50 - 1), big.s("p99_ms"), list.s("p99_ms"), 100 * (r99 - 1), big.s("rps"), list.s("rps")), r50 <= 1.2);
        }
        double rss = res.stream().mapToDouble(r -> r.d("rss_max_mib")).max().orElse(0);
        target(o, "API RSS under load ≤ 350 MiB", "%.0f MiB (max over all scenarios)".formatted(rss), rss <= 350);
        for (Row s : starts) {
            if (s.s("start").startsWith("first")) continue;
            double ms = s.d("ready_ms");
            target(o, "start-up to ready ≤ 3 s — " + s.s("start"), "%.2f s".formatted(ms / 1000), ms <= 3000);
        }
        long allErr = res.stream().mapToLong(BenchReport::errCount).sum();
        target(o, "every scenario: zero errors / non-2xx", allErr + "", allErr == 0);
        Files.writeString(md, o);

        try {
            chart(res, png, meta);
        } catch (Throwable t) {
            System.err.println("no chart: " + t);
        }
    }

    static long errCount(Row r) { return Long.parseLong(r.s("errors")) + Long.parseLong(r.s("non2xx")); }
    static String errs(Row r) { return r.s("errors") + " socket errors, " + r.s("non2xx") + " non-2xx of " + r.s("requests"); }
    static void target(StringBuilder o, String what, String measured, boolean ok) {
        o.append("| ").append(what).append(" | ").append(measured).append(" | ").append(ok ? "✅ met" : "❌ missed").append(" |\n");
    }

    static void chart(List<Row> res, Path png, Map<String, String> meta) throws Exception {
        int w = 1000, h = 460, n = res.size();
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Task API — " + meta.get("date") + " — " + meta.get("cpus") + " cores shared by wrk and the API, wrk "
                + meta.get("wrk_cmd").replaceAll(".*?(-t\\d+ -c\\d+ -d\\d+s).*", "$1"), 20, 24);
        double other = res.stream().mapToDouble(r -> r.cols().containsKey("other_cpu_pct") ? r.d("other_cpu_pct") : 0).average().orElse(0);
        if (other >= 10) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.RED);
            g.drawString("other processes used %.0f %% CPU (of one core) on average during the runs: figures disturbed".formatted(other), 20, h - 8);
            g.setColor(Color.BLACK);
        }
        panel(g, res, "throughput (req/s)", "rps", 20, 50, w / 2 - 30, h - 70, new Color(0x3b6fb6), -1);
        panel(g, res, "p99 latency (ms); dashed: list 25 ms, mixed 40 ms targets", "p99_ms", w / 2 + 10, 50, w / 2 - 30, h - 70,
                new Color(0xd0703a), 0);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    static void panel(Graphics2D g, List<Row> res, String title, String key, int x, int y, int pw, int ph, Color c, int targets) {
        int n = res.size();
        double max = res.stream().mapToDouble(r -> r.d(key)).max().orElse(1);
        if (targets >= 0) max = Math.max(max, 42);
        max = niceCeil(max * 1.08);
        int left = x + 55, top = y + 25, bottom = y + ph - 45, right = x + pw;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(title, x, y + 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = 0; t <= 5; t++) {
            double v = max * t / 5;
            int yy = bottom - (int) ((bottom - top) * t / 5.0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(left, yy, right, yy);
            g.setColor(Color.DARK_GRAY);
            String s = v >= 100 ? "%.0f".formatted(v) : "%.1f".formatted(v);
            g.drawString(s, left - 8 - g.getFontMetrics().stringWidth(s), yy + 4);
        }
        int slot = (right - left) / Math.max(n, 1);
        for (int i = 0; i < n; i++) {
            Row r = res.get(i);
            double v = r.d(key);
            int bh = (int) ((bottom - top) * v / max);
            int bx = left + i * slot + slot / 6, bw = slot * 2 / 3;
            g.setColor(c);
            g.fillRect(bx, bottom - bh, bw, bh);
            g.setColor(Color.BLACK);
            String s = v >= 100 ? "%.0f".formatted(v) : "%.1f".formatted(v);
            g.drawString(s, bx + (bw - g.getFontMetrics().stringWidth(s)) / 2, bottom - bh - 4);
            String name = r.s("scenario");
            g.drawString(name, bx + (bw - g.getFontMetrics().stringWidth(name)) / 2, bottom + 16);
            if (targets >= 0 && (name.startsWith("list") || name.equals("mixed"))) {
                double t = name.equals("mixed") ? 40 : 25;
                int ty = bottom - (int) ((bottom - top) * t / max);
                g.setColor(Color.RED);
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
                g.drawLine(bx - 4, ty, bx + bw + 4, ty);
                g.setStroke(new BasicStroke(1));
            }
        }
        g.setColor(Color.BLACK);
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
    }

    static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) if (m * p >= v) return m * p;
        return 10 * p;
    }
}
