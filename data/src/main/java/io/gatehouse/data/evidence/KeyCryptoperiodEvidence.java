package io.gatehouse.data.evidence;

import io.gatehouse.data.keys.CryptoperiodStatus;
import io.gatehouse.data.keys.KeyRing;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Signing keys rotated within their cryptoperiod: the share of key rings whose primary version has not expired. */
public final class KeyCryptoperiodEvidence implements EvidenceProvider {
    static final String SOURCE = "Key custody";
    private final Supplier<List<KeyRing>> rings;

    public KeyCryptoperiodEvidence(Supplier<List<KeyRing>> rings) {
        this.rings = Objects.requireNonNull(rings, "rings");
    }

    @Override
    public String check() {
        return EvidenceChecks.KEYS_CRYPTOPERIOD;
    }

    @Override
    public Optional<Measurement> measure(Instant now) {
        List<KeyRing> withPrimary = rings.get().stream().filter(r -> r.active().isPresent()).toList();
        if (withPrimary.isEmpty()) {
            return Optional.empty();
        }
        List<String> expired = withPrimary.stream()
                .filter(r -> r.policy().status(r.active().orElseThrow().stateSince(), now) == CryptoperiodStatus.EXPIRED)
                .map(KeyRing::name).toList();
        int inside = withPrimary.size() - expired.size();
        String finding = inside + " of " + withPrimary.size() + " key rings inside their cryptoperiod"
                + (expired.isEmpty() ? "" : "; expired: " + String.join(", ", expired));
        return Optional.of(new Measurement(check(), (double) inside / withPrimary.size(), finding, SOURCE, now));
    }
}
