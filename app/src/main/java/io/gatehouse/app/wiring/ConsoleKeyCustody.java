package io.gatehouse.app.wiring;

import io.gatehouse.connectors.pkcs11.ModuleDetector;
import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.config.OperatorChoice;
import io.gatehouse.data.config.OperatorEntry;
import io.gatehouse.data.operator.card.CardEnrolments;
import io.gatehouse.data.operator.card.CardPresence;
import io.gatehouse.data.operator.presence.SmartcardProof;
import io.gatehouse.data.keys.JwksPublisher;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyRingView;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.RotationOutcome;
import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.keys.token.KeyObject;
import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.keys.token.TokenPort;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.views.keys.CustodianProof;
import io.gatehouse.views.keys.KeyCustodyPort;
import io.gatehouse.views.keys.ModuleScan;
import io.gatehouse.views.keys.TokenRef;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Key custody area's port in the console: PKCS#11 modules through the token layer, and the
 * key custody service over the local store, the signed-in operator and the JWKS registry. Each
 * token operation opens a session (asking for the PIN on the calling thread) and closes it when
 * done, so no login outlives the operation that needed it.
 */
public final class ConsoleKeyCustody implements KeyCustodyPort {
    private final Composition composition;
    private final InstantSource clock;
    private final Optional<TokenRef> configured;
    private final JwksPublisher registry;
    private final String noRegistry;
    private final Supplier<List<Path>> detector;
    private final Function<Path, TokenPort> modules;

    ConsoleKeyCustody(Composition composition, InstantSource clock, JwksPublisher registry, String noRegistry,
            Supplier<List<Path>> detector, Function<Path, TokenPort> modules) {
        this.composition = Objects.requireNonNull(composition, "composition");
        this.clock = Objects.requireNonNull(clock, "clock");
        ConnectionProfile.Token token = composition.config().activeProfile().token();
        this.configured = token == null ? Optional.empty() : Optional.of(new TokenRef(token.module(), token.label()));
        this.registry = registry;
        this.noRegistry = noRegistry;
        this.detector = Objects.requireNonNull(detector, "detector");
        this.modules = Objects.requireNonNull(modules, "modules");
    }

    /**
     * The port over the real PKCS#11 layer. {@code registry} is where rotations publish keys, or
     * null with {@code noRegistry} saying why there is none.
     */
    public static ConsoleKeyCustody open(Composition composition, InstantSource clock, JwksPublisher registry,
            String noRegistry) {
        return new ConsoleKeyCustody(composition, clock, registry, noRegistry, () -> new ModuleDetector().detect(),
                Pkcs11Modules::open);
    }

    @Override
    public Optional<TokenRef> configuredToken() {
        return configured;
    }

    @Override
    public Optional<String> rotationUnavailable() {
        if (!composition.session().operator().may(Permission.MANAGE_KEYS)) {
            return Optional.of("Operator " + composition.session().operator().id()
                    + " does not hold the key custodian role, which rotating keys needs.");
        }
        return registry == null ? Optional.of(noRegistry) : Optional.empty();
    }

    @Override
    public List<ModuleScan> scanModules() {
        Set<Path> paths = new LinkedHashSet<>();
        configured.ifPresent(t -> paths.add(Path.of(t.module())));
        paths.addAll(detector.get());
        List<ModuleScan> scans = new ArrayList<>();
        for (Path path : paths) {
            try {
                TokenPort port = modules.apply(path);
                scans.add(new ModuleScan(path.toString(), Optional.of(port.module()), port.listSlots(), null));
            } catch (GatehouseException e) {
                scans.add(ModuleScan.failed(path.toString(), e.getMessage()));
            }
        }
        return scans;
    }

    private TokenSession open(TokenRef ref, PinSource pin) {
        return modules.apply(Path.of(ref.module())).openSession(ref.label(), pin);
    }

    private KeyCustody custody(TokenSession token) {
        if (registry == null) {
            throw new GatehouseException(FailureKind.CONFIGURATION, noRegistry);
        }
        KeyCustody custody = new KeyCustody(composition.store(), composition.auditLog(), composition.session(), token,
                registry, clock);
        if (composition.config().smartcardProofsRequired()) {
            custody.requireSmartcardProofs();
        }
        return custody;
    }

    @Override
    public boolean smartcardProofs() {
        return composition.config().smartcardProofsRequired();
    }

    private KeyRingView view() {
        return new KeyRingView(composition.store(), composition.session(), clock);
    }

    @Override
    public List<KeyObject> inventory(TokenRef token, PinSource pin) {
        composition.session().require(Permission.VIEW_KEYS);
        try (TokenSession session = open(token, pin)) {
            return session.listKeys();
        }
    }

    @Override
    public List<KeyRing> rings() {
        return view().rings();
    }

    @Override
    public List<KeyVersion> due() {
        return view().due();
    }

    @Override
    public List<Operator> custodians() {
        return composition.config().operators().stream().map(OperatorEntry::toOperator)
                .filter(o -> o.may(Permission.MANAGE_KEYS)).toList();
    }

    @Override
    public Operator signedIn() {
        return composition.session().operator();
    }

    @Override
    public RotationOutcome rotate(TokenRef token, String ring, PinSource pin, Consumer<RotationStep> progress) {
        composition.session().require(Permission.MANAGE_KEYS);
        try (TokenSession session = open(token, pin)) {
            return custody(session).rotate(ring, progress);
        }
    }

    @Override
    public KeyVersion rollBack(TokenRef token, String ring, PinSource pin) {
        composition.session().require(Permission.MANAGE_KEYS);
        try (TokenSession session = open(token, pin)) {
            return custody(session).rollBack(ring);
        }
    }

    @Override
    public KeyVersion retire(TokenRef token, String ring, int version, PinSource pin) {
        composition.session().require(Permission.MANAGE_KEYS);
        try (TokenSession session = open(token, pin)) {
            return custody(session).retire(ring, version);
        }
    }

    @Override
    public KeyVersion restore(TokenRef token, String ring, int version, PinSource pin) {
        composition.session().require(Permission.MANAGE_KEYS);
        try (TokenSession session = open(token, pin)) {
            return custody(session).restore(ring, version);
        }
    }

    /**
     * Each custodian proves presence with the passphrase, which for now is the desktop's secret
     * store passphrase checked through an operator session of their own; the service then checks
     * that they are two different people and that both proofs are fresh.
     */
    @Override
    public List<KeyVersion> destroyDue(TokenRef token, CustodianProof first, CustodianProof second, PinSource pin) {
        if (composition.config().smartcardProofsRequired()) {
            return destroyWithCards(token, first, second, pin);
        }
        try {
            LocalOperatorSession signedIn = composition.session();
            if (!first.operatorId().equals(signedIn.operator().id())) {
                throw new GatehouseException(FailureKind.PERMISSION, "The first custodian must be the operator signed in"
                        + " at this console (" + signedIn.operator().id() + ").");
            }
            signedIn.proveWithPassphrase(first.passphrase());
            Operator other = composition.config().findOperator(second.operatorId()).map(OperatorEntry::toOperator)
                    .orElseThrow(() -> new GatehouseException(FailureKind.PERMISSION, "No operator '"
                            + second.operatorId() + "' is configured; the second custodian must be one."));
            LocalOperatorSession secondSession = second.operatorId().equals(signedIn.operator().id()) ? signedIn
                    : new LocalOperatorSession(other, clock, composition.secrets()::verifyPassphrase);
            secondSession.proveWithPassphrase(second.passphrase());
            try (TokenSession session = open(token, pin)) {
                KeyCustody custody = custody(session);
                // the dialog's passphrase is one per installation: enough in a development profile only
                if (!composition.config().sandboxActive()) {
                    custody.requireSmartcardProofs();
                }
                return custody.destroyDue(signedIn, secondSession);
            }
        } finally {
            first.wipe();
            second.wipe();
        }
    }

    /**
     * Each custodian's card signs a fresh challenge after its PIN, checked against the certificate enrolled for
     * them: the signed-in operator's card as configured, the second one by the token label typed in the dialog,
     * read through the same PKCS#11 module. Passphrases are not accepted here.
     */
    private List<KeyVersion> destroyWithCards(TokenRef token, CustodianProof first, CustodianProof second,
            PinSource pin) {
        try {
            LocalOperatorSession signedIn = composition.session();
            if (!first.operatorId().equals(signedIn.operator().id())) {
                throw new GatehouseException(FailureKind.PERMISSION, "The first custodian must be the operator signed in"
                        + " at this console (" + signedIn.operator().id() + ").");
            }
            OperatorChoice.Card card = composition.config().signedIn().card();
            String module = card != null ? card.module() : token.module();
            String firstCard = card != null ? card.tokenLabel() : first.card();
            if (firstCard == null || firstCard.isBlank()) {
                throw new GatehouseException(FailureKind.CONFIGURATION, "Destruction needs smartcard proofs, and no card"
                        + " is configured for " + signedIn.operator().id() + ": add operator.card to the configuration.");
            }
            if (second.card() == null || second.card().isBlank()) {
                throw new GatehouseException(FailureKind.PERMISSION, "Name the second custodian's card by its token"
                        + " label; destruction needs both custodians' smartcards.");
            }
            Operator other = composition.config().findOperator(second.operatorId()).map(OperatorEntry::toOperator)
                    .orElseThrow(() -> new GatehouseException(FailureKind.PERMISSION, "No operator '"
                            + second.operatorId() + "' is configured; the second custodian must be one."));
            LocalOperatorSession secondSession = second.operatorId().equals(signedIn.operator().id()) ? signedIn
                    : new LocalOperatorSession(other, clock, candidate -> false);
            cardProof(module, firstCard).prove(signedIn, first.passphrase().clone());
            cardProof(module, second.card()).prove(secondSession, second.passphrase().clone());
            try (TokenSession session = open(token, pin)) {
                return custody(session).destroyDue(signedIn, secondSession);
            }
        } finally {
            first.wipe();
            second.wipe();
        }
    }

    private SmartcardProof cardProof(String module, String tokenLabel) {
        CardEnrolments enrolments = new CardEnrolments(composition.store(), composition.auditLog(), composition.session(),
                clock);
        return new SmartcardProof(cardPin -> modules.apply(Path.of(module)).openSession(tokenLabel, cardPin),
                enrolments::enrolled, new CardPresence(clock, CardPresence.DEFAULT_TOLERANCE));
    }
}
