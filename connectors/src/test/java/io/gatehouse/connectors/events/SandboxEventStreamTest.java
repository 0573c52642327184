package io.gatehouse.connectors.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.events.SecurityEvent;
import io.gatehouse.data.events.SecurityEventSignals;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.telemetry.HubLimits;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetryHub;
import io.gatehouse.data.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The happy path end to end: the real sandbox signs its stream on loopback, the connector verifies every event. */
class SandboxEventStreamTest {
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void everyEventOfTheSandboxStreamVerifiesAndFeedsTheRegionalSignal(SignatureScheme scheme) {
        ManualClock wall = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults(7, START).withWallClock(wall))) {
            sandbox.advanceTo(START.plus(Duration.ofMinutes(10)));
            TelemetryHub hub = new TelemetryHub(HubLimits.DEFAULT, () -> START.plus(Duration.ofMinutes(10)));
            SecurityEventSignals signals = new SecurityEventSignals(hub);
            List<SecurityEvent> received = new ArrayList<>();
            URI url = sandbox.baseUrl().resolve("/v1/security-events/stream?follow=false&scheme=" + scheme.configName());
            SignedEventStream stream = new SignedEventStream(new OkHttpClient(), url, scheme,
                    () -> Optional.of(Secret.copyOf(sandbox.eventSigningSecret().toCharArray())), "sandbox", e -> {
                        received.add(e);
                        signals.accept(e);
                    }, wall, d -> { }, RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")),
                    EventStreamLimits.DEFAULT);

            assertThat(stream.connectOnce()).isEqualTo(SignedEventStream.Ending.ENDED);
            assertThat(received).hasSizeGreaterThan(30); // 6 regions x 10 minutes, though a region asleep may count none
            assertThat(stream.stats().accepted()).isEqualTo(received.size());
            assertThat(stream.stats().rejected()).isZero();
            assertThat(received).extracting(SecurityEvent::type).contains("login_failures");
            assertThat(received).allSatisfy(e -> assertThat(e.occurredAt()).isBetween(START, START.plus(Duration.ofMinutes(10))));
            assertThat(signals.totals()).containsKey("eu");
            assertThat(hub.stats().series()).isGreaterThanOrEqualTo(6);
            assertThat(hub.latest(new SeriesKey("eu", Kpi.LOGIN_FAILURES_PER_MIN, SecurityEventSignals.HUB_DETAIL)))
                    .isPresent();

            // nothing new: the resumed stream delivers nothing twice
            sandbox.advanceTo(START.plus(Duration.ofMinutes(11)));
            int before = received.size();
            stream.connectOnce();
            assertThat(received.size()).isBetween(before, before + 18);
            assertThat(received).extracting(SecurityEvent::id).doesNotHaveDuplicates();
            assertThat(stream.stats().replayed()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aConsoleWithTheWrongSecretAcceptsNothing(SignatureScheme scheme) {
        ManualClock wall = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults(7, START).withWallClock(wall))) {
            sandbox.advanceTo(START.plus(Duration.ofMinutes(3)));
            List<SecurityEvent> received = new ArrayList<>();
            URI url = sandbox.baseUrl().resolve("/v1/security-events/stream?follow=false&scheme=" + scheme.configName());
            String wrong = "ab".repeat(32);
            SignedEventStream stream = new SignedEventStream(new OkHttpClient(), url, scheme,
                    () -> Optional.of(Secret.copyOf(wrong.toCharArray())), "sandbox", received::add, wall, d -> { },
                    RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), EventStreamLimits.DEFAULT);
            stream.connectOnce();
            assertThat(received).isEmpty();
            assertThat(stream.stats().forged()).isGreaterThan(10);
        }
    }
}
