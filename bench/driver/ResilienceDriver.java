// The driver of bench/resilience.sh (issue 14, Resilience). Compiled together with LoadDriver.java (whose HTTP client,
// sign-in, SQL helpers and JSON writer it reuses) by the script: javac -cp <postgresql.jar> LoadDriver.java
// ResilienceDriver.java; then java -cp <postgresql.jar>:<classes> ResilienceDriver <phase> key=value ...
// Never part of the build or of ./mvnw verify. Each phase prints one JSON object on stdout.
//
// Phases:
//   burst   patients' phones POST /api/v1/diary/sync in a loop until the file stop= exists, retrying every batch until
//           it is acknowledged (2xx) across app or database crashes; then the open batches are drained (bounded).
//           Writes sent= (every entry ever sent: id, patient, time) and acked= (ids whose sync answered 2xx).
//   offline phones= phones come online at once with entries= entries queued, sync them in batches with duplicates
//           (entries resent in a later batch) and retries (same key and a new key); writes sent= and acked=.
//   check   reads sent= and acked= and checks the database: lost, duplicated, half-written.
//   verify  GET /api/v1/audit/verify as the administrator.
//   backup  pg_dump of the running database from an exported snapshot, restored into an empty database; row counts of
//           every table in the snapshot and in the restore.

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public class ResilienceDriver {

    static final Map<String, String> opts = LoadDriver.opts;

    public static void main(String[] args) throws Exception {
        for (String a : Arrays.asList(args).subList(1, args.length)) {
            opts.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        LoadDriver.base = opts.getOrDefault("base", "http://localhost:8080");
        LoadDriver.jdbc = opts.get("jdbc");
        Map<String, Object> out = switch (args[0]) {
            case "burst" -> burst();
            case "offline" -> offline();
            case "check" -> check();
            case "verify" -> verify();
            case "backup" -> backup();
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        };
        System.out.println(LoadDriver.json(out));
    }

    // ---------------------------------------------------------------- patients, sessions, phones

    /** A patient login with its patient and a product and batch it infused before (so stock can be counted). */
    static final class Account {
        final String username;
        final String patientId;
        final String productId;
        final String batch;
        final String dose;
        final String unit;
        volatile Map<String, String> cookies = Map.of();
        volatile int generation;

        Account(String[] row) {
            username = row[0];
            patientId = row[1];
            productId = row[2];
            batch = row[3];
            dose = row[4];
            unit = row[5];
        }

        /** Signs in again unless another phone already did since {@code seen}; retries while the app is down. */
        synchronized void signInAgain(int seen, long deadline) throws InterruptedException {
            while (generation == seen && System.currentTimeMillis() < deadline) {
                try {
                    cookies = Map.copyOf(LoadDriver.signInPatient(username).cookies);
                    generation++;
                } catch (Exception e) {
                    Thread.sleep(500);
                }
            }
        }
    }

    static List<Account> accounts(int max) throws Exception {
        List<Account> result = new ArrayList<>();
        try (Connection c = LoadDriver.db(); var st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select a.username, ap.patient_id, i.product_id, i.batch_number, i.dose, i.unit
                from identity.account a join identity.account_patient ap on ap.account_id = a.id
                join lateral (select product_id, batch_number, dose, unit from diary.infusion
                    where patient_id = ap.patient_id and reason = 'PROPHYLAXIS' and batch_number is not null
                    order by administered_at desc limit 1) i on true
                where a.role = 'PATIENT' and a.username like 'patient.%' order by a.username""")) {
            while (rs.next() && result.size() < max) {
                result.add(new Account(new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6)}));
            }
        }
        if (result.isEmpty()) {
            throw new IllegalStateException("no patient login with a diary");
        }
        return result;
    }

    /** One diary entry: its client id, patient and time (the logical entry: a duplicate has the same patient+time). */
    record Entry(UUID id, Account account, Instant at) {
        String json() {
            String dose = "MG".equals(account.unit) ? "\"doseMg\":" + account.dose : "\"doseIu\":" + account.dose;
            return "{\"id\":\"" + id + "\",\"type\":\"INFUSION\",\"patientId\":\"" + account.patientId
                    + "\",\"infusion\":{\"administeredAt\":\"" + at + "\",\"productId\":\"" + account.productId
                    + "\",\"batchNumber\":\"" + account.batch + "\"," + dose + ",\"reason\":\"PROPHYLAXIS\"}}";
        }
    }

    static final AtomicLong requests = new AtomicLong();
    static final AtomicLong failures = new AtomicLong(); // connection errors, 5xx, 409
    static final AtomicLong retries = new AtomicLong();
    static final AtomicLong newKeyRetries = new AtomicLong();
    static final AtomicLong replays = new AtomicLong(); // the same key and body sent again on purpose
    static final AtomicLong signIns = new AtomicLong();
    static final AtomicLong refused = new AtomicLong();
    static final AtomicLong gaveUp = new AtomicLong();
    static final Set<UUID> acked = ConcurrentHashMap.newKeySet();
    static final Map<UUID, Entry> sent = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();

    /** A phone: its own connection, the session of its account. */
    static final class Phone {
        final Account account;
        final LoadDriver.Client client = new LoadDriver.Client();
        final Random random;
        int generation = -1;

        Phone(Account account, long seed) {
            this.account = account;
            this.random = new Random(seed);
        }

        /** One POST; -1 when the connection failed or timed out. */
        int post(String key, String body) {
            if (generation != account.generation) {
                client.cookies.clear();
                client.cookies.putAll(account.cookies);
                generation = account.generation;
            }
            requests.incrementAndGet();
            try {
                var request = HttpRequest.newBuilder(URI.create(LoadDriver.base + "/api/v1/diary/sync"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("X-XSRF-TOKEN", client.cookies.getOrDefault("XSRF-TOKEN", ""))
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                HttpResponse<String> response = client.send(request);
                statuses.computeIfAbsent(String.valueOf(response.statusCode()), s -> new AtomicLong()).incrementAndGet();
                if (response.statusCode() == 200) {
                    lastBody = response.body();
                }
                return response.statusCode();
            } catch (IOException e) {
                statuses.computeIfAbsent("io", s -> new AtomicLong()).incrementAndGet();
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            } catch (Exception e) {
                statuses.computeIfAbsent("other", s -> new AtomicLong()).incrementAndGet();
                return -1;
            }
        }

        String lastBody = "";

        /**
         * Sends a batch until it is acknowledged (200) or the deadline passes. After a failure the phone retries with
         * the same key, or (one time in three) with a new key as a phone that lost its outbox's key would; a lost
         * session (401/403) signs in again. Returns whether the batch was acknowledged.
         */
        boolean sendUntilAcked(List<Entry> batch, long deadline) throws InterruptedException {
            StringBuilder body = new StringBuilder("{\"entries\":[");
            for (int i = 0; i < batch.size(); i++) {
                body.append(i > 0 ? "," : "").append(batch.get(i).json());
                sent.putIfAbsent(batch.get(i).id(), batch.get(i));
            }
            body.append("]}");
            String key = UUID.randomUUID().toString();
            long backoff = 100;
            boolean first = true;
            while (System.currentTimeMillis() < deadline) {
                if (!first) {
                    retries.incrementAndGet();
                }
                first = false;
                int status = post(key, body.toString());
                if (status == 200) {
                    for (Entry e : batch) {
                        if (!lastBody.contains(e.id().toString())) {
                            throw new IllegalStateException("200 without entry " + e.id() + ": " + lastBody);
                        }
                        acked.add(e.id());
                    }
                    return true;
                }
                if (status == 401 || status == 403) {
                    signIns.incrementAndGet();
                    account.signInAgain(generation, deadline);
                    continue;
                }
                if (status == 400 || status == 422 || status == 404) {
                    refused.incrementAndGet();
                    System.err.println("refused " + status + " " + lastBody);
                    return false;
                }
                failures.incrementAndGet();
                Thread.sleep(backoff + random.nextInt(200));
                backoff = Math.min(2000, backoff * 2);
                if ((status == -1 || status == 409 || status >= 500) && random.nextInt(3) == 0) {
                    key = UUID.randomUUID().toString();
                    newKeyRetries.incrementAndGet();
                }
            }
            gaveUp.incrementAndGet();
            return false;
        }
    }

    /** Entry times: one second apart, going back from 2 days ago; each phase its own day range (offset=days). */
    static final AtomicLong clock = new AtomicLong();

    static Instant nextTime() {
        long days = Long.parseLong(opts.getOrDefault("offset", "2"));
        return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(days, ChronoUnit.DAYS)
                .minusSeconds(clock.incrementAndGet());
    }

    static void signInAll(List<Account> accounts) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 300_000;
        for (Account a : accounts) {
            a.signInAgain(a.generation, deadline);
        }
    }

    // ---------------------------------------------------------------- burst (across crashes)

    static Map<String, Object> burst() throws Exception {
        int clients = Integer.parseInt(opts.getOrDefault("clients", "8"));
        int batchSize = Integer.parseInt(opts.getOrDefault("batch", "50"));
        Path stop = Path.of(opts.get("stop"));
        long drainMillis = Long.parseLong(opts.getOrDefault("drain", "180")) * 1000;
        long hardStop = System.currentTimeMillis() + Long.parseLong(opts.getOrDefault("max", "3600")) * 1000;
        List<Account> accounts = accounts(clients);
        signInAll(accounts);
        List<Thread> threads = new ArrayList<>();
        AtomicLong batches = new AtomicLong();
        for (int t = 0; t < clients; t++) {
            Phone phone = new Phone(accounts.get(t % accounts.size()), 1000 + t);
            Thread thread = new Thread(() -> {
                try {
                    while (!Files.exists(stop) && System.currentTimeMillis() < hardStop) {
                        List<Entry> batch = new ArrayList<>();
                        for (int i = 0; i < batchSize; i++) {
                            batch.add(new Entry(UUID.randomUUID(), phone.account, nextTime()));
                        }
                        // until acknowledged: while the stop file is absent without limit (bounded by max=),
                        // afterwards for drain= seconds
                        while (true) {
                            long deadline = Files.exists(stop)
                                    ? System.currentTimeMillis() + drainMillis
                                    : Math.min(hardStop, System.currentTimeMillis() + 30_000);
                            if (phone.sendUntilAcked(batch, deadline) || Files.exists(stop)
                                    || System.currentTimeMillis() >= hardStop) {
                                break;
                            }
                            gaveUp.decrementAndGet(); // not given up: the next round of retries follows
                        }
                        batches.incrementAndGet();
                    }
                } catch (Exception e) {
                    System.err.println("client failed: " + e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        writeLedger();
        Map<String, Object> r = counters();
        r.put("batches", batches.get());
        r.put("clients", clients);
        r.put("batch", batchSize);
        return r;
    }

    static Map<String, Object> counters() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("sent", sent.size());
        r.put("acknowledged", acked.size());
        r.put("requests", requests.get());
        r.put("failed_requests", failures.get());
        r.put("retries", retries.get());
        r.put("new_key_retries", newKeyRetries.get());
        r.put("replays", replays.get());
        r.put("sign_ins_again", signIns.get());
        r.put("refused", refused.get());
        r.put("gave_up_batches", gaveUp.get());
        Map<String, Object> s = new TreeMap<>();
        statuses.forEach((k, v) -> s.put(k, v.get()));
        r.put("statuses", s);
        return r;
    }

    static void writeLedger() throws IOException {
        List<String> lines = new ArrayList<>();
        sent.values().forEach(e -> lines.add(e.id() + "\t" + e.account().patientId + "\t" + e.at()));
        Files.write(Path.of(opts.get("sent")), lines);
        List<String> ack = new ArrayList<>();
        acked.forEach(id -> ack.add(id.toString()));
        Files.write(Path.of(opts.get("acked")), ack);
    }

    // ---------------------------------------------------------------- offline burst

    static Map<String, Object> offline() throws Exception {
        int phones = Integer.parseInt(opts.getOrDefault("phones", "200"));
        int entries = Integer.parseInt(opts.getOrDefault("entries", "100000"));
        int batchSize = Integer.parseInt(opts.getOrDefault("batch", "100"));
        List<Account> accounts = accounts(phones);
        signInAll(accounts);
        // every phone's outbox, filled while it was offline
        List<List<Entry>> outboxes = new ArrayList<>();
        for (int p = 0; p < phones; p++) {
            outboxes.add(new ArrayList<>());
        }
        for (int i = 0; i < entries; i++) {
            Account account = accounts.get((i % phones) % accounts.size());
            outboxes.get(i % phones).add(new Entry(UUID.randomUUID(), account, nextTime()));
        }
        AtomicLong duplicatesResent = new AtomicLong();
        long deadline = System.currentTimeMillis() + Long.parseLong(opts.getOrDefault("max", "900")) * 1000;
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int p = 0; p < phones; p++) {
            List<Entry> outbox = outboxes.get(p);
            Phone phone = new Phone(accounts.get(p % accounts.size()), 5000 + p);
            Thread thread = new Thread(() -> {
                try {
                    List<Entry> previous = List.of();
                    for (int from = 0; from < outbox.size(); from += batchSize) {
                        List<Entry> batch = new ArrayList<>(outbox.subList(from, Math.min(outbox.size(), from + batchSize)));
                        // a phone that did not hear back resends some of its last batch's entries with the next one
                        if (!previous.isEmpty() && phone.random.nextInt(5) == 0) {
                            List<Entry> again = previous.subList(0, Math.min(10, previous.size()));
                            batch.addAll(0, again);
                            duplicatesResent.addAndGet(again.size());
                        }
                        if (!phone.sendUntilAcked(batch, deadline)) {
                            continue;
                        }
                        int dice = phone.random.nextInt(10);
                        if (dice == 0) {
                            // the response was lost: the same batch again under a new key (stored ids: ALREADY_STORED)
                            replays.incrementAndGet();
                            phone.sendUntilAcked(batch, deadline);
                        }
                        previous = batch;
                    }
                } catch (Exception e) {
                    System.err.println("phone failed: " + e);
                }
            });
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        writeLedger();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("offline_entries", sent.size());
        r.put("offline_seconds", Math.round(seconds * 10) / 10.0);
        r.put("offline_entries_per_s", Math.round(sent.size() / seconds));
        r.put("phones", phones);
        r.put("accounts", accounts.size());
        r.put("batch", batchSize);
        r.put("entries_resent_in_later_batches", duplicatesResent.get());
        r.putAll(counters());
        return r;
    }

    // ---------------------------------------------------------------- check

    static Map<String, Object> check() throws Exception {
        List<String> sentLines = Files.readAllLines(Path.of(opts.get("sent")));
        Set<String> ackedIds = new HashSet<>(Files.readAllLines(Path.of(opts.get("acked"))));
        ackedIds.remove("");
        long lost = 0;
        long storedNotAcked = 0;
        long duplicated = 0;
        long noAudit = 0;
        long auditTwice = 0;
        long noStock = 0;
        long stored = 0;
        try (Connection c = LoadDriver.db()) {
            for (int from = 0; from < sentLines.size(); from += 5000) {
                List<String> chunk = sentLines.subList(from, Math.min(sentLines.size(), from + 5000));
                String[] ids = new String[chunk.size()];
                String[] patients = new String[chunk.size()];
                String[] times = new String[chunk.size()];
                for (int i = 0; i < chunk.size(); i++) {
                    String[] f = chunk.get(i).split("\t");
                    ids[i] = f[0];
                    patients[i] = f[1];
                    times[i] = f[2];
                }
                Set<String> found = new HashSet<>();
                try (var st = c.prepareStatement("select id::text from diary.infusion where id = any(?::uuid[])")) {
                    st.setArray(1, c.createArrayOf("text", ids));
                    try (var rs = st.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
                stored += found.size();
                for (String id : ids) {
                    if (ackedIds.contains(id) && !found.contains(id)) {
                        lost++;
                    }
                    if (!ackedIds.contains(id) && found.contains(id)) {
                        storedNotAcked++;
                    }
                }
                // a logical entry (patient, time) stored more than once, under any id
                duplicated += count(c, """
                        select coalesce(sum(n - 1), 0) from (
                          select count(*) n from diary.infusion i
                          join unnest(?::uuid[], ?::timestamptz[]) s(patient_id, at)
                            on i.patient_id = s.patient_id and i.administered_at = s.at
                          group by i.patient_id, i.administered_at having count(*) > 1) d""",
                        c.createArrayOf("text", patients), c.createArrayOf("text", times));
                // written in the sync's transaction: the infusion and its audit event, both or neither
                noAudit += count(c, """
                        select count(*) from diary.infusion i where i.id = any(?::uuid[]) and not exists (
                          select 1 from audit.event e where e.resource_type = 'Infusion' and e.action = 'CREATE'
                            and e.resource_id = i.id::text)""", c.createArrayOf("text", ids));
                noAudit += count(c, """
                        select count(*) from audit.event e where e.resource_type = 'Infusion' and e.action = 'CREATE'
                          and e.resource_id = any(?::text[])
                          and not exists (select 1 from diary.infusion i where i.id::text = e.resource_id)""",
                        c.createArrayOf("text", ids));
                auditTwice += count(c, """
                        select coalesce(sum(n - 1), 0) from (select count(*) n from audit.event e
                          where e.resource_type = 'Infusion' and e.action = 'CREATE' and e.resource_id = any(?::text[])
                          group by e.resource_id having count(*) > 1) d""", c.createArrayOf("text", ids));
                // counted out of home stock after the commit (supply's listener): every entry names its batch
                noStock += count(c, """
                        select count(*) from diary.infusion i where i.id = any(?::uuid[]) and not exists (
                          select 1 from supply.stock_use u where u.source_id = i.id and u.kind = 'INFUSED')""",
                        c.createArrayOf("text", ids));
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sent", sentLines.size());
            r.put("acknowledged", ackedIds.size());
            r.put("stored", stored);
            r.put("stored_not_acknowledged", storedNotAcked);
            r.put("lost", lost);
            r.put("duplicated", duplicated + auditTwice);
            r.put("half_written", noAudit);
            r.put("stock_missing", noStock);
            r.put("sync_requests_in_flight",
                    count(c, "select count(*) from diary.sync_request where state = 'IN_FLIGHT'"));
            r.put("sync_requests_failed", count(c, "select count(*) from diary.sync_request where state = 'FAILED'"));
            return r;
        }
    }

    static long count(Connection c, String sql, Object... params) throws Exception {
        try (var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- audit chain of the running system

    static Map<String, Object> verify() throws Exception {
        LoadDriver.Client admin = new LoadDriver.Client().signIn("admin");
        var response = admin.get("/api/v1/audit/verify", "application/json");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", response.statusCode());
        r.put("chain_ok", response.statusCode() == 200 && response.body().replace(" ", "").contains("\"ok\":true"));
        r.put("body", response.body());
        return r;
    }

    // ---------------------------------------------------------------- backup and restore

    /** Row counts of every table of the connection's database, in its current transaction. */
    static Map<String, Long> rowCounts(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery("""
                select format('%I.%I', schemaname, tablename) from pg_tables
                where schemaname not in ('pg_catalog', 'information_schema') order by 1""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, count(c, "select count(*) from " + table));
        }
        return counts;
    }

    static Map<String, Object> backup() throws Exception {
        String superJdbc = opts.get("superjdbc"); // the same server as superuser, database hemonet
        String restoreDb = opts.getOrDefault("restore", "hemonet_restore");
        String bin = opts.get("pgbin");
        String host = opts.getOrDefault("host", "127.0.0.1");
        String port = opts.get("port");
        Path dump = Path.of(opts.get("dump"));
        Map<String, Object> r = new LinkedHashMap<>();
        Map<String, Long> source;
        long dumpMillis;
        try (Connection c = DriverManager.getConnection(superJdbc, "postgres", "")) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot;
            try (var st = c.createStatement(); var rs = st.executeQuery("select pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            source = rowCounts(c);
            long t0 = System.nanoTime();
            run(List.of(bin + "/pg_dump", "--host=" + host, "--port=" + port, "--username=postgres",
                    "--format=custom", "--snapshot=" + snapshot, "--file=" + dump, "hemonet"));
            dumpMillis = (System.nanoTime() - t0) / 1_000_000;
            c.commit();
        }
        String owner = opts.getOrDefault("owner", "hemonet_owner");
        try (Connection c = DriverManager.getConnection(superJdbc, "postgres", "");
                var st = c.createStatement()) {
            st.execute("drop database if exists " + restoreDb);
            st.execute("create database " + restoreDb + " owner " + owner);
        }
        long t1 = System.nanoTime();
        run(List.of(bin + "/pg_restore", "--host=" + host, "--port=" + port, "--username=postgres",
                "--exit-on-error", "--dbname=" + restoreDb, dump.toString()));
        long restoreMillis = (System.nanoTime() - t1) / 1_000_000;
        Map<String, Long> restored;
        try (Connection c = DriverManager.getConnection(
                superJdbc.replaceAll("/hemonet(\\?|$)", "/" + restoreDb + "$1"), "postgres", "")) {
            restored = rowCounts(c);
        }
        List<String> mismatches = new ArrayList<>();
        for (String table : source.keySet()) {
            if (!source.get(table).equals(restored.get(table))) {
                mismatches.add(table + ": " + source.get(table) + " vs " + restored.get(table));
            }
        }
        for (String table : restored.keySet()) {
            if (!source.containsKey(table)) {
                mismatches.add(table + ": only in the restore");
            }
        }
        r.put("restore_rows_match", mismatches.isEmpty());
        r.put("tables", source.size());
        r.put("rows", source.values().stream().mapToLong(Long::longValue).sum());
        r.put("mismatches", mismatches);
        r.put("dump_bytes", Files.size(dump));
        r.put("dump_ms", dumpMillis);
        r.put("restore_ms", restoreMillis);
        r.put("audit_events", source.getOrDefault("audit.event", 0L));
        r.put("infusions", source.getOrDefault("diary.infusion", 0L));
        return r;
    }

    static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + output);
        }
    }
}
