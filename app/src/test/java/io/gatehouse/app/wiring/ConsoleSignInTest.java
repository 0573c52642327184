package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.data.operator.presence.SessionGuard;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.views.session.SecretRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's start: who is asked what, and what the console opens with when they answer or cancel. */
class ConsoleSignInTest {
    private static final String PLANTED_PASSPHRASE = "planted-passphrase-5d1e";
    private static final String PLANTED_KEY = "sk_live_planted_4c9b";

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    /** Answers from a script: a string is typed, null cancels; every request is kept. */
    private static final class ScriptedAsker implements ConsoleSignIn.Asker {
        final Deque<String> answers = new ArrayDeque<>();
        final List<SecretRequest> asked = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        ScriptedAsker(String... typed) {
            for (String t : typed) {
                answers.add(t == null ? "\0cancel" : t);
            }
        }

        @Override
        public <T> Optional<T> askUntilAccepted(SecretRequest request, Function<char[], T> attempt) {
            asked.add(request);
            while (!answers.isEmpty()) {
                String next = answers.poll();
                if (next.equals("\0cancel")) {
                    return Optional.empty();
                }
                try {
                    return Optional.ofNullable(attempt.apply(next.toCharArray()));
                } catch (io.gatehouse.data.GatehouseException e) {
                    problems.add(e.getMessage());
                }
            }
            return Optional.empty();
        }
    }

    private AppDirectories directories(String yaml) throws Exception {
        Path config = tmp.resolve("config.yaml");
        if (yaml != null) {
            Files.writeString(config, yaml);
        }
        return new AppDirectories(config, tmp.resolve("data"));
    }

    private static final String CASE_API = """
            operator: dev
            operators:
              - id: dev
                name: Dev Lead
                roles: [lead]
            profile: shop
            profiles:
              shop:
                caseApi: {url: "http://127.0.0.1:9/v1", apiKeySecret: case-api-key}
            """;

    private List<AuditEntry> auth(Composition composition) {
        return composition.auditLog().find(AuditQuery.latest(50)).stream()
                .filter(e -> e.action().startsWith("operator.") && !e.action().equals("operator.proof")).toList().reversed();
    }

    @Test
    void theSandboxDefaultAsksNothingAndSignsInTheLocalOperatorAsWeaker() throws Exception {
        ScriptedAsker asker = new ScriptedAsker();
        try (Composition composition = Composition.open(directories(null), clock)) {
            SessionGuard guard = SessionWiring.guard(composition, clock);
            ConsoleSignIn.run(composition, guard, asker);
            assertThat(asker.asked).isEmpty();
            assertThat(guard.signedIn()).isTrue();
            assertThat(guard.weaker()).isTrue();
            assertThat(guard.needsSecret()).isFalse();
            assertThat(auth(composition)).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("operator.signin");
                assertThat(e.details()).containsEntry("kind", "local-weaker").containsEntry("proof", "none");
            });
        }
    }

    @Test
    void theStoresPassphraseIsAskedAgainWhenWrongAndOpensTheConnectionsSecrets() throws Exception {
        AppDirectories dirs = directories(CASE_API);
        try (Composition first = Composition.open(dirs, clock)) {
            first.secrets().unlock(PLANTED_PASSPHRASE.toCharArray()).put("case-api-key", PLANTED_KEY.toCharArray());
        }
        ScriptedAsker asker = new ScriptedAsker("wrong horse", PLANTED_PASSPHRASE);
        try (Composition composition = Composition.open(dirs, clock)) {
            SessionGuard guard = SessionWiring.guard(composition, clock);
            ConsoleSignIn.run(composition, guard, asker);
            assertThat(asker.asked).extracting(SecretRequest::purpose).containsExactly(SecretRequest.Purpose.SECRET_STORE);
            assertThat(asker.asked.getFirst().weaker()).isTrue();
            assertThat(asker.problems).singleElement().asString().contains("passphrase").doesNotContain("wrong horse");
            assertThat(composition.secrets().current()).isPresent();
            assertThat(composition.secrets().current().orElseThrow().get("case-api-key")).isPresent();
            assertThat(guard.fresh()).as("the passphrase was the local sign-in proof").isTrue();
            assertThat(auth(composition)).extracting(AuditEntry::action).containsExactly("operator.signin");
        }
        try (var files = Files.walk(tmp)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(PLANTED_PASSPHRASE).doesNotContain(PLANTED_KEY);
            }
        }
    }

    @Test
    void cancellingThePassphraseOpensTheConsoleWithThoseConnectionsLocked() throws Exception {
        AppDirectories dirs = directories(CASE_API);
        try (Composition first = Composition.open(dirs, clock)) {
            first.secrets().unlock(PLANTED_PASSPHRASE.toCharArray()).put("case-api-key", PLANTED_KEY.toCharArray());
        }
        try (Composition composition = Composition.open(dirs, clock)) {
            SessionGuard guard = SessionWiring.guard(composition, clock);
            ConsoleSignIn.run(composition, guard, new ScriptedAsker((String) null));
            assertThat(guard.signedIn()).isTrue();
            assertThat(composition.secrets().current()).isEmpty();
            HealthProbe upstream = new HealthProbe() {
                @Override
                public String connection() {
                    return "Fraud queue";
                }

                @Override
                public ConnectionKind kind() {
                    return ConnectionKind.FRAUD_QUEUE;
                }

                @Override
                public Result check() {
                    return new Result(HealthState.UP, "200 in 12 ms");
                }
            };
            SecretLockedProbe probe = new SecretLockedProbe(upstream, () -> composition.secrets().current().isEmpty());
            assertThat(probe.check().state()).isEqualTo(HealthState.DOWN);
            assertThat(probe.check().detail()).startsWith("Locked:");

            // the later step-up with the right passphrase also opens the store
            guard.stepUp("audit.export", PLANTED_PASSPHRASE.toCharArray());
            assertThat(composition.secrets().current()).isPresent();
            assertThat(probe.check().state()).isEqualTo(HealthState.UP);
        }
    }

    @Test
    void smartcardSignInNeedsTheWindowAndQuittingItOpensNothing() throws Exception {
        AppDirectories dirs = directories("""
                operator:
                  id: kim
                  signIn: smartcard
                  card: {module: /usr/lib/softhsm/libsofthsm2.so, tokenLabel: kim-card}
                operators:
                  - id: kim
                    roles: [key-custodian]
                profile: p
                profiles:
                  p:
                    sandbox: {}
                keyCustody:
                  requireSmartcardProofs: true
                """);
        try (Composition composition = Composition.open(dirs, clock)) {
            SessionGuard guard = SessionWiring.guard(composition, clock);
            assertThat(guard.weaker()).isFalse();
            assertThatThrownBy(() -> ConsoleSignIn.run(composition, guard, ConsoleSignIn.NOBODY_ASKS))
                    .hasMessageContaining("needs the console window");
            ScriptedAsker quits = new ScriptedAsker((String) null);
            assertThatThrownBy(() -> ConsoleSignIn.run(composition, guard, quits))
                    .isInstanceOf(ConsoleSignIn.SignInCancelled.class);
            assertThat(quits.asked.getFirst().kind()).isEqualTo(SecretRequest.SecretKind.PIN);
            assertThat(quits.asked.getFirst().detail()).isEqualTo("kim-card");
            assertThat(guard.signedIn()).isFalse();
        }
    }
}
