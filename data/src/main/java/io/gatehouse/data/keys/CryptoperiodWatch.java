package io.gatehouse.data.keys;

import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Watches every ring's primary version against its cryptoperiod and raises it where the console shows
 * connection health: degraded inside the warning period before the end (plan a rotation), down once the
 * cryptoperiod is over (rotate now). The health bar is read by whoever is on shift, custodian or not.
 */
public final class CryptoperiodWatch implements HealthProbe {
    private final Supplier<List<KeyRing>> rings;
    private final InstantSource clock;

    /** Over the store's rings, read without an operator permission check: the watch shows states, no keys. */
    public CryptoperiodWatch(io.gatehouse.data.store.LocalStore store, InstantSource clock) {
        this(new KeyRingLedger(Objects.requireNonNull(store, "store"), null)::all, clock);
    }

    CryptoperiodWatch(Supplier<List<KeyRing>> rings, InstantSource clock) {
        this.rings = Objects.requireNonNull(rings, "rings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String connection() {
        return "Key cryptoperiods";
    }

    @Override
    public ConnectionKind kind() {
        return ConnectionKind.TOKEN;
    }

    @Override
    public Result check() {
        Instant now = clock.instant();
        List<String> expired = new ArrayList<>();
        List<String> ending = new ArrayList<>();
        int primaries = 0;
        for (KeyRing ring : rings.get()) {
            KeyVersion active = ring.active().orElse(null);
            if (active == null) {
                continue;
            }
            primaries++;
            Instant end = active.stateSince().plus(ring.policy().cryptoperiod());
            switch (ring.policy().status(active.stateSince(), now)) {
                case EXPIRED -> expired.add(ring.name() + " (ended " + end + ")");
                case WARNING -> ending.add(ring.name() + " (ends " + end + ")");
                case OK -> { }
            }
        }
        if (!expired.isEmpty()) {
            return new Result(HealthState.DOWN, "cryptoperiod over, rotate now: " + String.join(", ", expired));
        }
        if (!ending.isEmpty()) {
            return new Result(HealthState.DEGRADED, "cryptoperiod ending, plan a rotation: " + String.join(", ", ending));
        }
        return new Result(HealthState.UP, primaries == 0 ? "no primary key versions yet"
                : "all " + primaries + " primary versions are within their cryptoperiod");
    }
}
