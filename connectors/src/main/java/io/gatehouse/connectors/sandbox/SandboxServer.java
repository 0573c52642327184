package io.gatehouse.connectors.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.connectors.sandbox.events.EventSigner;
import io.gatehouse.connectors.sandbox.http.SandboxRouter;
import io.gatehouse.connectors.sandbox.jwks.JwksRegistry;
import io.gatehouse.connectors.sandbox.scenario.AttackScenario;
import io.gatehouse.connectors.sandbox.scenario.ScenarioActivation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The running sandbox checkout platform: a real HTTP server on 127.0.0.1 serving the Case API. */
public final class SandboxServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService executor;
    private final SandboxWorld world;
    private final SimulatedClock clock;
    private final String adminToken;
    private final String eventSecret;
    private final URI baseUrl;
    private volatile boolean closed;

    private SandboxServer(HttpServer http, ExecutorService executor, SandboxWorld world, SimulatedClock clock,
                          String adminToken, String eventSecret) {
        this.http = http;
        this.eventSecret = eventSecret;
        this.executor = executor;
        this.world = world;
        this.clock = clock;
        this.adminToken = adminToken;
        this.baseUrl = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    /**
     * Binds to loopback only (the sandbox is never reachable from the network) and starts serving.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static SandboxServer start(SandboxOptions options) {
        SimulatedClock clock = new SimulatedClock(options.clock(), options.wallClock(), options.speed());
        SandboxWorld world = new SandboxWorld(options.seed(), options.clock(), clock, options.maxCases());
        for (ScenarioActivation activation : options.scenarios()) {
            world.board().start(activation, options.clock());
        }
        String token = newToken();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String eventSecret = java.util.HexFormat.of().formatHex(key);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", new SandboxRouter(world, new JwksRegistry(), token,
                new EventSigner(eventSecret, options.wallClock())));
        http.start();
        return new SandboxServer(http, executor, world, clock, token, eventSecret);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** For example {@code http://127.0.0.1:41234/}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The bearer token for the admin and JWKS publish endpoints; made fresh at every start, never logged. */
    public String adminToken() {
        return adminToken;
    }

    /**
     * The shared secret that signs the security event stream: 64 hex digits, made fresh at every
     * start, never logged. The console in sandbox mode verifies with it.
     */
    public String eventSigningSecret() {
        return eventSecret;
    }

    /** Simulated now, from the start instant, the wall clock and the speed. */
    public Instant simulatedNow() {
        return clock.instant();
    }

    /** Brings the simulation up to simulated now; requests do this anyway, tests call it to be explicit. */
    public void tick() {
        world.advanceTo(clock.instant());
    }

    /** Simulates every whole minute up to {@code until}, ahead of the clock if need be. */
    public void advanceTo(Instant until) {
        world.advanceTo(until);
    }

    /** Switches a scenario on against a region, or off; takes effect from the simulated minute in progress. */
    public void setScenario(ScenarioActivation activation, boolean active) {
        world.transact(now -> {
            if (active) {
                world.board().start(activation, now);
            } else {
                world.board().stop(activation.scenario());
            }
            return null;
        });
    }

    /** Switches a scenario on against its default region, or off. */
    public void setScenario(AttackScenario scenario, boolean active) {
        setScenario(ScenarioActivation.of(scenario), active);
    }

    /**
     * The Prometheus exposition as {@code /metrics} serves it, brought up to simulated now, without a
     * round trip: for drivers that run the sandbox in-process minute by minute.
     */
    public byte[] metricsText() {
        return world.transact(now -> world.metrics().scrape());
    }

    /** How many cases the bounded store holds now. */
    public int storedCases() {
        return world.transact(now -> world.store().size());
    }

    /** Stops accepting requests, lets running ones finish for up to a second, then stops. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop(1);
        executor.shutdown();
    }
}
