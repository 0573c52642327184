package io.gatehouse.connectors.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.sandbox.http.Json;
import io.gatehouse.connectors.sandbox.scenario.ScenarioActivation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A started sandbox on a manual wall clock, and a small HTTP client for it. */
final class SandboxFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    /** One HTTP answer. */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    final ManualInstantSource wall = new ManualInstantSource(Instant.parse("2030-01-01T00:00:00Z"));
    final SandboxServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SandboxFixture(long seed) {
        this(seed, List.of());
    }

    SandboxFixture(long seed, List<ScenarioActivation> scenarios) {
        server = SandboxServer.start(new SandboxOptions(0, seed, START, 1.0, wall, scenarios,
                SandboxOptions.DEFAULT_MAX_CASES));
    }

    /** Moves the wall clock (speed 1, so simulated time moves the same) and lets the world catch up. */
    SandboxFixture advance(Duration by) {
        wall.advance(by);
        server.tick();
        return this;
    }

    Reply get(String path) {
        return get(path, Map.of());
    }

    Reply get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    Reply post(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), headers);
    }

    Reply post(String path, String json) {
        return post(path, json, Map.of());
    }

    Reply put(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), headers);
    }

    Reply delete(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
    }

    Map<String, String> admin() {
        return Map.of("Authorization", "Bearer " + server.adminToken());
    }

    Reply decide(String caseId, String key, String action, String analyst) {
        return post("/v1/cases/" + caseId + "/decisions",
                "{\"action\":\"" + action + "\",\"reason\":\"test\",\"analyst\":\"" + analyst + "\"}",
                Map.of("Idempotency-Key", key));
    }

    /** The newest case with this status, after enough simulated time for there to be one. */
    String firstCase(String status) {
        JsonNode list = get("/v1/cases?limit=1&status=" + status).json();
        if (list.get("data").isEmpty()) {
            throw new AssertionError("no " + status + " case yet");
        }
        return list.get("data").get(0).get("id").asText();
    }

    private URI uri(String path) {
        return server.baseUrl().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private Reply send(HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        try {
            HttpResponse<String> r = client.send(builder.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}
