package io.gatehouse.app.wiring;

import io.gatehouse.connectors.caseapi.ApiKey;
import io.gatehouse.connectors.caseapi.CaseApiClient;
import io.gatehouse.connectors.caseapi.CaseApiDelivery;
import io.gatehouse.connectors.caseapi.CaseApiEvents;
import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.connectors.stripe.StripeDecisionDelivery;
import io.gatehouse.connectors.stripe.StripeKey;
import io.gatehouse.connectors.stripe.StripeRadarQueue;
import io.gatehouse.connectors.stripe.StripeSettings;
import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.config.ReviewSource;
import io.gatehouse.data.review.ConfirmationSweep;
import io.gatehouse.data.review.DecisionDelivery;
import io.gatehouse.data.review.DecisionReadBack;
import io.gatehouse.data.review.FraudQueue;
import io.gatehouse.data.review.DecisionOutbox;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.OutboxSender;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.review.ReviewDesk;
import io.gatehouse.data.review.mirror.CaseMirror;
import io.gatehouse.data.review.mirror.MirrorSync;
import io.gatehouse.data.time.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import io.gatehouse.connectors.connections.ConnectionClients;
import io.gatehouse.data.connections.ConnectionEntries;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The review desk wired to its fraud queue, chosen by {@code review.source}: the profile's Case
 * API, its Stripe account (Radar reviews), or the sandbox's Case API, with the outbox and its sender. The console and the command line both build
 * the desk here, so both run the same rules.
 */
public final class ReviewWiring implements AutoCloseable {
    /** Decisions delivered at once; the upstream keeps one case's decisions in order regardless. */
    static final int DELIVERY_PARALLELISM = 8;

    private static final System.Logger LOG = System.getLogger(ReviewWiring.class.getName());
    private static final Duration CONFIRM_EVERY = Duration.ofSeconds(30);
    /** How often the console's mirror reads the Case API's event stream. */
    private static final Duration MIRROR_EVERY = Duration.ofSeconds(2);

    private final SandboxRuntime ownedSandbox;
    private final ScheduledExecutorService scheduler;
    private final DecisionOutbox outbox;
    private final OutboxSender sender;
    private final ReviewDesk desk;
    private final boolean simulated;
    private final MirrorSync mirrorSync;
    private final ScheduledExecutorService mirrorScheduler;

    private ReviewWiring(SandboxRuntime ownedSandbox, ScheduledExecutorService scheduler, DecisionOutbox outbox,
            OutboxSender sender, ReviewDesk desk, boolean simulated, MirrorSync mirrorSync,
            ScheduledExecutorService mirrorScheduler) {
        this.mirrorSync = mirrorSync;
        this.mirrorScheduler = mirrorScheduler;
        this.ownedSandbox = ownedSandbox;
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.sender = sender;
        this.desk = desk;
        this.simulated = simulated;
    }

    /** Wires the desk beside a running console; {@code sandbox} is the console's, or null. */
    public static ReviewWiring open(Composition composition, SandboxRuntime sandbox, InstantSource clock) {
        return wire(composition, sandbox, null, clock, null, true);
    }

    /** The same, with each connection's client built from its TLS settings by {@code clients}. */
    public static ReviewWiring open(Composition composition, SandboxRuntime sandbox, InstantSource clock,
            ConnectionClients clients) {
        return wire(composition, sandbox, null, clock, clients, true);
    }

    /** Wires the desk for one command, starting the embedded sandbox when the profile's queue is the sandbox. */
    public static ReviewWiring forCommandLine(Composition composition, InstantSource clock) {
        ConnectionProfile profile = composition.config().activeProfile();
        if (composition.config().reviewSource() != ReviewSource.SANDBOX || profile.sandbox() == null) {
            return wire(composition, null, null, clock, null, false);
        }
        SandboxRuntime sandbox = SandboxRuntime.start(profile.sandbox(), clock);
        try {
            return wire(composition, sandbox, sandbox, clock, null, false);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /**
     * {@code mirrored}: the console keeps a local mirror of a Case API queue and lists from it; a
     * command runs once and reads the upstream directly, so it never lists from a copy it did not refresh.
     */
    private static ReviewWiring wire(Composition composition, SandboxRuntime sandbox, SandboxRuntime owned,
            InstantSource clock, ConnectionClients given, boolean mirrored) {
        ConnectionProfile profile = composition.config().activeProfile();
        ReviewSource source = composition.config().reviewSource();
        OkHttpClient standard = HttpClients.standard(null);
        // a command line has no window to ask a token PIN in; it still gets the CA bundle, pins and PKCS#12 keys
        ConnectionClients clients = given != null ? given : commandLineClients(composition);
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        FraudQueue queue;
        DecisionDelivery delivery;
        DecisionReadBack readBack = null;
        CaseApiEvents events = null;
        URI caseApiUrl = null;
        if (source == ReviewSource.STRIPE) {
            ConnectionProfile.Stripe stripe = profile.stripe();
            StripeSettings settings = StripeSettings.of(stripe.url(), stripe.apiVersion(), stripe.allowLists(),
                    stripe.blockLists());
            StripeKey key = StripeKey.fromStore(composition.secrets()::current, stripe.apiKeySecret());
            // reads retry a little in place; deliveries try once, since the outbox owns the long backoff
            Supplier<OkHttpClient> http = clients.supplier("stripe");
            queue = new StripeRadarQueue(new UpstreamClient("Stripe", http, clock, Sleeper.system(), random, 3,
                    Duration.ofSeconds(10)), settings, key, clock, Sleeper.system());
            StripeDecisionDelivery stripeDelivery = new StripeDecisionDelivery(new UpstreamClient("Stripe", http, clock,
                    Sleeper.system(), random, 1, Duration.ofSeconds(10)), settings, key, Sleeper.system());
            delivery = stripeDelivery;
            readBack = stripeDelivery;
        } else {
            URI url;
            ApiKey key = ApiKey.none();
            Supplier<OkHttpClient> http = () -> standard;
            if (source == ReviewSource.CASE_API && profile.caseApi() != null) {
                url = profile.caseApi().url();
                http = clients.supplier("caseApi");
                if (profile.caseApi().apiKeySecret() != null) {
                    key = ApiKey.fromStore(composition.secrets()::current, profile.caseApi().apiKeySecret());
                }
            } else if (source == ReviewSource.SANDBOX && sandbox != null) {
                url = sandbox.baseUrl();
            } else {
                throw new GatehouseException(FailureKind.CONFIGURATION, "Profile '" + composition.config().profile()
                        + "' has no fraud queue: add a 'caseApi' or 'stripe' section, or 'sandbox' to use the simulated one.");
            }
            queue = new CaseApiClient(new UpstreamClient("Case API", http, clock, Sleeper.system(), random, 3,
                    Duration.ofSeconds(10)), url, key);
            delivery = new CaseApiDelivery(new UpstreamClient("Case API", http, clock, Sleeper.system(), random, 1,
                    Duration.ofSeconds(10)), url, key);
            caseApiUrl = url;
            events = new CaseApiEvents(new UpstreamClient("Case API", http, clock, Sleeper.system(), random, 3,
                    Duration.ofSeconds(10)), url, key);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gatehouse-outbox").daemon(true).factory());
        DecisionOutbox outbox = new DecisionOutbox(composition.store(), clock);
        // several decisions on their way at once (one case's still in order): the upstream answers in
        // about a millisecond, so one at a time would leave the line idle
        OutboxSender sender = new OutboxSender(outbox, delivery, clock, RetryPolicy.standard(random), scheduler,
                DELIVERY_PARALLELISM);
        // Stripe has no change stream to follow, so its reviews are always read from Stripe itself
        CaseMirror mirror = mirrored && events != null ? new CaseMirror(composition.store()) : null;
        ReviewDesk desk = new ReviewDesk(queue, composition.store(), composition.auditLog(), outbox, sender,
                composition.session(), clock, composition.config().reviewRules(), mirror);
        MirrorSync mirrorSync = null;
        ScheduledExecutorService mirrorScheduler = null;
        if (mirror != null) {
            mirrorSync = new MirrorSync(mirror, composition.store(), queue, events, clock, caseApiUrl.toString());
            mirrorScheduler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("gatehouse-case-mirror").daemon(true).factory());
            mirrorSync.start(mirrorScheduler, MIRROR_EVERY);
        }
        if (readBack != null) {
            // approvals Stripe still showed open are read back on the outbox's thread until they settle
            ConfirmationSweep sweep = new ConfirmationSweep(outbox, readBack);
            scheduler.scheduleWithFixedDelay(() -> sweepQuietly(sweep), CONFIRM_EVERY.toMillis(),
                    CONFIRM_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        // decisions left by an earlier run (a crash, an outage) resume at once
        sender.kick();
        return new ReviewWiring(owned, scheduler, outbox, sender, desk, source == ReviewSource.SANDBOX, mirrorSync,
                mirrorScheduler);
    }

    private static ConnectionClients commandLineClients(Composition composition) {
        return new ConnectionClients(name -> ConnectionEntries.of(composition.config(), null,
                composition.secrets()::current).stream().filter(e -> e.name().equals(name)).findFirst(),
                composition.directories().configFile(), composition.secrets()::current, token -> {
                    throw new GatehouseException(FailureKind.PERMISSION, "The client certificate on token '"
                            + token.label() + "' needs its PIN, which is asked in the console window.");
                });
    }

    private static void sweepQuietly(ConfirmationSweep sweep) {
        try {
            sweep.sweep();
        } catch (RuntimeException e) {
            // a failed sweep must not cancel the schedule: the next one tries again
            LOG.log(System.Logger.Level.WARNING, "reading back decisions pending confirmation failed", e);
        }
    }

    public ReviewDesk desk() {
        return desk;
    }

    /** True when the fraud queue is the simulated sandbox: views show the badge, exports the watermark. */
    public boolean simulated() {
        return simulated;
    }

    /**
     * Waits, at most {@code bound}, for one delivery pass that starts after every send already
     * asked for, then returns the entry as it stands. Waiting longer never loses anything: the
     * entry stays in the outbox and goes out on the next pass or the next start.
     */
    public Optional<OutboxEntry> drainOnce(String idempotencyKey, Duration bound) {
        Future<Integer> pass = scheduler.submit(sender::drainDue);
        try {
            pass.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.INFO, "delivery still running after " + bound + "; the decision stays queued");
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "delivery pass failed; the decision stays queued", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outbox.find(idempotencyKey);
    }

    /** The console's mirror sync, when the queue is a Case API: views may listen for new cases on it. */
    public Optional<MirrorSync> mirrorSync() {
        return Optional.ofNullable(mirrorSync);
    }

    @Override
    public void close() {
        if (mirrorSync != null) {
            mirrorSync.close();
            mirrorScheduler.shutdownNow();
        }
        sender.close();
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (ownedSandbox != null) {
            ownedSandbox.close();
        }
    }
}
