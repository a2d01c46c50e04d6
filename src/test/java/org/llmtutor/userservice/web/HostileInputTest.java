package org.llmtutor.userservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.support.RawHttp;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import tools.jackson.databind.JsonNode;

/**
 * A generated corpus of malformed and hostile requests over every endpoint, sent byte for byte over a socket: every
 * answer is a 4xx (505 and 501 only where HTTP itself asks for them) with a JSON problem whose {@code detail} is a string and an
 * {@code X-Request-Id}; the owner's stored data is the same after each category as before it; and the service is
 * healthy afterwards.
 */
class HostileInputTest extends IntegrationTest {

    private static final Set<Integer> ANY_4XX = Set.of();
    private static final Set<Integer> INVALID = Set.of(422);
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String NOBODY = "nobody_hostile";

    /** JSON string literals (escapes included) that no stored string may hold, or that are longer than any may be. */
    private static final List<String> POISONED_STRINGS = List.of(
            "\"a\\u0000b\"",
            "\"\\u0000\"",
            "\"abc\\u0000\"",
            "\"x\\ud800y\"",
            "\"x\\udbffy\"",
            "\"x\\udc00y\"",
            "\"\\udfff\"",
            "\"\\udc00\\ud800\"",
            "\"end\\ud83d\"",
            "\"\\ud83d\\ud83d\\ude00\"",
            "\"" + "a".repeat(70_000) + "\"",
            "\"" + "\\u0000".repeat(1000) + "\"");

    record Case(String category, String name, byte[] request, Set<Integer> expected) {}

    record Fixture(User owner, String token, String admin, String sessionId) {}

    @Test
    void everyHostileRequestIsRefusedWithAJsonProblemAndChangesNothing() {
        Fixture f = fixture();
        List<Case> cases = new ArrayList<>();
        jsonStrings(f, cases);
        jsonNumbers(f, cases);
        jsonStructure(f, cases);
        mediaTypes(f, cases);
        acceptHeaders(f, cases);
        formEncodings(cases);
        queryAndPath(f, cases);
        tomcatLevel(cases);
        methodsAndOddPaths(f, cases);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(1000);

        Map<String, List<Case>> byCategory =
                cases.stream().collect(Collectors.groupingBy(Case::category, LinkedHashMap::new, Collectors.toList()));
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder("\ncategory              cases  statuses\n");
        for (Map.Entry<String, List<Case>> category : byCategory.entrySet()) {
            String before = snapshot(f.owner());
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Case c : category.getValue()) {
                RawHttp.Response r = RawHttp.exchange(port, c.request());
                statuses.merge(r.status(), 1, Integer::sum);
                String problem = problem(c, r);
                if (problem != null) {
                    failures.add(c.category() + " / " + c.name() + ": " + problem);
                }
            }
            if (!snapshot(f.owner()).equals(before)) {
                failures.add(category.getKey() + ": the owner's stored data changed");
            }
            table.append(String.format(
                    "%-21s %5d  %s%n", category.getKey(), category.getValue().size(), statuses));
        }
        table.append(String.format("%-21s %5d%n", "total", cases.size()));
        System.out.println(table);

        assertThat(failures).as(table.toString()).isEmpty();
        serviceIsHealthy(f);
    }

    /** What is wrong with the answer to a case, or null. */
    private static String problem(Case c, RawHttp.Response r) {
        if (!c.expected().isEmpty() && !c.expected().contains(r.status())) {
            return "status " + r.status() + ", expected " + c.expected() + ": " + clip(r.body());
        }
        if (c.expected().isEmpty() && (r.status() < 400 || r.status() > 499)) {
            return "status " + r.status() + ", expected a 4xx: " + clip(r.body());
        }
        if (r.header("X-Request-Id") == null) {
            return "no X-Request-Id";
        }
        String type = r.header("Content-Type");
        if (type == null || !type.contains("json")) {
            return "Content-Type " + type + ": " + clip(r.body());
        }
        JsonNode body = r.jsonOrNull();
        if (body == null) {
            return "body is not JSON: " + clip(r.body());
        }
        if (r.status() >= 400
                && (body.get("detail") == null || !body.get("detail").isString())) {
            return "no string detail: " + clip(r.body());
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Categories

    /** Every string field of every JSON body, with NUL, unpaired surrogates or too much text. */
    private static void jsonStrings(Fixture f, List<Case> cases) {
        for (JsonBody body : jsonBodies(f)) {
            for (String field : body.fields().keySet()) {
                for (int i = 0; i < POISONED_STRINGS.size(); i++) {
                    cases.add(new Case(
                            "json-strings",
                            body.method() + " " + body.path() + " " + field + " #" + i,
                            json(body.method(), body.path(), f.token(), body.with(field, POISONED_STRINGS.get(i))),
                            INVALID));
                }
            }
        }
    }

    /** Numbers out of range, of the wrong kind, or of a thousand digits; in JSON and in query parameters. */
    private static void jsonNumbers(Fixture f, List<Case> cases) {
        String thousandDigits = "9".repeat(1000);
        String addXp = "/profile/" + f.owner().getId() + "/add_xp";
        for (String amount : List.of(
                "0",
                "-1",
                "2147483648",
                "100001",
                "1e2",
                "1.5",
                thousandDigits,
                "-" + thousandDigits,
                "1e400",
                "-1e400",
                "1e-400",
                "\"5\"",
                "true",
                "null",
                "[]",
                "{}",
                "0." + thousandDigits.substring(2))) {
            cases.add(new Case(
                    "json-numbers",
                    "amount " + clip(amount),
                    json("POST", addXp, f.token(), "{\"amount\":" + amount + "}"),
                    INVALID));
        }
        for (String score : List.of(
                "-0.001",
                "100.0001",
                "101",
                "1e3",
                thousandDigits,
                "-" + thousandDigits,
                "1" + "0".repeat(999),
                "1e400",
                "-1e400",
                "1e999999999",
                "\"80\"",
                "true",
                "null",
                "[]",
                "{}")) {
            cases.add(new Case(
                    "json-numbers",
                    "score " + clip(score),
                    json("POST", "/quiz/results", f.token(), quiz(f, "\"q\"", score, "{\"n\":1}")),
                    INVALID));
        }
        for (String number : List.of("1e400", "-1e400", "1e999999999", "-1e999999999")) {
            cases.add(new Case(
                    "json-numbers",
                    "details number " + number,
                    json("POST", "/quiz/results", f.token(), quiz(f, "\"q\"", "50", "{\"n\":" + number + "}")),
                    INVALID));
        }
        String owner = f.owner().getId().toString();
        for (String path : List.of("/sessions/user/" + owner, "/quiz/results/user/" + owner, "/admin/audit")) {
            String token = path.startsWith("/admin") ? f.admin() : f.token();
            for (String value :
                    List.of("0", "-1", "1001", "99999999999999999999", thousandDigits, "abc", "1.5", "1e3", "%00")) {
                cases.add(new Case(
                        "json-numbers", path + " limit=" + clip(value), get(path + "?limit=" + value, token), INVALID));
            }
            for (String value : List.of("-1", thousandDigits, "abc", "1.0")) {
                cases.add(new Case(
                        "json-numbers",
                        path + " offset=" + clip(value),
                        get(path + "?offset=" + value, token),
                        INVALID));
            }
        }
    }

    /** Bodies that are not JSON, not an object, nested too deep, or not UTF-8. */
    private static void jsonStructure(Fixture f, List<Case> cases) {
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of(
                "",
                "{",
                "{\"a\":",
                "}",
                "[]",
                "\"text\"",
                "123",
                "null",
                "{\"a\":1}}",
                "{\"a\":1} {\"b\":2}",
                "{'a':1}",
                "{\"a\":NaN}",
                "{\"a\":Infinity}",
                "{\"a\":1,}",
                "[".repeat(5000),
                "{\"a\":".repeat(3000))) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        for (JsonBody body : jsonBodies(f)) {
            for (int i = 0; i < bodies.size(); i++) {
                cases.add(new Case(
                        "json-structure",
                        body.method() + " " + body.path() + " #" + i,
                        RawHttp.request(body.method(), body.path(), headers(f.token(), JSON), bodies.get(i)),
                        INVALID));
            }
            // Bytes that are not UTF-8 (invalid, a surrogate's encoding, an overlong '/') in the first string field.
            String first = body.fields().keySet().iterator().next();
            String[] around = body.with(first, "\"@@\"").split("@@", 2);
            for (byte[] bad : List.of(
                    new byte[] {(byte) 0xFF, (byte) 0xFE},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    new byte[] {(byte) 0xC0, (byte) 0xAF},
                    new byte[] {'a', (byte) 0xE2, (byte) 0x82})) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(bad);
                bytes.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
                cases.add(new Case(
                        "json-structure",
                        body.method() + " " + body.path() + " " + first + " not UTF-8",
                        RawHttp.request(body.method(), body.path(), headers(f.token(), JSON), bytes.toByteArray()),
                        INVALID));
            }
        }
    }

    /** Valid bodies under content types the endpoint does not read: 415, never a parse failure. */
    private static void mediaTypes(Fixture f, List<Case> cases) {
        for (JsonBody body : jsonBodies(f)) {
            byte[] valid = body.valid().getBytes(StandardCharsets.UTF_8);
            for (String type : List.of(
                    "multipart/form-data",
                    "multipart/form-data; boundary=XyZ",
                    "multipart/mixed; boundary=XyZ",
                    "*/*",
                    "text/plain",
                    "application/xml",
                    FORM,
                    "bogus",
                    "application/",
                    "text/html",
                    "image/png",
                    "application/octet-stream")) {
                cases.add(new Case(
                        "media-types",
                        body.method() + " " + body.path() + " as " + type,
                        RawHttp.request(body.method(), body.path(), headers(f.token(), type), valid),
                        Set.of(415)));
            }
            cases.add(new Case(
                    "media-types",
                    body.method() + " " + body.path() + " without Content-Type",
                    RawHttp.request(body.method(), body.path(), headers(f.token(), null), valid),
                    Set.of(415)));
        }
        for (String path : List.of("/auth/login", "/auth/token")) {
            byte[] form = ("grant_type=password&username=" + NOBODY + "&password=x").getBytes(StandardCharsets.UTF_8);
            for (String type : List.of(JSON, "text/plain", "*/*", "bogus", "application/xml", "image/png")) {
                cases.add(new Case(
                        "media-types",
                        path + " as " + type,
                        RawHttp.request("POST", path, headers(null, type), form),
                        Set.of(415)));
            }
            cases.add(new Case(
                    "media-types",
                    path + " without Content-Type",
                    RawHttp.request("POST", path, headers(null, null), form),
                    Set.of(415)));
        }
    }

    /** Clients that accept nothing JSON get a 406 with a JSON body, before any write is applied. */
    private static void acceptHeaders(Fixture f, List<Case> cases) {
        for (Endpoint e : endpoints(f)) {
            for (String accept : List.of(
                    "bogus",
                    "text/html",
                    "image/png",
                    "application/xml",
                    "text/plain",
                    "text/*",
                    "*/",
                    "application/")) {
                Map<String, String> headers = headers(e.token(), e.contentType());
                headers.put("Accept", accept);
                cases.add(new Case(
                        "accept",
                        e.method() + " " + e.path() + " Accept " + accept,
                        RawHttp.request(e.method(), e.path(), headers, e.body()),
                        Set.of(406)));
            }
        }
    }

    /** Login and token forms with broken encodings, NUL, overlong or oversized content, broken multipart. */
    private static void formEncodings(List<Case> cases) {
        String u = "username=" + NOBODY;
        for (String path : List.of("/auth/login", "/auth/token")) {
            String grant = path.endsWith("token") ? "grant_type=password&" : "";
            Map<String, Set<Integer>> forms = new LinkedHashMap<>();
            forms.put("username=%zz&password=x", Set.of(400));
            forms.put("username=a%&password=x", Set.of(400));
            forms.put("username=a%2&password=x", Set.of(400));
            forms.put("username=%FF%FE&password=x", Set.of(400));
            forms.put("username=%C0%AF&password=x", Set.of(400));
            forms.put("username=%ED%A0%80&password=x", Set.of(400));
            forms.put(u + "&password=%ED%B0%80", Set.of(400));
            forms.put("username=%E2%82&password=x", Set.of(400));
            forms.put("username=a%00b&password=x", INVALID);
            forms.put(u + "&password=a%00b", INVALID);
            forms.put("username=%00&password=%00", INVALID);
            forms.put("username=" + "a".repeat(65_600) + "&password=x", Set.of(413));
            forms.put(u + "&password=" + "p".repeat(70_000), Set.of(413));
            forms.put("&&&=&=", Set.of(400, 422));
            forms.put("=", Set.of(400, 422));
            forms.put("username", INVALID);
            forms.put("%00=x&" + u + "&password=x", Set.of(400, 422));
            for (Map.Entry<String, Set<Integer>> form : forms.entrySet()) {
                cases.add(new Case(
                        "form-encoding",
                        path + " " + clip(form.getKey()),
                        RawHttp.request(
                                "POST",
                                path,
                                headers(null, FORM),
                                (grant + form.getKey()).getBytes(StandardCharsets.ISO_8859_1)),
                        form.getValue()));
            }
            cases.add(new Case(
                    "form-encoding",
                    path + " UTF-16 form",
                    RawHttp.request(
                            "POST",
                            path,
                            headers(null, FORM + "; charset=UTF-16"),
                            (grant + u + "&password=x").getBytes(StandardCharsets.UTF_16)),
                    ANY_4XX));
            cases.add(new Case(
                    "form-encoding",
                    path + " chunked 1 MiB form",
                    chunked(path, ("password=" + "p".repeat(1 << 20)).getBytes(StandardCharsets.US_ASCII)),
                    Set.of(413)));
            String boundary = "b0undary";
            String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n" + NOBODY
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nx\r\n";
            String type = "multipart/form-data; boundary=" + boundary;
            cases.add(new Case(
                    "form-encoding",
                    path + " multipart without closing boundary",
                    RawHttp.request(
                            "POST",
                            path,
                            headers(null, type),
                            (grant.isEmpty() ? "" : "").concat(part).getBytes(StandardCharsets.UTF_8)),
                    Set.of(400)));
            cases.add(new Case(
                    "form-encoding",
                    path + " truncated multipart",
                    RawHttp.request(
                            "POST",
                            path,
                            headers(null, type),
                            part.substring(0, part.length() / 2).getBytes(StandardCharsets.UTF_8)),
                    Set.of(400)));
            cases.add(new Case(
                    "form-encoding",
                    path + " multipart without boundary",
                    RawHttp.request(
                            "POST", path, headers(null, "multipart/form-data"), part.getBytes(StandardCharsets.UTF_8)),
                    Set.of(400)));
            String files = "--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"username\"; filename=\"u.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n" + NOBODY + "\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"password\"; filename=\"p.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nx\r\n--" + boundary + "--\r\n";
            cases.add(new Case(
                    "form-encoding",
                    path + " multipart whose fields are files",
                    RawHttp.request("POST", path, headers(null, type), files.getBytes(StandardCharsets.UTF_8)),
                    INVALID));
            String nul = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\na\u0000b\r\n--"
                    + boundary + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nx\r\n--" + boundary
                    + "--\r\n";
            cases.add(new Case(
                    "form-encoding",
                    path + " multipart with NUL",
                    RawHttp.request("POST", path, headers(null, type), nul.getBytes(StandardCharsets.UTF_8)),
                    INVALID));
            String big = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n"
                    + "u".repeat(100_000) + "\r\n--" + boundary + "--\r\n";
            cases.add(new Case(
                    "form-encoding",
                    path + " multipart with a 100 KB field",
                    RawHttp.request("POST", path, headers(null, type), big.getBytes(StandardCharsets.UTF_8)),
                    Set.of(413)));
            for (String query : List.of(
                    "username=a&password=b", "password=x", "refresh_token=x", "client_secret=x", "USERNAME=a")) {
                cases.add(new Case(
                        "credentials-in-url",
                        path + "?" + query,
                        RawHttp.request(
                                "POST",
                                path + "?" + query,
                                headers(null, FORM),
                                (grant + u + "&password=x").getBytes(StandardCharsets.UTF_8)),
                        Set.of(400)));
            }
        }
    }

    /** Query parameters and path variables with NUL, invalid UTF-8 or encodings, and ids that are not ids. */
    private static void queryAndPath(Fixture f, List<Case> cases) {
        String owner = f.owner().getId().toString();
        List<String> poisons = List.of("%00", "a%00b", "%FF", "%ED%A0%80", "%C0%AF", "%zz", "%", "%E2%82", "+%00+");
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("/quiz/results/user/" + owner + "?quiz_id=", f.token());
        targets.put("/quiz/results/user/" + owner + "/stats?quiz_id=", f.token());
        targets.put("/sessions/user/" + owner + "?limit=", f.token());
        targets.put("/admin/audit?user_id=", f.admin());
        targets.put("/admin/audit?type=", f.admin());
        targets.put("/health?x=", null);
        targets.put("/auth/me?x=", f.token());
        targets.put("/settings/" + owner + "?x=", f.token());
        targets.put("/profile/" + owner + "/xp?x=", f.token());
        targets.put("/settings/catalog?x=", f.token());
        for (Map.Entry<String, String> target : targets.entrySet()) {
            for (String poison : poisons) {
                cases.add(new Case(
                        "query-and-path",
                        target.getKey() + poison,
                        get(target.getKey() + poison, target.getValue()),
                        ANY_4XX));
            }
        }
        List<String> ids = List.of(
                "tmp",
                "%00",
                "%FF",
                "%ED%A0%80",
                "..%2F..",
                "a%2Fb",
                "x".repeat(10_000),
                "%20",
                "null",
                owner.substring(0, 35) + "%00");
        for (String template : List.of(
                "/profile/%s/xp",
                "/profile/%s",
                "/settings/%s",
                "/sessions/user/%s",
                "/quiz/results/user/%s",
                "/quiz/results/user/%s/stats")) {
            for (String id : ids) {
                cases.add(new Case(
                        "query-and-path",
                        String.format(template, clip(id)),
                        get(String.format(template, id), f.token()),
                        ANY_4XX));
            }
        }
        for (String id : List.of("%00", "%FF", "%ED%A0%80", "a%00b", "%zz", "x".repeat(10_000))) {
            cases.add(new Case(
                    "query-and-path",
                    "DELETE /sessions/" + clip(id),
                    RawHttp.request("DELETE", "/sessions/" + id, headers(f.token(), null), null),
                    ANY_4XX));
            cases.add(new Case(
                    "query-and-path",
                    "PATCH /sessions/" + clip(id),
                    json("PATCH", "/sessions/" + id, f.token(), "{\"title\":\"t\"}"),
                    ANY_4XX));
            cases.add(new Case(
                    "query-and-path",
                    "DELETE /auth/sessions/" + clip(id),
                    RawHttp.request("DELETE", "/auth/sessions/" + id, headers(f.token(), null), null),
                    ANY_4XX));
        }
    }

    /** Requests Tomcat refuses itself, before any filter: they still carry a request id and a JSON problem. */
    private static void tomcatLevel(List<Case> cases) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put(
                "10 KB X-Request-Id",
                "GET /health HTTP/1.1\r\nHost: a\r\nX-Request-Id: " + "r".repeat(10_000) + "\r\n");
        raw.put("header over 8 KB", "GET /health HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(9_000) + "\r\n");
        raw.put("Content-Length abc", "POST /auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n");
        raw.put("Content-Length -1", "POST /auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n");
        raw.put(
                "two Content-Lengths",
                "POST /auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n");
        raw.put(
                "Content-Length and chunked",
                "POST /auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n");
        raw.put("bad URI %", "GET /% HTTP/1.1\r\nHost: a\r\n");
        raw.put("bad URI %zz", "GET /health%zz HTTP/1.1\r\nHost: a\r\n");
        raw.put("NUL in the path", "GET /health%00 HTTP/1.1\r\nHost: a\r\n");
        raw.put("space in the path", "GET /a b HTTP/1.1\r\nHost: a\r\n");
        raw.put("no Host", "GET /health HTTP/1.1\r\n");
        raw.put("two Hosts", "GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n");
        raw.put("header without colon", "GET /health HTTP/1.1\r\nHost: a\r\nBroken\r\n");
        raw.put("control character in a header", "GET /health HTTP/1.1\r\nHost: a\r\nX-A: a\u0001b\r\n");
        raw.put("encoded slash", "GET /profile%2Fx HTTP/1.1\r\nHost: a\r\n");
        for (Map.Entry<String, String> request : raw.entrySet()) {
            cases.add(new Case(
                    "tomcat",
                    request.getKey(),
                    (request.getValue() + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
                    ANY_4XX));
        }
        // RFC 9112 asks for 501 for a transfer coding the server does not know, as it asks for 505 here.
        cases.add(new Case(
                "tomcat",
                "unknown Transfer-Encoding",
                "POST /auth/login HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII),
                Set.of(501)));
        cases.add(new Case(
                "tomcat",
                "HTTP/9.9",
                "GET /health HTTP/9.9\r\nHost: a\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                Set.of(505)));
    }

    /** Methods an endpoint does not take, OPTIONS, the error page and paths that do not exist. */
    private static void methodsAndOddPaths(Fixture f, List<Case> cases) {
        for (Endpoint e : endpoints(f)) {
            cases.add(new Case(
                    "methods-and-paths",
                    "OPTIONS " + e.path(),
                    RawHttp.request("OPTIONS", e.path(), headers(e.token(), null), null),
                    Set.of(200)));
            String wrong = e.method().equals("PUT") ? "POST" : "PUT";
            cases.add(new Case(
                    "methods-and-paths",
                    wrong + " " + e.path(),
                    RawHttp.request(wrong, e.path(), headers(e.token(), JSON), "{}".getBytes(StandardCharsets.UTF_8)),
                    Set.of(405)));
        }
        for (String path : List.of(
                "/error", "/actuator/health/db", "/actuator/nope", "/no/such/path", "/actuator/health/readiness/x")) {
            cases.add(new Case("methods-and-paths", "GET " + path, get(path, null), ANY_4XX));
            // Admins see the health components, the database among them.
            cases.add(new Case(
                    "methods-and-paths",
                    "GET " + path + " as admin",
                    get(path, f.admin()),
                    path.equals("/actuator/health/db") ? Set.of(200) : ANY_4XX));
        }
        cases.add(new Case(
                "methods-and-paths",
                "TRACE /health",
                RawHttp.request("TRACE", "/health", headers(null, null), null),
                Set.of(405)));
        cases.add(new Case(
                "methods-and-paths",
                "POST /error",
                RawHttp.request("POST", "/error", headers(null, JSON), "{}".getBytes(StandardCharsets.UTF_8)),
                ANY_4XX));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Endpoints and bodies

    /** A JSON body as a template: each field's value is a JSON literal that a case may replace. */
    record JsonBody(String method, String path, String template, Map<String, String> fields) {

        String with(String field, String literal) {
            String body = template;
            for (Map.Entry<String, String> entry : fields.entrySet()) {
                body = body.replace(
                        "${" + entry.getKey() + "}", entry.getKey().equals(field) ? literal : entry.getValue());
            }
            return body;
        }

        String valid() {
            return with(null, null);
        }
    }

    /** The JSON bodies of the service: a valid one differs from what the owner has stored, so applying it shows. */
    private static List<JsonBody> jsonBodies(Fixture f) {
        String owner = "\"" + f.owner().getId() + "\"";
        return List.of(
                new JsonBody(
                        "POST",
                        "/sessions/",
                        "{\"user_id\":${user_id},\"session_id\":${session_id},\"title\":${title}}",
                        fields("user_id", owner, "session_id", "\"hostile_new\"", "title", "\"t\"")),
                new JsonBody(
                        "PATCH", "/sessions/" + f.sessionId(), "{\"title\":${title}}", fields("title", "\"renamed\"")),
                new JsonBody(
                        "POST",
                        "/settings/" + f.owner().getId(),
                        "{\"agent\":{\"provider\":${agent.provider},\"model\":${agent.model}},${key}:{\"provider\":"
                                + "\"openai\",\"model\":\"gpt-4o\"},\"identityId\":${identityId}}",
                        fields(
                                "agent.provider", "\"zai\"",
                                "agent.model", "\"glm-4.6\"",
                                "key", "\"rag\"",
                                "identityId", "\"ds_woman\"")),
                new JsonBody(
                        "PATCH",
                        "/settings/" + f.owner().getId(),
                        "{\"quiz\":{\"provider\":\"openai\",\"model\":${quiz.model}},\"identityId\":${identityId}}",
                        fields("quiz.model", "\"gpt-4o\"", "identityId", "\"ds_woman\"")),
                new JsonBody(
                        "POST",
                        "/quiz/results",
                        "{\"user_id\":${user_id},\"quiz_id\":${quiz_id},\"score\":50,\"details\":{\"note\":"
                                + "${details.note},${details.key}:1}}",
                        fields(
                                "user_id", owner,
                                "quiz_id", "\"hostile\"",
                                "details.note", "\"ok\"",
                                "details.key", "\"k\"")),
                new JsonBody(
                        "POST",
                        "/profile/" + f.owner().getId() + "/add_xp",
                        "{\"amount\":${amount}}",
                        fields("amount", "5")),
                new JsonBody(
                        "POST",
                        "/auth/password",
                        "{\"current_password\":${current_password},\"new_password\":${new_password}}",
                        fields("current_password", "\"" + PASSWORD + "\"", "new_password", "\"another long one 42\"")));
    }

    record Endpoint(String method, String path, String token, String contentType, byte[] body) {}

    /** Every operation, with a request that would succeed (or be a plain refusal) as it stands. */
    private static List<Endpoint> endpoints(Fixture f) {
        String owner = f.owner().getId().toString();
        List<Endpoint> endpoints = new ArrayList<>();
        for (JsonBody body : jsonBodies(f)) {
            endpoints.add(new Endpoint(
                    body.method(), body.path(), f.token(), JSON, body.valid().getBytes(StandardCharsets.UTF_8)));
        }
        byte[] login = ("username=" + NOBODY + "&password=x").getBytes(StandardCharsets.UTF_8);
        endpoints.add(new Endpoint("POST", "/auth/login", null, FORM, login));
        endpoints.add(new Endpoint(
                "POST",
                "/auth/token",
                null,
                FORM,
                ("grant_type=password&username=" + NOBODY + "&password=x").getBytes(StandardCharsets.UTF_8)));
        for (String path : List.of(
                "/health",
                "/auth/me",
                "/auth/sessions",
                "/profile/" + owner,
                "/profile/" + owner + "/xp",
                "/settings/catalog",
                "/settings/" + owner,
                "/sessions/user/" + owner,
                "/quiz/results/user/" + owner,
                "/quiz/results/user/" + owner + "/stats")) {
            endpoints.add(new Endpoint("GET", path, f.token(), null, null));
        }
        endpoints.add(new Endpoint("GET", "/admin/audit", f.admin(), null, null));
        endpoints.add(new Endpoint("DELETE", "/sessions/" + f.sessionId(), f.token(), null, null));
        endpoints.add(new Endpoint("DELETE", "/auth/sessions/" + UUID.randomUUID(), f.token(), null, null));
        endpoints.add(new Endpoint("POST", "/auth/logout", f.token(), null, null));
        endpoints.add(new Endpoint("POST", "/auth/logout-all", f.token(), null, null));
        return endpoints;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Fixture, snapshot, health

    private Fixture fixture() {
        User owner = newUser(Role.USER);
        String token = api().token(owner.getUsername(), PASSWORD);
        String admin = api().token(newUser(Role.ADMIN).getUsername(), PASSWORD);
        String sessionId = uniqueName("hostile");
        String id = owner.getId().toString();
        assertThat(api().postJson("/settings/" + id, SettingsFixture.STORED, token)
                        .status())
                .isEqualTo(200);
        assertThat(api().postJson(
                                "/sessions/",
                                "{\"user_id\":\"" + id + "\",\"session_id\":\"" + sessionId + "\",\"title\":\"kept\"}",
                                token)
                        .status())
                .isEqualTo(200);
        assertThat(api().postJson("/profile/" + id + "/add_xp", "{\"amount\":230}", token)
                        .status())
                .isEqualTo(200);
        assertThat(api().postJson(
                                "/quiz/results",
                                "{\"user_id\":\"" + id + "\",\"quiz_id\":\"kept\",\"score\":80,\"details\":{}}",
                                token)
                        .status())
                .isEqualTo(201);
        return new Fixture(owner, token, admin, sessionId);
    }

    /** Everything stored for the user, as one comparable text. */
    private String snapshot(User user) {
        UUID id = user.getId();
        return String.join(
                "\n",
                jdbc.sql("SELECT username || ' ' || hashed_password || ' ' || xp || ' ' || role || ' ' || is_active"
                                + " FROM users WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .list()
                        .toString(),
                jdbc.sql("SELECT session_id || ' ' || coalesce(title, '-') FROM chat_sessions WHERE user_id = ?"
                                + " ORDER BY session_id")
                        .param(id)
                        .query(String.class)
                        .list()
                        .toString(),
                jdbc.sql("SELECT service_type || ' ' || provider || ' ' || model_name FROM user_settings"
                                + " WHERE user_id = ? ORDER BY service_type")
                        .param(id)
                        .query(String.class)
                        .list()
                        .toString(),
                jdbc.sql("SELECT coalesce(identity_id, '-') FROM user_settings_identity WHERE user_id = ?")
                        .param(id)
                        .query(String.class)
                        .list()
                        .toString(),
                jdbc.sql("SELECT quiz_id || ' ' || score || ' ' || coalesce(details::text, '-') FROM quiz_results"
                                + " WHERE user_id = ? ORDER BY id")
                        .param(id)
                        .query(String.class)
                        .list()
                        .toString());
    }

    private void serviceIsHealthy(Fixture f) {
        assertThat(api().get("/health", null).status()).isEqualTo(200);
        assertThat(api().get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api().get("/auth/me", f.token()).status())
                .as("the owner's token survived")
                .isEqualTo(200);
        assertThat(api().get("/settings/" + f.owner().getId(), f.token())
                        .json()
                        .at("/agent/model")
                        .asString())
                .isEqualTo("anthropic/claude-3-5-sonnet");
        User fresh = newUser(Role.USER);
        assertThat(api().login(fresh.getUsername(), PASSWORD).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Request building

    private static byte[] json(String method, String path, String token, String body) {
        return RawHttp.request(method, path, headers(token, JSON), body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] get(String target, String token) {
        return RawHttp.request("GET", target, headers(token, null), null);
    }

    private static byte[] chunked(String path, byte[] body) {
        Map<String, String> headers = headers(null, FORM);
        headers.put("Transfer-Encoding", "chunked");
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += 8192) {
            int n = Math.min(8192, body.length - i);
            chunks.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(body, i, n);
            chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return RawHttp.request("POST", path, headers, chunks.toByteArray());
    }

    private static Map<String, String> headers(String token, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    private static String quiz(Fixture f, String quizId, String score, String details) {
        return "{\"user_id\":\"" + f.owner().getId() + "\",\"quiz_id\":" + quizId + ",\"score\":" + score
                + ",\"details\":" + details + "}";
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...(" + text.length() + ")";
    }

    /** The settings the owner has stored before the corpus runs (differ from every valid body the corpus sends). */
    private static final class SettingsFixture {
        static final String STORED =
                "{\"agent\":{\"provider\":\"openrouter\",\"model\":\"anthropic/claude-3-5-sonnet\"},"
                        + "\"rag\":{\"provider\":\"mistral\",\"model\":\"mistral-small-latest\"},"
                        + "\"quiz\":{\"provider\":\"zai\",\"model\":\"glm-4.5-air\"},\"identityId\":\"hacker_woman\"}";
    }
}
