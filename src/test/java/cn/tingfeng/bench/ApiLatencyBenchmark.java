package cn.tingfeng.bench;

import cn.tingfeng.security.UserService;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Latency of a light API endpoint ({@code GET /api/account}: one account row) under 20 concurrent clients, with HTTP
 * Basic (credentials verified once, then from the cache) and with an API token; and the first request of each
 * client, which pays the bcrypt check. Target (issue 10): p99 < 100 ms at 20 clients.
 * {@code ./mvnw -B -Pbench test -Dtest=ApiLatencyBenchmark}
 */
@QuarkusTest
@Tag("benchmark")
class ApiLatencyBenchmark {
    private static final int CLIENTS = 20;
    private static final int REQUESTS = Integer.getInteger("bench.api.requests", 300);

    @TestHTTPResource("/api/account")
    URL account;
    @Inject
    UserService users;

    @Test
    void lightEndpointUnderTwentyClients() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String name = "bench-api-" + i + "-" + System.nanoTime() % 100000;
            users.createSeeded(new UserService.NewUser(name, TestAccounts.PASSWORD, Set.of(Roles.ANALYST), null, name));
            names.add(name);
        }
        String token = TestAccounts.as("t-admin").contentType("application/json").body(Map.of("name", "bench", "role", "analyst"))
                .post("/api/admin/security/tokens").then().statusCode(201).extract().path("token");
        // HTTP/1.1 as scripts (curl, requests) speak it
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        // first the cold requests (each client's first Basic request pays bcrypt), all of them done before measuring
        List<Long> cold = run(http, i -> basicHeader(names.get(i)), 0, 1);
        // then warm-up and measurement, Basic (from the credential cache) and token alike
        run(http, i -> "Bearer " + token, 0, 50);
        List<Long> basic = run(http, i -> basicHeader(names.get(i)), 20, REQUESTS);
        List<Long> bearer = run(http, i -> "Bearer " + token, 20, REQUESTS);

        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("api.basic.p50Ms.clients20", pct(basic, 50));
        figures.put("api.basic.p99Ms.clients20", pct(basic, 99));
        figures.put("api.token.p50Ms.clients20", pct(bearer, 50));
        figures.put("api.token.p99Ms.clients20", pct(bearer, 99));
        figures.put("api.basic.firstRequestP50Ms.clients20", pct(cold, 50));
        figures.put("api.requests.clients20", basic.size() + bearer.size());
        BenchResults.write("api", figures);
        System.out.printf("[bench] GET /api/account, %d clients x %d requests: Basic p50 %.1f ms p99 %.1f ms; token p50 %.1f ms"
                        + " p99 %.1f ms; first Basic request of each client (bcrypt) p50 %.1f ms%n", CLIENTS, REQUESTS,
                pct(basic, 50), pct(basic, 99), pct(bearer, 50), pct(bearer, 99), pct(cold, 50));
    }

    /** Each of the clients sends {@code warmup + measured} requests; the latencies of the measured ones. */
    private List<Long> run(HttpClient http, java.util.function.IntFunction<String> auth, int warmup, int measured)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(account.toString()))
                            .header("Authorization", auth.apply(client)).timeout(Duration.ofSeconds(30)).GET().build();
                    for (int i = 0; i < warmup + measured; i++) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long ns = System.nanoTime() - t0;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("status " + r.statusCode() + ": " + r.body());
                        }
                        if (i >= warmup) {
                            all.add(ns);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return all;
    }

    private static String basicHeader(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }
}
