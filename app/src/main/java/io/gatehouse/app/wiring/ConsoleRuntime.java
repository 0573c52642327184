package io.gatehouse.app.wiring;

import io.gatehouse.connectors.health.HttpHealthProbe;
import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.jwks.JwksRegistryClient;
import io.gatehouse.connectors.stripe.StripeSettings;
import io.gatehouse.connectors.telemetry.PrometheusAuth;
import io.gatehouse.connectors.telemetry.PrometheusSource;
import io.gatehouse.connectors.telemetry.SandboxMetricsSource;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.config.ReviewSource;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthMonitor;
import io.gatehouse.data.keys.AuditHeadSchedule;
import io.gatehouse.data.keys.CryptoperiodWatch;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.operator.presence.SessionGuard;
import io.gatehouse.data.settings.SettingsStore;
import io.gatehouse.views.review.ReviewDeskPort;
import io.gatehouse.views.session.SecretRequest;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiQueries;
import io.gatehouse.data.telemetry.TelemetrySource;
import io.gatehouse.data.time.Sleeper;
import io.gatehouse.data.maturity.MaturityBook;
import io.gatehouse.views.shell.ShellContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * Everything the console runs on, wired: the composition, the sandbox when the profile uses it,
 * the health checks of each connection, and the executors. Opened and closed off the FX thread.
 */
public final class ConsoleRuntime implements AutoCloseable {
    private static final Duration HEALTH_INTERVAL = Duration.ofSeconds(15);
    private static final System.Logger LOG = System.getLogger(ConsoleRuntime.class.getName());
    /** How often the sandbox's metrics are read; 250 readings keep the last hour the sparklines show by default. */
    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(15);
    private static final int SCRAPES_KEPT = 250;
    private static final Duration RATE_WINDOW = Duration.ofMinutes(5);

    private final Composition composition;
    private final SandboxRuntime sandbox;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService background;
    private final HealthMonitor health;
    private final ShellContext shellContext;
    private final ReviewWiring review;
    private final SandboxMetricsSource sandboxMetrics;
    private final SecurityEventWiring securityEvents;
    private final CompletableFuture<Void> sampleAssessments;

    private ConsoleRuntime(Composition composition, SandboxRuntime sandbox, ScheduledExecutorService scheduler,
            ExecutorService background, HealthMonitor health, ShellContext shellContext, ReviewWiring review,
            SandboxMetricsSource sandboxMetrics, SecurityEventWiring securityEvents,
            CompletableFuture<Void> sampleAssessments) {
        this.securityEvents = securityEvents;
        this.sampleAssessments = sampleAssessments;
        this.composition = composition;
        this.sandbox = sandbox;
        this.scheduler = scheduler;
        this.background = background;
        this.health = health;
        this.shellContext = shellContext;
        this.review = review;
        this.sandboxMetrics = sandboxMetrics;
    }

    /** Opens the console's runtime without asking anyone: the local profile signs in unproven, secrets stay locked. */
    public static ConsoleRuntime open(AppDirectories directories, InstantSource clock) {
        return open(directories, clock, ConsoleSignIn.NOBODY_ASKS);
    }

    /**
     * Opens the console's runtime: the operator signs in and the secret store opens through {@code asker} before
     * any connector is wired, so the connectors find their API keys from the first request.
     *
     * @throws ConsoleSignIn.SignInCancelled when the operator quits the sign-in
     */
    public static ConsoleRuntime open(AppDirectories directories, InstantSource clock, ConsoleSignIn.Asker asker) {
        // The first HTTP client of a process loads the platform's TLS trust store and OkHttp's platform detection,
        // about 0.2 s on a cold start: it is built beside the store's opening, and the health checks take it.
        CompletableFuture<OkHttpClient> healthClient = CompletableFuture.supplyAsync(HttpHealthProbe::defaultClient,
                task -> Thread.ofPlatform().name("gatehouse-http-init").daemon(true).start(task));
        Composition composition = Composition.open(directories, clock);
        SandboxRuntime sandbox = null;
        ReviewWiring review = null;
        SecurityEventWiring events = null;
        CompletableFuture<Void> sampleAssessments = CompletableFuture.completedFuture(null);
        try {
            SessionGuard guard = SessionWiring.guard(composition, clock);
            ConsoleSignIn.run(composition, guard, asker);
            ConnectionProfile profile = composition.config().activeProfile();
            if (profile.sandbox() != null) {
                sandbox = SandboxRuntime.start(profile.sandbox(), clock);
            }
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("gatehouse-scheduler").daemon(true).factory());
            ExecutorService background = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("gatehouse-background-", 0).factory());
            ConsoleConnections connections = new ConsoleConnections(composition,
                    sandbox == null ? null : sandbox.baseUrl(), clock);
            List<HealthProbe> probes = new ArrayList<>(probes(profile, composition.config().reviewSource(), sandbox, clock,
                    connections, () -> composition.secrets().current().isEmpty(), healthClient.join()));
            if (profile.token() != null) {
                AuditHeadSchedule heads = AuditHeadSigning.schedule(composition, profile.token(), scheduler, clock);
                probes.add(heads);
                probes.add(new CryptoperiodWatch(composition.store(), clock));
                heads.start();
            }
            events = SecurityEventWiring.open(composition, profile, sandbox, clock);
            if (events != null) {
                probes.add(events.probe());
            }
            HealthMonitor health = new HealthMonitor(probes, scheduler, clock, HEALTH_INTERVAL);
            SandboxMetricsSource metrics = sandbox == null ? null : sandboxMetrics(sandbox, clock, scheduler);
            ShellContext context = new ShellContext(composition.session(), composition.auditLog(), health,
                    composition.config().sandboxActive(), describe(composition, sandbox),
                    directories.configFile(), composition.directories().dataDirectory(),
                    new SettingsStore(composition.directories().dataDirectory()), background, clock, null)
                    .withTelemetry(metrics).withSessionGuard(guard);
            TelemetrySource prometheus = metrics == null && profile.prometheus() != null
                    ? prometheus(profile.prometheus(), composition, clock) : null;
            if (prometheus != null) {
                context = context.withTelemetry(prometheus);
            }
            IncidentWiring incidents = IncidentWiring.open(composition, sandbox, prometheus, events, clock, scheduler);
            context = context.withIncidents(incidents.log());
            // measured response times feed the maturity evidence and the executive metrics
            MaturityBook maturity = MaturityWiring.open(composition, metrics, incidents.log(), clock);
            if (sandbox != null) {
                // Writing the sandbox's two sample assessments into a new store took about 0.3 s of a first start
                // (the catalogue read, the assessments written and audited). They are written beside the console's
                // opening instead; every handle on the book waits for them before it reads.
                MaturityBook book = maturity;
                sampleAssessments = CompletableFuture.runAsync(() -> SandboxAssessments.seedIfEmpty(book, clock),
                        task -> Thread.ofPlatform().name("gatehouse-sample-assessments").daemon(true).start(task));
                sampleAssessments.whenComplete((done, failed) -> {
                    if (failed != null) {
                        LOG.log(System.Logger.Level.WARNING, "Writing the sandbox's sample assessments failed: "
                                + failed.getMessage(), failed);
                    }
                });
                maturity = maturity.after(sampleAssessments);
            }
            context = context.withMaturity(maturity);
            // wired at start so decisions left in the outbox by an earlier run resume at once
            context = context.withConnections(connections.access());
            if (profile.caseApi() != null || profile.stripe() != null || sandbox != null) {
                review = ReviewWiring.open(composition, sandbox, clock, connections.clients());
                context = context.withReviewDesk(ReviewDeskPort.of(review.desk(),
                        composition.config().reviewRules().slaTarget(),
                        // the checker's proof is the signed-in kind: the card's PIN, or the weaker passphrase
                        secret -> guard.stepUp("review.checker", secret),
                        guard.weaker() ? SecretRequest.SecretKind.PASSPHRASE : SecretRequest.SecretKind.PIN));
            }
            context = context.withExecutive(new ExecutiveWiring(composition, metrics, review == null ? null : review.desk(),
                    incidents.log(),
                    clock, describe(composition, sandbox), null).after(sampleAssessments));
            context = context.withKeyCustody(keyCustody(composition, sandbox, clock));
            return new ConsoleRuntime(composition, sandbox, scheduler, background, health, context, review, metrics,
                    events, sampleAssessments);
        } catch (RuntimeException e) {
            awaitQuietly(sampleAssessments);
            if (events != null) {
                events.close();
            }
            if (review != null) {
                review.close();
            }
            if (sandbox != null) {
                sandbox.close();
            }
            composition.close();
            throw e;
        }
    }

    /**
     * Key custody publishes to the profile's JWKS registry ({@code jwks}) when there is one, else to
     * the sandbox's when the sandbox runs. With neither the console has no registry to publish to, so
     * it shows rings and inventory but does not rotate; the command line takes --registry.
     */
    private static ConsoleKeyCustody keyCustody(Composition composition, SandboxRuntime sandbox, InstantSource clock) {
        ConnectionProfile.Jwks jwks = composition.config().activeProfile().jwks();
        if (jwks != null) {
            return ConsoleKeyCustody.open(composition, clock,
                    new ConfiguredJwksRegistry(jwks, composition.secrets()::current, clock), null);
        }
        if (sandbox == null) {
            return ConsoleKeyCustody.open(composition, clock, null, "this profile has no JWKS registry for the console to"
                    + " publish keys to: set jwks.url and jwks.adminTokenSecret in the profile, or rotate with"
                    + " gatehouse keys rotate RING --registry URL");
        }
        UpstreamClient http = new UpstreamClient("JWKS registry", HttpClients.standard(null), clock, Sleeper.system(),
                RandomGenerator.getDefault(), 3, Duration.ofSeconds(5));
        URI base = URI.create(sandbox.baseUrl().toString().replaceAll("/+$", "") + "/");
        return ConsoleKeyCustody.open(composition, clock, new JwksRegistryClient(http, base, sandbox.server().adminToken()),
                null);
    }

    private static List<HealthProbe> probes(ConnectionProfile profile, ReviewSource reviewSource, SandboxRuntime sandbox,
            InstantSource clock, ConsoleConnections connections, java.util.function.BooleanSupplier secretsLocked,
            OkHttpClient plain) {
        OkHttpClient client = plain;
        Duration slow = Duration.ofSeconds(1);
        List<HealthProbe> probes = new ArrayList<>();
        if (sandbox != null) {
            probes.add(new HttpHealthProbe("Sandbox", ConnectionKind.SANDBOX, sandbox.baseUrl().resolve("/healthz"),
                    client, clock, slow));
        }
        if (reviewSource == ReviewSource.STRIPE) {
            // without the key Stripe answers 401, which the probe counts as reachable
            URI stripe = profile.stripe().url() == null ? StripeSettings.STRIPE_API : profile.stripe().url();
            probes.add(new SecretLockedProbe(new ConnectionHealthProbe("Fraud queue", ConnectionKind.FRAUD_QUEUE, "stripe",
                    URI.create(stripe.toString().replaceAll("/+$", "") + "/v1/reviews?limit=1"), connections, plain,
                    clock, slow), secretsLocked));
        } else if (reviewSource == ReviewSource.CASE_API && profile.caseApi() != null) {
            HealthProbe cases = new ConnectionHealthProbe("Fraud queue", ConnectionKind.FRAUD_QUEUE, "caseApi",
                    caseListUrl(profile.caseApi().url()), connections, plain, clock, slow);
            probes.add(profile.caseApi().apiKeySecret() == null ? cases : new SecretLockedProbe(cases, secretsLocked));
        } else if (sandbox != null) {
            probes.add(new HttpHealthProbe("Fraud queue", ConnectionKind.FRAUD_QUEUE,
                    sandbox.baseUrl().resolve("/v1/cases?limit=1"), client, clock, slow));
        }
        if (profile.prometheus() != null) {
            URI url = profile.prometheus().url();
            HealthProbe telemetry = new ConnectionHealthProbe("Telemetry", ConnectionKind.TELEMETRY, "prometheus",
                    url.resolve("/-/healthy"), connections, plain, clock, slow);
            probes.add(profile.prometheus().bearerTokenSecret() == null ? telemetry
                    : new SecretLockedProbe(telemetry, secretsLocked));
        } else if (sandbox != null) {
            probes.add(new HttpHealthProbe("Telemetry", ConnectionKind.TELEMETRY, sandbox.baseUrl().resolve("/metrics"),
                    client, clock, slow));
        }
        return probes;
    }

    /** The Case API's case list on the configured server; a configured trailing /v1 is the same server. */
    static URI caseListUrl(URI configured) {
        String base = configured.toString().replaceAll("/+$", "");
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - 3);
        }
        return URI.create(base + "/v1/cases?limit=1");
    }

    /**
     * The configured Prometheus-compatible server with the default KPI expressions on its region
     * label; a bearer token, when named, is read from the secret store at each request.
     */
    static TelemetrySource prometheus(ConnectionProfile.Prometheus settings, Composition composition, InstantSource clock) {
        UpstreamClient client = new UpstreamClient("Prometheus", HttpClients.standard(null), clock, Sleeper.system(),
                RandomGenerator.of("L64X128MixRandom"), 2, Duration.ofSeconds(10));
        String label = settings.regionLabel() == null ? "region" : settings.regionLabel();
        PrometheusAuth auth = settings.bearerTokenSecret() == null ? PrometheusAuth.none()
                : PrometheusAuth.bearerWhenAvailable(() -> composition.secrets().current()
                        .flatMap(store -> store.get(settings.bearerTokenSecret()))
                        .map(secret -> {
                            try (secret) {
                                return new String(secret.chars()).strip();
                            }
                        }));
        return new PrometheusSource(client, settings.url(), new KpiQueries(label, RATE_WINDOW, java.util.Map.of()), auth);
    }

    /** The sandbox's KPIs, read from its metrics on the scheduler from now on. */
    private static SandboxMetricsSource sandboxMetrics(SandboxRuntime sandbox, InstantSource clock,
            ScheduledExecutorService scheduler) {
        UpstreamClient client = new UpstreamClient("Sandbox metrics", HttpClients.standard(null), clock, Sleeper.system(),
                RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(10));
        SandboxMetricsSource source = new SandboxMetricsSource(client, sandbox.baseUrl(), clock, RATE_WINDOW, SCRAPES_KEPT);
        scheduler.scheduleWithFixedDelay(() -> scrape(source), 0, SCRAPE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return source;
    }

    /** One reading; a failed one is logged and skipped, and the dashboards turn stale if failures go on. */
    private static void scrape(SandboxMetricsSource source) {
        try {
            source.scrape();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Reading the sandbox metrics failed: " + e.getMessage());
        }
    }

    /**
     * Reads the sandbox's metrics, {@code gap} apart, until its checkout rate has a value or
     * {@code maxReadings} readings are taken, so the screenshots (which cannot wait for the schedule)
     * show rates. A series counts only from its second reading, so two are sometimes not enough
     * right after the sandbox starts. Does nothing without a sandbox.
     */
    public void primeTelemetry(Duration gap, int maxReadings) throws InterruptedException {
        if (sandboxMetrics == null) {
            return;
        }
        scrape(sandboxMetrics);
        for (int reading = 1; reading < maxReadings; reading++) {
            Thread.sleep(gap);
            scrape(sandboxMetrics);
            List<Instant> times = sandboxMetrics.scrapeTimes();
            if (!times.isEmpty() && !sandboxMetrics.instant(Kpi.CHECKOUT_ATTEMPTS_PER_MIN, times.getLast()).isEmpty()) {
                return;
            }
        }
    }

    /**
     * Waits until the incident log holds an alert still going on, checking once a second, for at
     * most {@code limit}; true when one is there. Without an incident log there is nothing to wait for.
     */
    public boolean awaitLiveAlert(Duration limit) throws InterruptedException {
        if (shellContext.incidents() == null) {
            return false;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (shellContext.incidents().alerts(50).stream().anyMatch(io.gatehouse.data.incidents.Alert::active)) {
                // one more reading so the dashboards' rates include the attack
                if (sandboxMetrics != null) {
                    scrape(sandboxMetrics);
                }
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(1000);
        }
    }

    private static String describe(Composition composition, SandboxRuntime sandbox) {
        String profile = composition.config().profile();
        return sandbox == null ? "Profile " + profile
                : "Profile " + profile + ": simulated checkout platform at " + sandbox.baseUrl();
    }

    public ShellContext shellContext() {
        return shellContext;
    }

    public Composition composition() {
        return composition;
    }

    public SandboxRuntime sandbox() {
        return sandbox;
    }

    public HealthMonitor health() {
        return health;
    }

    /** The review desk and its outbox sender, or null when the profile has no fraud queue. */
    public ReviewWiring review() {
        return review;
    }

    /** The security event stream and its per-region signal, or null when the profile has none. */
    SecurityEventWiring securityEvents() {
        return securityEvents;
    }

    @Override
    public void close() {
        // the sample assessments read the sandbox's evidence and are written through the store: let them finish first
        awaitQuietly(sampleAssessments);
        if (securityEvents != null) {
            securityEvents.close();
        }
        health.stop();
        scheduler.shutdownNow();
        background.shutdownNow();
        if (review != null) {
            review.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        composition.close();
    }

    /**
     * Waits until the sandbox's sample assessments are written (at once when there are none, or when they are): for a
     * caller that reads the maturity book through its own handle, such as a report.
     */
    public void awaitSampleAssessments() {
        awaitQuietly(sampleAssessments);
    }

    private static void awaitQuietly(CompletableFuture<Void> work) {
        try {
            work.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // reported where the work ran; the store closes anyway
        }
    }
}
