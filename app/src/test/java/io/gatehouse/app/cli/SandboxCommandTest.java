package io.gatehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@code sandbox} in a child JVM, as the launcher would. On SIGTERM the command closes the server and
 * returns 0: it handles TERM itself, so the JVM's default (exit 143) does not apply.
 */
class SandboxCommandTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static Process start(String... args) throws IOException {
        return start(ProcessBuilder.Redirect.PIPE, args);
    }

    private static Process start(ProcessBuilder.Redirect stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SandboxCommandMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr).start();
    }

    @Test
    void printsItsUrlServesAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        // Process.destroy() closes our ends of the pipes, so stderr goes to a file we can read afterwards.
        Path stderr = dir.resolve("stderr.txt");
        Process p = start(ProcessBuilder.Redirect.to(stderr.toFile()), "--port", "0", "--seed", "3", "--clock", "2026-03-02T00:00:00Z", "--speed", "60",
                "--scenario", "card_testing", "--print-event-secret");
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(line).matches("Sandbox listening on http://127\\.0\\.0\\.1:\\d+/");
            URI base = URI.create(line.substring(line.indexOf("http")));
            assertThat(stdout.readLine()).matches("Event signing secret: [0-9a-f]{64}");

            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"ok\"");
                HttpResponse<String> events = client.send(HttpRequest.newBuilder(
                        base.resolve("v1/security-events/stream?follow=false&scheme=shopify")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(events.statusCode()).isEqualTo(200);
                assertThat(events.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
            }

            p.destroy(); // SIGTERM on Linux
            assertThat(p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            String err = Files.readString(stderr);
            assertThat(p.exitValue()).as("exit code; stderr: %s", err).isZero();
            assertThat(err).as("a clean stop writes nothing to stderr").isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--speed=-3", "--clock=yesterday", "--scenario=alien_invasion", "--port=99999",
            "--seed=abc", "--bogus"})
    void badOptionsGiveOneLineOnStderrAndExitCode2(String option) throws Exception {
        Process p = start(option);
        assertThat(p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err.strip().lines()).as("stderr: %s", err).hasSize(1);
        assertThat(err).startsWith("gatehouse sandbox: ");
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }
}
