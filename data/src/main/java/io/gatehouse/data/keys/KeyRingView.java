package io.gatehouse.data.keys;

import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.store.LocalStore;
import java.security.PublicKey;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Read-only views of the key rings, for screens and commands that show rings without touching
 * the token or the registry.
 */
public final class KeyRingView {
    private final LocalStore store;
    private final OperatorSession session;
    private final InstantSource clock;

    public KeyRingView(LocalStore store, OperatorSession session, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<KeyRing> rings() {
        session.require(Permission.VIEW_KEYS);
        return store.read(c -> {
            List<KeyRing> rings = new ArrayList<>();
            for (String name : KeyRingRows.ringNames(c)) {
                rings.add(KeyRingRows.ring(c, name).orElseThrow());
            }
            return rings;
        });
    }

    public Optional<KeyRing> ring(String name) {
        session.require(Permission.VIEW_KEYS);
        return store.read(c -> KeyRingRows.ring(c, name));
    }

    /** Versions whose destruction window is over, across all rings. */
    public List<KeyVersion> due() {
        return rings().stream().flatMap(r -> r.versions().stream())
                .filter(v -> v.state() == KeyVersionState.SCHEDULED_FOR_DESTRUCTION && v.due(clock.instant()))
                .toList();
    }

    /** The public keys that belong in the JWKS now: every pending, active and retiring version. */
    public List<PublicKey> publishedKeys() {
        return publishedKeys(rings());
    }

    /** How the ring's primary version stands against its cryptoperiod; empty without a primary. */
    public Optional<CryptoperiodStatus> cryptoperiod(KeyRing ring) {
        return ring.active().map(a -> ring.policy().status(a.stateSince(), clock.instant()));
    }

    static List<PublicKey> publishedKeys(List<KeyRing> rings) {
        return rings.stream().flatMap(r -> r.published().stream()).map(v -> SpkiKeys.decode(v.publicKey())).toList();
    }
}
