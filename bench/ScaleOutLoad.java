import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client of bench/scale_out.sh (run as a source file: java bench/ScaleOutLoad.java <mode> ...). Two modes:
 *
 * <p>{@code load <base-url> <stop-file> <out-file> <password> <username>...}: one closed-loop worker per user (the
 * load is bounded by the number of users), each logging in once and then mixing reads (its XP, its newest sessions),
 * session creates and XP adds until the stop file exists (at most 10 minutes). Every answer that is not a 2xx counts as
 * a failed request. It writes what the database must show: per user the XP it was acknowledged, the XP of adds whose
 * answer was lost (they may or may not have been applied), and the session ids acknowledged, in order.
 *
 * <p>{@code coherence <password> <user> <admin-user> <url,url,...> <command>...}: logs the user in on the first
 * instance, warms every instance's token state, logs out and measures when each instance refuses the token; then logs
 * the admin in, lets the command (an admin CLI call that demotes the admin) run and measures when each instance
 * refuses the admin-only read. Prints each time; exits 1 when any exceeds a second.
 */
public class ScaleOutLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final Duration COHERENCE_BOUND = Duration.ofSeconds(1);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args);
            case "coherence" -> System.exit(coherence(args));
            default -> throw new IllegalArgumentException("mode: load or coherence");
        }
    }

    // ---- load ----------------------------------------------------------------------------------------------------

    record Failure(long atMillis, String op, String what) {}

    static final class Worker implements Runnable {
        final String base;
        final String username;
        final String password;
        final Path stop;
        final String tag;
        String userId;
        String token;
        long ackedXp;
        long ambiguousXp;
        final List<String> ackedSessions = new ArrayList<>();
        final List<String> ambiguousSessions = new ArrayList<>();
        final List<Failure> failures = new ArrayList<>();
        final Map<String, Long> done = new LinkedHashMap<>();
        long requests;

        Worker(String base, String username, String password, Path stop, String tag) {
            this.base = base;
            this.username = username;
            this.password = password;
            this.stop = stop;
            this.tag = tag;
        }

        /** Logs in (again after a failed attempt, as a client would); false when the stop file came first. */
        boolean logIn() {
            while (!Files.exists(stop)) {
                try {
                    Map<String, String> login = login(base, username, password);
                    token = login.get("access_token");
                    userId = login.get("user_id");
                    return true;
                } catch (Exception e) {
                    requests++;
                    failures.add(new Failure(System.currentTimeMillis(), "login", e.toString()));
                    sleep(200);
                }
            }
            return false;
        }

        @Override
        public void run() {
            if (token == null && !logIn()) {
                return;
            }
            long deadline = System.nanoTime() + LIMIT.toNanos();
            int seq = 0;
            while (!Files.exists(stop) && System.nanoTime() < deadline) {
                int dice = ThreadLocalRandom.current().nextInt(8);
                if (dice < 2) {
                    call("read_xp", "GET", "/profile/" + userId + "/xp", null, token);
                } else if (dice < 4) {
                    call("read_sessions", "GET", "/sessions/user/" + userId + "?limit=5", null, token);
                } else if (dice < 6) {
                    String sessionId = username + "_" + tag + "_" + (seq++);
                    Boolean ok = call(
                            "session_create",
                            "POST",
                            "/sessions/",
                            "{\"user_id\":\"" + userId + "\",\"session_id\":\"" + sessionId + "\",\"title\":\"t\"}",
                            token);
                    (ok ? ackedSessions : ambiguousSessions).add(sessionId);
                } else {
                    int amount = 1 + ThreadLocalRandom.current().nextInt(9);
                    Boolean ok = call(
                            "xp_add", "POST", "/profile/" + userId + "/add_xp", "{\"amount\":" + amount + "}", token);
                    if (ok) {
                        ackedXp += amount;
                    } else {
                        ambiguousXp += amount;
                    }
                }
            }
        }

        /** True for a 2xx answer; anything else is recorded as a failed request. */
        private boolean call(String op, String method, String path, String json, String token) {
            requests++;
            done.merge(op, 1L, Long::sum);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token);
            if (json == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            try {
                HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    return true;
                }
                String body = answer.body().replaceAll("\\s+", " ");
                failures.add(new Failure(
                        System.currentTimeMillis(),
                        op,
                        answer.statusCode() + " " + body.substring(0, Math.min(120, body.length()))));
            } catch (IOException e) {
                failures.add(new Failure(System.currentTimeMillis(), op, e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(new Failure(System.currentTimeMillis(), op, "interrupted"));
            }
            return false;
        }
    }

    private static void load(String[] args) throws Exception {
        String base = args[1];
        Path stop = Path.of(args[2]);
        Path out = Path.of(args[3]);
        String password = args[4];
        String tag = Long.toString(System.currentTimeMillis(), 36);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            workers.add(new Worker(base, args[i], password, stop, tag));
        }
        // Every user logs in first (the logins are not the load: they queue for the hashing pool), then the phase's
        // clock starts: the harness waits for <stop-file>.started.
        List<Thread> logins = new ArrayList<>();
        for (Worker worker : workers) {
            Thread thread = new Thread(worker::logIn, "login-" + worker.username);
            logins.add(thread);
            thread.start();
        }
        for (Thread thread : logins) {
            thread.join();
        }
        Files.writeString(Path.of(stop + ".started"), "");
        for (Worker worker : workers) {
            Thread thread = new Thread(worker, "worker-" + worker.username);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, Long> byOp = new LinkedHashMap<>();
        long requests = 0;
        long failed = 0;
        for (Worker w : workers) {
            requests += w.requests;
            failed += w.failures.size();
            w.done.forEach((op, n) -> byOp.merge(op, n, Long::sum));
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            StringBuilder ops = new StringBuilder();
            byOp.forEach((op, n) -> ops.append(' ').append(op).append('=').append(n));
            w.println("summary requests=" + requests + " failed=" + failed + ops);
            for (Worker worker : workers) {
                for (Failure f : worker.failures) {
                    w.println("failure " + f.atMillis() + " " + f.op() + " " + f.what());
                }
            }
            for (Worker worker : workers) {
                if (worker.userId != null) {
                    w.println("user " + worker.userId + " " + worker.ackedXp + " " + worker.ambiguousXp + " "
                            + csv(worker.ackedSessions) + " " + csv(worker.ambiguousSessions));
                }
            }
        }
    }

    private static String csv(List<String> ids) {
        return ids.isEmpty() ? "-" : String.join(",", ids);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- coherence -----------------------------------------------------------------------------------------------

    private static int coherence(String[] args) throws Exception {
        String password = args[1];
        String user = args[2];
        String admin = args[3];
        String[] urls = args[4].split(",");
        List<String> command = List.of(args).subList(5, args.length);
        boolean within = true;

        String token = login(urls[0], user, password).get("access_token");
        for (String url : urls) {
            expect(get(url, "/auth/me", token), 200, url);
        }
        expect(post(urls[0], "/auth/logout", token), 200, urls[0]);
        within &= report("logout", refusals(urls, "/auth/me", token, System.nanoTime()), urls.length);

        String adminToken = login(urls[0], admin, password).get("access_token");
        for (String url : urls) {
            expect(get(url, "/admin/audit?limit=1", adminToken), 200, url);
        }
        Process demote = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (demote.waitFor() != 0) {
            throw new IllegalStateException("role change command failed: " + command);
        }
        within &= report("role change", refusals(urls, "/admin/audit?limit=1", adminToken, System.nanoTime()), urls.length);
        return within ? 0 : 1;
    }

    /** Polls every instance in turn until each refuses; the time from {@code since} to each one's first refusal. */
    private static Map<String, Duration> refusals(String[] urls, String path, String token, long since)
            throws Exception {
        Map<String, Duration> refused = new LinkedHashMap<>();
        long deadline = since + Duration.ofSeconds(30).toNanos();
        while (refused.size() < urls.length && System.nanoTime() < deadline) {
            for (String url : urls) {
                if (!refused.containsKey(url) && get(url, path, token) != 200) {
                    refused.put(url, Duration.ofNanos(System.nanoTime() - since));
                }
            }
            Thread.sleep(10);
        }
        return refused;
    }

    private static boolean report(String what, Map<String, Duration> refused, int instances) {
        boolean all = refused.size() == instances;
        StringBuilder times = new StringBuilder();
        for (Map.Entry<String, Duration> e : refused.entrySet()) {
            times.append(' ').append(e.getKey()).append('=').append(e.getValue().toMillis()).append("ms");
            all &= e.getValue().compareTo(COHERENCE_BOUND) <= 0;
        }
        System.out.println(what + " refused on every instance within 1 s: " + (all ? "yes" : "NO") + " (" + times.toString().trim() + ")");
        return all;
    }

    private static void expect(int status, int expected, String url) {
        if (status != expected) {
            throw new IllegalStateException(url + " answered " + status + ", expected " + expected);
        }
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    /** Logs in, honouring Retry-After (429, 503) as a well-behaved client does when logins arrive all at once. */
    private static Map<String, String> login(String base, String username, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> answer;
        int attempts = 0;
        while (true) {
            answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                            .timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var retryAfter = answer.headers().firstValue("Retry-After");
            if (retryAfter.isEmpty() || ++attempts > 10) {
                break;
            }
            Thread.sleep(1000L * Long.parseLong(retryAfter.get().trim()));
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + ": " + answer.statusCode() + " " + answer.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"(access_token|user_id)\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    private static int get(String base, String path, String token) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(REQUEST_TIMEOUT)
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int post(String base, String path, String token) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(REQUEST_TIMEOUT)
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
