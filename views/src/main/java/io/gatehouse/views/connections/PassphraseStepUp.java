package io.gatehouse.views.connections;

import io.gatehouse.views.common.I18n;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * A step-up by passphrase re-entry, for development profiles: asks only when the last proof is
 * too old, and up to three times. A smartcard step-up replaces it where a card is enrolled.
 */
public final class PassphraseStepUp implements StepUp {
    private static final int ATTEMPTS = 3;

    private final Supplier<I18n> i18n;
    private final Supplier<Window> owner;
    private final BooleanSupplier fresh;
    private final Predicate<char[]> prove;

    /**
     * @param fresh true while the session's last proof is recent enough
     * @param prove checks a passphrase as a new proof and wipes it; true when it was right
     */
    public PassphraseStepUp(Supplier<I18n> i18n, Supplier<Window> owner, BooleanSupplier fresh, Predicate<char[]> prove) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.fresh = Objects.requireNonNull(fresh, "fresh");
        this.prove = Objects.requireNonNull(prove, "prove");
    }

    @Override
    public boolean confirm() {
        if (fresh.getAsBoolean()) {
            return true;
        }
        String problem = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            char[] passphrase = ConnectionDialogs.askPassphrase(owner.get(), i18n.get(), problem);
            if (passphrase == null) {
                return false;
            }
            if (prove.test(passphrase)) {
                return true;
            }
            problem = i18n.get().get("connections.stepUp.wrong");
        }
        return false;
    }
}
