// The load driver of bench/run.sh (issue 14): a single-file Java program (java -cp <postgresql.jar> LoadDriver.java
// <phase> key=value ...), never part of the build or of ./mvnw verify. Each phase prints one JSON object on stdout.
// It signs in through the login forms like a browser (staff with the demo authenticator secret), finds its patients
// and centres with SQL on the app's database, and measures over real HTTP on loopback.

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.postgresql.PGConnection;

public class LoadDriver {

    static final String PASSWORD = "Hemonet-demo-2026!";
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    static Map<String, String> opts = new HashMap<>();
    static String base;
    static String jdbc;

    public static void main(String[] args) throws Exception {
        for (String a : Arrays.asList(args).subList(1, args.length)) {
            opts.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        base = opts.getOrDefault("base", "http://localhost:8080");
        jdbc = opts.get("jdbc");
        Map<String, Object> out = switch (args[0]) {
            case "smoke" -> smoke();
            case "reads" -> reads();
            case "ingest" -> ingest();
            case "dashboards" -> dashboards();
            case "attention" -> attention();
            case "mixed" -> mixed();
            case "firstviews" -> firstViews();
            case "views" -> views();
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        };
        System.out.println(json(out));
    }

    // ---------------------------------------------------------------- data discovery (SQL)

    static Connection db() throws Exception {
        return DriverManager.getConnection(jdbc, "hemonet_app", "hemonet_app");
    }

    static List<String> strings(String sql, Object... params) throws Exception {
        try (Connection c = db(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<String> result = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        }
    }

    /**
     * Up to {@code n} patient logins with a prophylaxis diary: username, patient id, and the product, batch, dose and
     * unit of their latest prophylaxis infusion (what their synced entries repeat).
     */
    static List<String[]> patientLogins(int n) throws Exception {
        return patientLogins(n, 0);
    }

    /** As above, leaving out the first {@code skip} (the ingest phase's writers: their diaries grew by thousands). */
    static List<String[]> patientLogins(int n, int skip) throws Exception {
        List<String[]> logins = new ArrayList<>();
        int skipped = 0;
        try (Connection c = db(); var st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select a.username, ap.patient_id, i.product_id, i.batch_number, i.dose, i.unit
                from identity.account a join identity.account_patient ap on ap.account_id = a.id
                join lateral (select product_id, batch_number, dose, unit from diary.infusion
                    where patient_id = ap.patient_id and reason = 'PROPHYLAXIS'
                    order by administered_at desc limit 1) i on true
                where a.role = 'PATIENT' order by a.username""")) {
            while (rs.next() && logins.size() < n) {
                if (skipped < skip) {
                    skipped++;
                    continue;
                }
                logins.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6)});
            }
        }
        return logins;
    }

    /** The centre code (lower case) with the most patients, and that has a patient login. */
    static String biggestCentre() throws Exception {
        return strings("""
                select lower(c.code) from centre.centre c join patient.patient p on p.centre_id = c.id
                group by c.code order by count(*) desc, c.code limit 1""").get(0);
    }

    static UUID centreId(String code) throws Exception {
        return UUID.fromString(strings("select id from centre.centre where lower(code) = ?", code).get(0));
    }

    // ---------------------------------------------------------------- HTTP client with a cookie jar

    static final class Client {
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        final Map<String, String> cookies = new ConcurrentHashMap<>();

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(pair.substring(0, eq).trim());
                } else {
                    cookies.put(pair.substring(0, eq).trim(), value);
                }
            }
            return response;
        }

        HttpResponse<String> get(String path, String accept) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
        }

        HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers)
                throws Exception {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", contentType)
                    .header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return send(request);
        }

        /** Signs in through the forms; staff answer the second factor (once more at the next step if replayed). */
        Client signIn(String username) throws Exception {
            for (int attempt = 0; attempt < 3; attempt++) {
                cookies.clear();
                get("/login", "text/html");
                var response = post("/login", "application/x-www-form-urlencoded",
                        "username=" + username + "&password=" + PASSWORD, Map.of());
                String location = response.headers().firstValue("Location").orElse("");
                if (location.endsWith("/login/second-factor")) {
                    response = post("/login/second-factor", "application/x-www-form-urlencoded",
                            "code=" + totp(Instant.now().getEpochSecond() / 30), Map.of());
                    location = response.headers().firstValue("Location").orElse("");
                }
                if (response.statusCode() == 302 && !location.contains("error") && !location.contains("login")) {
                    return this;
                }
                // a code is accepted once: wait for the next 30-second step
                Thread.sleep(31_000 - (System.currentTimeMillis() % 30_000));
            }
            throw new IllegalStateException("sign-in failed for " + username);
        }
    }

    static String totp(long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        long buffer = 0;
        int bits = 0;
        var key = new java.io.ByteArrayOutputStream();
        for (char c : TOTP_SECRET.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.write((int) (buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0xf;
        int code = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format("%06d", code % 1_000_000);
    }

    // ---------------------------------------------------------------- timing

    static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return Math.round(sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e4) / 100.0;
    }

    interface Call {
        int call(int i) throws Exception;
    }

    /** Calls {@code call} sequentially: {@code warm} untimed, then {@code n} timed; p50/p95/max in ms. */
    static Map<String, Object> latency(int warm, int n, Call call) throws Exception {
        List<Long> times = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < warm + n; i++) {
            long t0 = System.nanoTime();
            int status = call.call(i);
            long t = System.nanoTime() - t0;
            if (status >= 400) {
                errors++;
            }
            if (i >= warm) {
                times.add(t);
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("p50_ms", percentile(times, 0.5));
        r.put("p95_ms", percentile(times, 0.95));
        r.put("max_ms", percentile(times, 1.0));
        r.put("n", n);
        r.put("errors", errors);
        return r;
    }

    // ---------------------------------------------------------------- phases

    /** GETs the pages and APIs of each role on the generated network; any 5xx (or unexpected 4xx) is a failure. */
    static Map<String, Object> smoke() throws Exception {
        String code = strings("""
                select lower(c.code) from centre.centre c join identity.account a on a.username = 'patient.' || lower(c.code)
                order by c.code limit 1""").get(0);
        UUID centre = centreId(code);
        String patient = strings("""
                select ap.patient_id from identity.account_patient ap join identity.account a on a.id = ap.account_id
                where a.username = ?""", "patient." + code).get(0);
        String bleed = strings("select id from diary.bleed where patient_id = ?::uuid order by started_at desc limit 1",
                patient).stream().findFirst().orElse(null);
        String infusion = strings(
                "select id from diary.infusion where patient_id = ?::uuid order by administered_at desc limit 1",
                patient).get(0);
        Map<String, Object> statuses = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        Map<String, List<String>> paths = new LinkedHashMap<>();
        String p = "/patients/" + patient;
        String a = "/api/v1/patients/" + patient;
        paths.put("clinician." + code, new ArrayList<>(List.of(
                "/", "/centres", "/attention", "/deliveries", "/recalls", "/products", "/messages",
                p, p + "/diary-review", p + "/joint-scores", p + "/joint-scores/new", p + "/pk", p + "/treatment",
                "/centres/" + centre + "/outcomes",
                "/api/v1/me", "/api/v1/patients?centreId=" + centre, a, a + "/outcomes", a + "/bleeds",
                a + "/infusions", a + "/infusions/" + infusion, a + "/joint-scores",
                a + "/factor-levels", a + "/pk-studies", a + "/treatment-plans", a + "/treatment-plans/history",
                a + "/deliveries", a + "/stock", a + "/reconciliation", a + "/surgery-plans",
                "/api/v1/centres", "/api/v1/centres/" + centre, "/api/v1/centres/" + centre + "/deliveries",
                "/api/v1/centres/" + centre + "/outcomes", "/api/v1/products", "/api/v1/regions/populations")));
        if (bleed != null) {
            paths.get("clinician." + code).add(a + "/bleeds/" + bleed);
        }
        paths.put("nurse." + code, List.of("/", "/attention", p, p + "/diary-review"));
        paths.put("physio." + code, List.of("/", p + "/joint-scores", a + "/joint-scores"));
        paths.put("analyst", List.of("/", "/reports/value", "/centres", "/api/v1/reports/value",
                "/api/v1/reports/value/per-capita", "/api/v1/reports/value/regimens", "/api/v1/reports/designation",
                "/api/v1/centres/" + centre + "/outcomes", "/centres/" + centre + "/outcomes"));
        paths.put("commissioner", List.of("/", "/reports/value", "/api/v1/reports/value"));
        paths.put("admin", List.of("/", "/centres", "/api/v1/audit/verify"));
        paths.put("patient." + code, List.of("/", "/my-outcomes", "/my-level", "/diary", "/diary/bleed",
                "/diary/infusion", "/messages", "/api/v1/me", a, a + "/outcomes", a + "/infusions", a + "/stock",
                a + "/diary/scheduled-dose"));
        for (var entry : paths.entrySet()) {
            String user = entry.getKey();
            Client client = user.startsWith("patient.") ? signInPatient(user) : new Client().signIn(user);
            for (String path : entry.getValue()) {
                boolean api = path.startsWith("/api/");
                var response = client.get(path, api ? "application/json" : "text/html");
                statuses.put(user + " " + path, response.statusCode());
                if (response.statusCode() >= 400) {
                    failures.add(user + " " + path + " -> " + response.statusCode());
                }
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("checked", statuses.size());
        r.put("failures", failures);
        r.put("statuses", statuses);
        return r;
    }

    static Client signInPatient(String username) throws Exception {
        Client client = new Client();
        client.get("/login", "text/html");
        var response = client.post("/login", "application/x-www-form-urlencoded",
                "username=" + username + "&password=" + PASSWORD, Map.of());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error") || location.contains("login")) {
            throw new IllegalStateException("sign-in failed for " + username + ": " + location);
        }
        return client;
    }

    /** GET /api/v1/patients/{id} from {@code threads} connections for {@code seconds}: requests per second. */
    static Map<String, Object> reads() throws Exception {
        int threads = Integer.parseInt(opts.getOrDefault("threads", "8"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
        String code = opts.getOrDefault("centre", biggestCentre());
        List<String> patients = strings("""
                select p.id from patient.patient p join centre.centre c on c.id = p.centre_id
                where lower(c.code) = ? order by p.id""", code);
        Client shared = new Client().signIn("clinician." + code);
        // one connection (HttpClient) per thread, the same session
        List<Client> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Client c = new Client();
            c.cookies.putAll(shared.cookies);
            clients.add(c);
        }
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Long> times = java.util.Collections.synchronizedList(new ArrayList<>());
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        long until = warmUntil + seconds * 1_000_000_000L;
        CountDownLatch latch = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Client c = clients.get(t);
            int offset = t;
            new Thread(() -> {
                try {
                    int i = offset;
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= until) {
                            break;
                        }
                        var response = c.get("/api/v1/patients/" + patients.get(i++ % patients.size()),
                                "application/json");
                        long t1 = System.nanoTime();
                        if (t0 >= warmUntil) {
                            done.incrementAndGet();
                            times.add(t1 - t0);
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    latch.countDown();
                }
            }).start();
        }
        latch.await();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rps", Math.round(done.get() / (double) seconds));
        r.put("p50_ms", percentile(times, 0.5));
        r.put("p95_ms", percentile(times, 0.95));
        r.put("requests", done.get());
        r.put("errors", errors.get());
        r.put("threads", threads);
        r.put("patients", patients.size());
        r.put("centre", code);
        return r;
    }

    /**
     * {@code clients} patients POST /api/v1/diary/sync batches of {@code batch} infusions (each with an idempotency
     * key; audit on) for {@code seconds}; then the same number of rows of the same shape are COPYed into
     * diary.infusion for the same patients. Entries per second both ways and their ratio.
     */
    static Map<String, Object> ingest() throws Exception {
        int clients = Integer.parseInt(opts.getOrDefault("clients", "8"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "30"));
        int batch = Integer.parseInt(opts.getOrDefault("batch", "500"));
        List<String[]> logins = patientLogins(clients);
        if (logins.size() < clients) {
            throw new IllegalStateException("only " + logins.size() + " patient logins with a diary");
        }
        AtomicLong stored = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        List<Long> times = java.util.Collections.synchronizedList(new ArrayList<>());
        long startNanos = System.nanoTime();
        long until = startNanos + seconds * 1_000_000_000L;
        CountDownLatch latch = new CountDownLatch(clients);
        // entries go back in time from 3 days ago, a minute apart, so that none lies in the future
        Instant origin = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        for (String[] login : logins) {
            new Thread(() -> {
                try {
                    Client client = signInPatient(login[0]);
                    int n = 0;
                    while (System.nanoTime() < until) {
                        StringBuilder body = new StringBuilder("{\"entries\":[");
                        for (int i = 0; i < batch; i++, n++) {
                            if (i > 0) {
                                body.append(',');
                            }
                            String dose = "MG".equals(login[5]) ? "\"doseMg\":" + login[4] : "\"doseIu\":" + login[4];
                            body.append("{\"id\":\"").append(UUID.randomUUID())
                                    .append("\",\"type\":\"INFUSION\",\"patientId\":\"").append(login[1])
                                    .append("\",\"infusion\":{\"administeredAt\":\"")
                                    .append(origin.minus(n, ChronoUnit.MINUTES))
                                    .append("\",\"productId\":\"").append(login[2]).append("\",")
                                    .append(login[3] == null ? "" : "\"batchNumber\":\"" + login[3] + "\",")
                                    .append(dose).append(",\"reason\":\"PROPHYLAXIS\"}}");
                        }
                        body.append("]}");
                        long t0 = System.nanoTime();
                        var response = client.post("/api/v1/diary/sync", "application/json", body.toString(),
                                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                        times.add(System.nanoTime() - t0);
                        requests.incrementAndGet();
                        if (response.statusCode() == 200) {
                            stored.addAndGet(batch);
                        } else {
                            if (errors.incrementAndGet() == 1) {
                                System.err.println("sync " + response.statusCode() + ": "
                                        + response.body().substring(0, Math.min(400, response.body().length())));
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println("ingest client failed: " + e);
                } finally {
                    latch.countDown();
                }
            }).start();
        }
        latch.await();
        double syncSeconds = (System.nanoTime() - startNanos) / 1e9;
        double syncRate = stored.get() / syncSeconds;

        // the same number of rows of the same shape, COPYed into the same table
        long rows = Math.max(stored.get(), batch);
        StringBuilder copy = new StringBuilder();
        Instant copyOrigin = origin.minus(400, ChronoUnit.DAYS);
        for (long i = 0; i < rows; i++) {
            String[] login = logins.get((int) (i % logins.size()));
            copy.append(UUID.randomUUID()).append('\t').append(login[1]).append('\t')
                    .append(copyOrigin.minus(i, ChronoUnit.MINUTES)).append('\t').append(login[2]).append('\t')
                    .append(login[3] == null ? "\\N" : login[3]).append('\t').append(login[4]).append('\t')
                    .append(login[5]).append("\tPROPHYLAXIS\t\\N\t").append(Instant.now()).append("\tbench-copy\n");
        }
        long c0 = System.nanoTime();
        try (Connection c = db()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy diary.infusion (id, patient_id, administered_at, product_id, batch_number, dose, unit,
                        reason, bleed_id, recorded_at, recorded_by) from stdin""", new StringReader(copy.toString()));
        }
        double copySeconds = (System.nanoTime() - c0) / 1e9;
        double copyRate = rows / copySeconds;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("entries_per_s", Math.round(syncRate));
        r.put("copy_rows_per_s", Math.round(copyRate));
        r.put("ratio_vs_copy", Math.round(syncRate / copyRate * 1000) / 1000.0);
        r.put("entries", stored.get());
        r.put("requests", requests.get());
        r.put("errors", errors.get());
        r.put("batch_p50_ms", percentile(times, 0.5));
        r.put("batch_p95_ms", percentile(times, 0.95));
        r.put("clients", clients);
        r.put("batch", batch);
        return r;
    }

    /**
     * The network dashboards (value report, per capita, regimens, designation, a centre's cohort outcomes, the centres
     * compared with their funnel, trend and service measures) as the
     * analyst, one client, and beside each the plain SQL over the raw rows that its main figure comes from.
     */
    static Map<String, Object> dashboards() throws Exception {
        int n = Integer.parseInt(opts.getOrDefault("n", "100"));
        Client analyst = new Client().signIn("analyst");
        UUID centre = centreId(biggestCentre());
        Map<String, Object> r = new LinkedHashMap<>();
        double worst = 0;
        int year = java.time.LocalDate.now().getYear() - 1;
        for (String path : List.of("/api/v1/reports/value", "/api/v1/reports/value/per-capita",
                "/api/v1/reports/value/regimens", "/api/v1/reports/designation",
                "/api/v1/centres/" + centre + "/outcomes",
                // the centres compared (issue 18): the table, a funnel, ten years of a trend, the service measures
                "/api/v1/reports/centres?year=" + year, "/api/v1/reports/funnel?year=" + year
                        + "&measure=zeroBleedProportion",
                "/api/v1/reports/trends?measure=abrMedian&from=" + (year - 9) + "&to=" + year,
                "/api/v1/reports/service?year=" + year)) {
            var figures = latency(10, n, i -> analyst.get(path, "application/json").statusCode());
            r.put(path.replace(centre.toString(), "{centreId}"), figures);
            worst = Math.max(worst, (double) figures.get("p95_ms"));
        }
        // naive: the delivered value of the last 12 months straight from the raw rows
        try (Connection c = db()) {
            var naive = latency(3, Math.max(10, n / 5), i -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("""
                        select d.centre_id, i.product_id, sum(i.vials::bigint * i.units_per_vial * p.list_price_per_unit)
                        from supply.delivery d join supply.delivery_item i on i.delivery_id = d.id
                        join product.product p on p.id = i.product_id
                        where d.status = 'DELIVERED' and d.delivered_at >= now() - interval '12 months'
                        group by 1, 2""")) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
                return 200;
            });
            r.put("naive_value_sql", naive);
            var naiveOutcomes = latency(3, Math.max(10, n / 5), i -> {
                try (var st = c.prepareStatement("""
                        select p.id, count(b.id) filter (where b.started_at >= now() - interval '12 months'),
                               count(distinct f.administered_at::date)
                        from patient.patient p
                        left join diary.bleed b on b.patient_id = p.id and b.voided_at is null
                        left join diary.infusion f on f.patient_id = p.id and f.voided_at is null
                            and f.administered_at >= now() - interval '12 months'
                        where p.centre_id = ? group by p.id""")) {
                    st.setObject(1, centre);
                    try (var rs = st.executeQuery()) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                }
                return 200;
            });
            r.put("naive_cohort_sql", naiveOutcomes);
        }
        r.put("worst_p95_ms", worst);
        r.put("value_matches_naive", valueMatchesNaive(analyst));
        // the annual report PDF (issue 18: the national report in at most 30 s), network and the biggest centre's
        r.put("annual_pdf_network_s", annualPdfSeconds(analyst, "{\"year\": " + year + "}"));
        r.put("annual_pdf_centre_s",
                annualPdfSeconds(analyst, "{\"year\": " + year + ", \"centreId\": \"" + centre + "\"}"));
        return r;
    }

    /**
     * The centres compared's first views (issue 18, speed): for each URL the time of its first GET (the year's facts
     * read, or served from the warm-up), then the p50/p95 of the next {@code n}; then a bleed written for one patient and
     * the time until a view shows the new network figure (served the held figures meanwhile). Run it on a freshly
     * started app: the first views are the point.
     */
    /**
     * p50/p95 of any GET paths as one user (paths= comma-separated, user= default analyst, n= default 100, after 10
     * warm-up calls): to see what a page costs beside another, e.g. a report against a trivial signed-in request.
     */
    static Map<String, Object> views() throws Exception {
        int n = Integer.parseInt(opts.getOrDefault("n", "100"));
        Client user = new Client().signIn(opts.getOrDefault("user", "analyst"));
        Map<String, Object> r = new LinkedHashMap<>();
        for (String path : opts.getOrDefault("paths", "/api/v1/reports/centres").split(",")) {
            r.put(path, latency(10, n, i -> user.get(path, "application/json").statusCode()));
        }
        return r;
    }

    static Map<String, Object> firstViews() throws Exception {
        int n = Integer.parseInt(opts.getOrDefault("n", "20"));
        Client analyst = new Client().signIn("analyst");
        int year = java.time.LocalDate.now().getYear() - 1;
        Map<String, Object> r = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/v1/reports/centres?year=" + year,
                "/api/v1/reports/centres?year=" + year + "&diagnosis=HEMOPHILIA_A",
                "/api/v1/reports/centres?year=" + year + "&diagnosis=HEMOPHILIA_A&severity=SEVERE",
                "/api/v1/reports/funnel?year=" + year + "&measure=zeroBleedProportion&diagnosis=HEMOPHILIA_B&severity=SEVERE",
                "/api/v1/reports/centres?year=" + year + "&regimen=PROPHYLAXIS&ageBand=18-64",
                "/api/v1/reports/centres?year=" + (year - 1) + "&diagnosis=HEMOPHILIA_A",
                "/api/v1/reports/trends?measure=abrMedian&from=" + (year - 9) + "&to=" + year)) {
            Map<String, Object> figures = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            int status = analyst.get(path, "application/json").statusCode();
            figures.put("first_ms", (System.nanoTime() - t0) / 1e6);
            figures.put("first_status", status);
            figures.putAll(latency(0, n, i -> analyst.get(path, "application/json").statusCode()));
            r.put(path, figures);
        }
        // a change: one more bleed in the year for a patient with diary time; the network's patients with a bleed
        // (the zero-bleed proportion's numerator) move once the refresh has run
        String path = "/api/v1/reports/centres?year=" + year;
        String before = analyst.get(path, "application/json").body();
        String patient = strings("""
                select i.patient_id::text from diary.infusion i where i.administered_at >= make_date(?, 1, 1)
                and not exists (select 1 from diary.bleed b where b.patient_id = i.patient_id
                                and b.started_at >= make_date(?, 1, 1) - 7)
                order by i.patient_id limit 1""", year, year).get(0);
        try (Connection c = db(); var st = c.prepareStatement("""
                insert into diary.bleed (id, patient_id, started_at, site, cause, recorded_by)
                values (gen_random_uuid(), ?::uuid, make_timestamptz(?, 6, 15, 10, 0, 0, 'UTC'), 'LEFT_ANKLE',
                        'SPONTANEOUS', 'firstviews')""")) {
            st.setString(1, patient);
            st.setInt(2, year);
            st.executeUpdate();
        }
        long t0 = System.nanoTime();
        double changedAfter = -1;
        List<Long> meanwhile = new ArrayList<>();
        while (System.nanoTime() - t0 < 120_000_000_000L) {
            long t = System.nanoTime();
            String now = analyst.get(path, "application/json").body();
            meanwhile.add(System.nanoTime() - t);
            if (!now.equals(before)) {
                changedAfter = (System.nanoTime() - t0) / 1e9;
                break;
            }
            Thread.sleep(200);
        }
        r.put("change_shown_after_s", changedAfter);
        r.put("views_meanwhile", meanwhile.size());
        r.put("views_meanwhile_p95_ms", percentile(meanwhile, 0.95));
        return r;
    }

    /**
     * Seconds from asking for an annual report (POST /api/v1/reports/annual) to its PDF downloaded, polling the job
     * every 100 ms; {@code -1} if it failed or took more than five minutes.
     */
    static double annualPdfSeconds(Client analyst, String body) throws Exception {
        long start = System.nanoTime();
        var started = analyst.post("/api/v1/reports/annual", "application/json", body, Map.of());
        if (started.statusCode() != 202) {
            System.err.println("annual report refused: " + started.statusCode() + " " + started.body());
            return -1;
        }
        String url = started.headers().firstValue("Location").orElseThrow();
        while (System.nanoTime() - start < 300_000_000_000L) {
            var r = analyst.get(url, "application/pdf");
            if (r.statusCode() == 200 && r.body().startsWith("%PDF-")) {
                return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
            }
            if (r.statusCode() != 202) {
                System.err.println("annual report failed: " + r.statusCode());
                return -1;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /**
     * Does the value report's network total (IU and mg over its default months) equal the same sum computed by plain
     * SQL over supply's raw delivery rows, months in the network's zone ({@code zone}, default Europe/London)?
     */
    static Map<String, Object> valueMatchesNaive(Client analyst) throws Exception {
        String body = analyst.get("/api/v1/reports/value", "application/json").body();
        var from = java.util.regex.Pattern.compile("\"from\":\"(\\d{4}-\\d{2})\"").matcher(body);
        var to = java.util.regex.Pattern.compile("\"to\":\"(\\d{4}-\\d{2})\"").matcher(body);
        var total = java.util.regex.Pattern.compile(
                        "\"grandTotal\":\\{[^}]*\"iu\":\"([^\"]*)\",\"mg\":\"([^\"]*)\"")
                .matcher(body);
        Map<String, Object> r = new LinkedHashMap<>();
        if (!from.find() || !to.find() || !total.find()) {
            r.put("error", "value report JSON not understood");
            r.put("matches", false);
            return r;
        }
        String zone = opts.getOrDefault("zone", "Europe/London");
        long iu;
        long mg;
        try (Connection c = db(); var st = c.prepareStatement("""
                select coalesce(sum(i.vials::bigint * i.units_per_vial) filter (where p.unit <> 'MG'), 0),
                       coalesce(sum(i.vials::bigint * i.units_per_vial) filter (where p.unit = 'MG'), 0)
                from supply.delivery d join supply.delivery_item i on i.delivery_id = d.id
                join product.product p on p.id = i.product_id
                where d.status = 'DELIVERED'
                  and d.delivered_at >= (?::date)::timestamp at time zone ?
                  and d.delivered_at < ((?::date + interval '1 month')::timestamp at time zone ?)""")) {
            st.setString(1, from.group(1) + "-01");
            st.setString(2, zone);
            st.setString(3, to.group(1) + "-01");
            st.setString(4, zone);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                iu = rs.getLong(1);
                mg = rs.getLong(2);
            }
        }
        r.put("from", from.group(1));
        r.put("to", to.group(1));
        r.put("report_iu", total.group(1));
        r.put("report_mg", total.group(2));
        r.put("naive_iu", iu);
        r.put("naive_mg", mg);
        r.put("matches", total.group(1).equals(Long.toString(iu)) && total.group(2).equals(Long.toString(mg)));
        return r;
    }

    /** The clinician's "patients needing attention" page of the biggest centre, one client. */
    static Map<String, Object> attention() throws Exception {
        int n = Integer.parseInt(opts.getOrDefault("n", "50"));
        String code = biggestCentre();
        Client clinician = new Client().signIn("clinician." + code);
        Map<String, Object> r = latency(5, n, i -> clinician.get("/attention", "text/html").statusCode());
        r.put("centre", code);
        r.put("patients", strings("""
                select count(*) from patient.patient p join centre.centre c on c.id = p.centre_id
                where lower(c.code) = ?""", code).get(0));
        String page = clinician.get("/attention", "text/html").body();
        r.put("listed", page.split("class=\"card attention-row\"", -1).length - 1);
        r.put("page_kib", page.length() / 1024);
        return r;
    }

    // ---------------------------------------------------------------- mixed load

    /** One kind of request of the mixed load: who makes it and how. */
    record Kind(String name, int weight, Call call) {}

    /**
     * The mixed load (issue 14, key 5): an open-loop load at a fixed arrival rate, so that a slow answer does not slow
     * the arrivals down (latency is measured from the moment a request was due, not when a thread got to it).
     * Patients sync one or two entries, open their dashboard page and their outcomes; clinicians open the patient
     * list, a patient and the patient's page; analysts open the value report and a centre's cohort outcomes; mixed
     * 35/15/10 (patients), 15/10/10 (clinicians), 3/2 (analysts) per hundred. Rates are probed for
     * {@code probe} seconds, doubling from {@code start} until one fails (p99 >= 100 ms or any error), bisected
     * once, and the highest passing rate is then held for {@code hold} seconds (the 2 minutes in the full
     * run); if the hold fails, 80 % of it is held instead, down to three tries. {@code mixed_rps} is the rate held.
     */
    static Map<String, Object> mixed() throws Exception {
        int probe = Integer.parseInt(opts.getOrDefault("probe", "15"));
        int hold = Integer.parseInt(opts.getOrDefault("hold", "120"));
        int start = Integer.parseInt(opts.getOrDefault("start", "50"));
        int max = Integer.parseInt(opts.getOrDefault("max", "3200"));
        // not the ingest phase's patients (skip=8 after it): each of their diaries grew by ~50,000 entries in 30 s
        List<String[]> others = patientLogins(16, Integer.parseInt(opts.getOrDefault("skip", "0")));
        // a network with few patient logins: share them with the ingest phase
        List<String[]> patients = others.size() >= 4 ? others : patientLogins(16);
        List<Client> patientClients = new ArrayList<>();
        for (String[] p : patients) {
            patientClients.add(signInPatient(p[0]));
        }
        List<String> codes = strings("""
                select lower(c.code) from centre.centre c join patient.patient p on p.centre_id = c.id
                group by c.code order by count(*) desc, c.code limit 4""");
        List<Client> clinicians = new ArrayList<>();
        List<UUID> centres = new ArrayList<>();
        List<List<String>> centrePatients = new ArrayList<>();
        for (String code : codes) {
            clinicians.add(new Client().signIn("clinician." + code));
            centres.add(centreId(code));
            centrePatients.add(strings("""
                    select p.id from patient.patient p join centre.centre c on c.id = p.centre_id
                    where lower(c.code) = ? order by p.id""", code));
        }
        Client analyst = new Client().signIn("analyst");
        Instant origin = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        AtomicLong entrySeq = new AtomicLong();
        Map<String, AtomicLong> perKind = new ConcurrentHashMap<>();
        List<Kind> kinds = List.of(
                new Kind("patient sync", 35, i -> {
                    int k = i % patients.size();
                    String[] p = patients.get(k);
                    StringBuilder body = new StringBuilder("{\"entries\":[");
                    int n = 1 + (i % 2);
                    for (int e = 0; e < n; e++) {
                        long seq = entrySeq.getAndIncrement();
                        String dose = "MG".equals(p[5]) ? "\"doseMg\":" + p[4] : "\"doseIu\":" + p[4];
                        body.append(e > 0 ? "," : "").append("{\"id\":\"").append(UUID.randomUUID())
                                .append("\",\"type\":\"INFUSION\",\"patientId\":\"").append(p[1])
                                .append("\",\"infusion\":{\"administeredAt\":\"")
                                .append(origin.minusSeconds(seq * 7))
                                .append("\",\"productId\":\"").append(p[2]).append("\",")
                                .append(p[3] == null ? "" : "\"batchNumber\":\"" + p[3] + "\",")
                                .append(dose).append(",\"reason\":\"PROPHYLAXIS\"}}");
                    }
                    body.append("]}");
                    return patientClients.get(k).post("/api/v1/diary/sync", "application/json", body.toString(),
                            Map.of("Idempotency-Key", UUID.randomUUID().toString())).statusCode();
                }),
                new Kind("patient dashboard page", 15,
                        i -> patientClients.get(i % patients.size()).get("/", "text/html").statusCode()),
                new Kind("patient outcomes", 10, i -> patientClients.get(i % patients.size())
                        .get("/api/v1/patients/" + patients.get(i % patients.size())[1] + "/outcomes",
                                "application/json").statusCode()),
                new Kind("clinician patient list", 15, i -> clinicians.get(i % clinicians.size())
                        .get("/api/v1/patients?centreId=" + centres.get(i % centres.size()), "application/json")
                        .statusCode()),
                new Kind("clinician patient", 10, i -> {
                    List<String> ids = centrePatients.get(i % centres.size());
                    return clinicians.get(i % clinicians.size())
                            .get("/api/v1/patients/" + ids.get((i / 7) % ids.size()), "application/json")
                            .statusCode();
                }),
                new Kind("clinician patient page", 10, i -> {
                    List<String> ids = centrePatients.get(i % centres.size());
                    return clinicians.get(i % clinicians.size())
                            .get("/patients/" + ids.get((i / 7) % ids.size()), "text/html").statusCode();
                }),
                new Kind("analyst value report", 3, i -> analyst.get("/api/v1/reports/value", "application/json")
                        .statusCode()),
                new Kind("analyst cohort outcomes", 2, i -> analyst
                        .get("/api/v1/centres/" + centres.get(i % centres.size()) + "/outcomes", "application/json")
                        .statusCode()));
        List<Kind> wheel = new ArrayList<>();
        for (Kind k : kinds) {
            for (int w = 0; w < k.weight(); w++) {
                wheel.add(k);
            }
        }
        // spread the kinds evenly over the hundred slots (a fixed shuffle: same order every run)
        java.util.Collections.shuffle(wheel, new java.util.Random(1));
        ExecutorService pool = Executors.newFixedThreadPool(256);
        try {
            // warm-up: 10 s at the start rate
            step(pool, wheel, start, 10);
            List<Map<String, Object>> probes = new ArrayList<>();
            int good = 0;
            int bad = 0;
            for (int rate = start; rate <= max; rate *= 2) {
                var r = step(pool, wheel, rate, probe);
                probes.add(r);
                if ((boolean) r.get("passed")) {
                    good = rate;
                } else {
                    bad = rate;
                    break;
                }
            }
            if (good > 0 && bad > 0) {
                int mid = (good + bad) / 2;
                var r = step(pool, wheel, mid, probe);
                probes.add(r);
                if ((boolean) r.get("passed")) {
                    good = mid;
                }
            }
            Map<String, Object> held = null;
            int rate = good;
            for (int attempt = 0; attempt < 3 && rate > 0; attempt++) {
                var r = step(pool, wheel, rate, hold);
                r.put("hold", true);
                probes.add(r);
                if ((boolean) r.get("passed")) {
                    held = r;
                    break;
                }
                rate = rate * 4 / 5;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mixed_rps", held == null ? null : held.get("achieved_rps"));
            out.put("held_seconds", hold);
            out.put("held", held);
            out.put("steps", probes);
            out.put("mix", kinds.stream().map(k -> k.name() + " " + k.weight() + "%").toList());
            out.put("patients", patients.size());
            out.put("clinicians", clinicians.size());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Requests at {@code rate} per second for {@code seconds}, open loop; p50/p99, errors, achieved rate. */
    static Map<String, Object> step(ExecutorService pool, List<Kind> wheel, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long t0 = System.nanoTime() + 50_000_000L;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        Map<String, AtomicInteger> errorsByKind = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        for (int i = 0; i < total; i++) {
            long due = t0 + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            Kind kind = wheel.get(i % wheel.size());
            pool.execute(() -> {
                int status;
                try {
                    status = kind.call().call(index);
                } catch (Exception e) {
                    status = 599;
                }
                latencies[index] = System.nanoTime() - due;
                if (status >= 400) {
                    errors.incrementAndGet();
                    errorsByKind.computeIfAbsent(kind.name() + " " + status, k -> new AtomicInteger())
                            .incrementAndGet();
                }
                done.countDown();
            });
        }
        boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        List<Long> times = new ArrayList<>(total);
        for (long l : latencies) {
            if (l > 0) {
                times.add(l);
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rate", rate);
        r.put("seconds", seconds);
        r.put("requests", total);
        r.put("achieved_rps", Math.round(total / elapsed));
        r.put("p50_ms", percentile(times, 0.5));
        r.put("p99_ms", percentile(times, 0.99));
        r.put("max_ms", percentile(times, 1.0));
        r.put("errors", errors.get() + (finished ? 0 : total - times.size()));
        r.put("errors_by_kind", new LinkedHashMap<>(errorsByKind.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
        r.put("passed", finished && errors.get() == 0 && (double) r.get("p99_ms") < 100);
        System.err.println("mixed step " + json(r));
        return r;
    }

    // ---------------------------------------------------------------- JSON out

    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> json(String.valueOf(e.getKey())) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(LoadDriver::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value).equals("NaN") ? "null" : String.valueOf(value);
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
