package io.gatehouse.app.cli;

import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.connectors.sandbox.scenario.ScenarioActivation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code gatehouse sandbox}: runs the sandbox checkout platform headless until SIGTERM or SIGINT. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Runs the sandbox checkout platform headless on 127.0.0.1 and prints its base URL.")
public final class SandboxCommand implements Callable<Integer> {
    private static final int OK = ExitCode.OK;
    private static final int USAGE = ExitCode.USAGE;
    private static final int NETWORK = ExitCode.UPSTREAM;

    // Values arrive as strings and are checked here, so every bad value gets one line, not a usage dump.
    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1; 0 picks a free one (default).")
    String port = "0";

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the simulation (default 1).")
    String seed = "1";

    @Option(names = "--clock", paramLabel = "<instant>",
            description = "Simulated start, an ISO-8601 instant such as 2026-03-02T00:00:00Z (default: now).")
    String clock;

    @Option(names = "--speed", paramLabel = "X", description = "Simulated seconds per wall second (default 1).")
    String speed = "1";

    @Option(names = "--scenario", paramLabel = "NAME[:REGION]",
            description = "Attack scenario to start with; repeatable.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--print-admin-token", description = "Also print the admin bearer token on stdout.")
    boolean printAdminToken;

    @Option(names = "--print-event-secret", description = "Also print the secret that signs the security event"
            + " stream on stdout, to store in another console's secret store.")
    boolean printEventSecret;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Headless by construction: nothing here loads JavaFX; these keep any library from trying.
        System.setProperty("java.awt.headless", "true");
        System.setProperty("glass.platform", "Headless");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SandboxOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            err.println("gatehouse sandbox: " + e.getMessage());
            err.flush();
            return USAGE;
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(options);
        } catch (UncheckedIOException e) {
            err.println("gatehouse sandbox: " + e.getMessage());
            err.flush();
            return NETWORK;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(server::close, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        TerminationSignals.onTermination(stop::countDown);
        out.println("Sandbox listening on " + server.baseUrl());
        if (printAdminToken) {
            out.println("Admin token: " + server.adminToken());
        }
        if (printEventSecret) {
            out.println("Event signing secret: " + server.eventSigningSecret());
        }
        out.flush();
        try {
            // Without our own handlers (handled == false) this waits until the JVM's shutdown runs the hook,
            // which closes the server; the JVM then exits with 143.
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Nothing to undo: the hook closes an already closed server, which is a no-op.
        }
        return OK;
    }

    SandboxOptions options() {
        if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException("unknown option or argument '" + unmatched.getFirst()
                    + "'; see gatehouse sandbox --help");
        }
        int portNumber = parseInt(port, "--port");
        long seedValue;
        try {
            seedValue = Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, got '" + seed + "'");
        }
        Instant start;
        try {
            start = clock == null ? Instant.now().truncatedTo(ChronoUnit.MINUTES) : Instant.parse(clock);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--clock must be an ISO-8601 instant such as 2026-03-02T00:00:00Z, got '"
                    + clock + "'");
        }
        double speedValue;
        try {
            speedValue = Double.parseDouble(speed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--speed must be a number, got '" + speed + "'");
        }
        List<ScenarioActivation> activations = new ArrayList<>();
        for (String s : scenarios) {
            activations.add(ScenarioActivation.parse(s));
        }
        try {
            return new SandboxOptions(portNumber, seedValue, start, speedValue, InstantSource.system(), activations,
                    SandboxOptions.DEFAULT_MAX_CASES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
    }

    private static int parseInt(String value, String name) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
