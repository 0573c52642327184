package io.gatehouse.views.connections;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * What the composition root gives the Connections area: the connections, and how the operator
 * proves presence before a change. Without a {@code stepUp} of its own the area asks for the
 * passphrase ({@link PassphraseStepUp}) through {@code proofFresh} and {@code proveWithPassphrase}.
 *
 * @param port                the connections and their actions
 * @param proofFresh          true while the session's last proof is recent enough for a change
 * @param proveWithPassphrase checks a passphrase as a fresh proof and wipes it
 * @param stepUp              a step-up of the composition root's own (a smartcard), or null
 */
public record ConnectionsAccess(ConnectionsPort port, BooleanSupplier proofFresh, Predicate<char[]> proveWithPassphrase,
        StepUp stepUp) {
    public ConnectionsAccess {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(proofFresh, "proofFresh");
        Objects.requireNonNull(proveWithPassphrase, "proveWithPassphrase");
    }

    /** The same access with another step-up. */
    public ConnectionsAccess withStepUp(StepUp other) {
        return new ConnectionsAccess(port, proofFresh, proveWithPassphrase, other);
    }
}
