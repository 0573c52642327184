package io.gatehouse.connectors.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback in front of the sandbox that fails the way networks do: some decisions
 * are refused before they reach the sandbox (503), and some reach it but their answer is lost (502 after
 * forwarding), the case where only idempotency keeps a retry from deciding twice.
 */
final class FlakyProxy implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("Idempotency-Key", "Content-Type", "Accept", "Authorization");

    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger answersLost = new AtomicInteger();
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI upstream;
    private final Random random;

    FlakyProxy(URI upstream, long seed) throws IOException {
        this.upstream = upstream;
        this.random = new Random(seed);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            double roll;
            synchronized (random) {
                roll = random.nextDouble();
            }
            boolean decision = exchange.getRequestMethod().equals("POST");
            if (decision && roll < 0.15) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : FORWARDED) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (decision && roll < 0.25) {
                answersLost.incrementAndGet();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
