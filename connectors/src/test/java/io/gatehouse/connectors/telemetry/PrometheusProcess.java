package io.gatehouse.connectors.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's /usr/bin/prometheus) run as a plain child process on a free loopback
 * port, with its TSDB in a temporary directory, scraping one target every second. Closing it
 * stops the process and deletes the directory.
 */
final class PrometheusProcess implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Path dir;
    private final Process process;
    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusProcess(Path dir, Process process, URI baseUrl) {
        this.dir = dir;
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static PrometheusProcess scraping(URI target) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's prometheus package"
                    + " (apt-get install prometheus; .ci/run does this) to run the Prometheus agreement test");
        }
        Path dir = Files.createTempDirectory("gatehouse-prometheus-");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 900ms
                scrape_configs:
                  - job_name: sandbox
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['%s:%d']
                """.formatted(target.getHost(), target.getPort()));
        return launch(dir, config, Duration.ofSeconds(20));
    }

    /**
     * Prometheus serving a TSDB made beforehand (backfilled blocks) from {@code dir}/tsdb, scraping
     * nothing. The retention is far beyond the blocks' age, or Prometheus would delete old history
     * at its first compaction. Closing it deletes {@code dir}.
     */
    static PrometheusProcess overTsdb(Path dir) throws IOException {
        requireBinary(BINARY, "the backfilled Prometheus detection test");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1m
                scrape_configs: []
                """);
        // loading backfilled blocks at start takes longer than an empty store
        return launch(dir, config, Duration.ofSeconds(60), "--storage.tsdb.retention.time=3650d");
    }

    /** Starts the binary on a free loopback port over {@code dir}/tsdb and waits until it says it is ready. */
    private static PrometheusProcess launch(Path dir, Path config, Duration readyWithin, String... extra)
            throws IOException {
        int port = freePort();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(BINARY.toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb")));
        command.addAll(java.util.List.of(extra));
        command.add("--web.listen-address=127.0.0.1:" + port);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusProcess prometheus = new PrometheusProcess(dir, process, URI.create("http://127.0.0.1:" + port + "/"));
        try {
            prometheus.await(readyWithin, "Prometheus to be ready", () -> prometheus.get("-/ready") == 200);
        } catch (RuntimeException | Error e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    /** Fails, never skips, when a Debian binary the test needs is not installed. */
    static void requireBinary(Path binary, String test) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: install Debian's prometheus package"
                    + " (apt-get install prometheus; .ci/run does this) to run " + test);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** The status of GET path, or -1 when Prometheus does not answer (yet). */
    int get(String path) {
        return getBody(path) == null ? -1 : lastStatus;
    }

    private volatile int lastStatus;

    String getBody(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            lastStatus = r.statusCode();
            return r.body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Polls a condition on this external process until it holds or the deadline passes. Polling
     * is the only way to learn when another process has done something.
     */
    void await(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited with " + process.exitValue() + " while waiting for "
                        + what + ":\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + limit + " waiting for " + what + ":\n" + log());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    String log() {
        try {
            String text = Files.readString(dir.resolve("prometheus.log"));
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
