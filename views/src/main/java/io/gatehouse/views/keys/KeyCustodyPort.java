package io.gatehouse.views.keys;

import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.RotationOutcome;
import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.keys.token.KeyObject;
import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.operator.Operator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the Key custody area needs from the token layer and the key custody service. Every call but
 * {@link #custodians()} and {@link #signedIn()}
 * blocks on the token, the store or the JWKS registry, so the view model makes them on its
 * background executor; a PIN, when one is needed, is asked from that thread through the given
 * {@link PinSource}. Failures are {@link io.gatehouse.data.GatehouseException}s with one clear
 * sentence.
 */
public interface KeyCustodyPort {
    /** The token the configuration names ({@code profiles.<name>.token}), if any. */
    Optional<TokenRef> configuredToken();

    /**
     * Why keys cannot be rotated from this console, as a sentence, or empty when they can (a
     * token and a JWKS registry are wired).
     */
    Optional<String> rotationUnavailable();

    /** The configured module and the modules found in the usual places, each with its slots. */
    List<ModuleScan> scanModules();

    /** Every key and certificate object on the token. */
    List<KeyObject> inventory(TokenRef token, PinSource pin);

    /** The key rings and their versions, from the local records; no token needed. */
    List<KeyRing> rings();

    /** The versions whose destruction window is over. */
    List<KeyVersion> due();

    /** The operators who may take part in dual control: those allowed to manage keys. */
    List<Operator> custodians();

    /** The operator signed in at this console: always the first custodian. */
    Operator signedIn();

    /**
     * Rotates the ring, or resumes its interrupted rotation; {@code progress} hears each step as it
     * is recorded and may throw {@link java.util.concurrent.CancellationException} to stop between
     * steps.
     */
    RotationOutcome rotate(TokenRef token, String ring, PinSource pin, Consumer<RotationStep> progress);

    /** Abandons the ring's interrupted rotation; the primary version is not touched. */
    KeyVersion rollBack(TokenRef token, String ring, PinSource pin);

    /** Removes a retiring version from the published key set and schedules its destruction. */
    KeyVersion retire(TokenRef token, String ring, int version, PinSource pin);

    /** Brings a version scheduled for destruction back to verify-only. */
    KeyVersion restore(TokenRef token, String ring, int version, PinSource pin);

    /**
     * Destroys the versions that are due, once both custodians proved presence. The port wipes
     * both passphrases whatever happens.
     */
    List<KeyVersion> destroyDue(TokenRef token, CustodianProof first, CustodianProof second, PinSource pin);

    /**
     * True when destruction takes two custodians' smartcard proofs (a PIN and the card's token label each);
     * false in development profiles, where passphrases stand in and the dialog says they are weaker.
     */
    default boolean smartcardProofs() {
        return false;
    }
}
