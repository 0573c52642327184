package io.gatehouse.data.evidence;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The automatic checks the console can run, by id. A check that fails to run is reported as "no
 * data" with the reason, so one broken source never hides the other measurements.
 */
public final class EvidenceBoard {
    private final Map<String, EvidenceProvider> providers = new LinkedHashMap<>();
    private final InstantSource clock;

    public EvidenceBoard(InstantSource clock, List<? extends EvidenceProvider> providers) {
        this.clock = Objects.requireNonNull(clock, "clock");
        for (EvidenceProvider provider : providers) {
            if (this.providers.putIfAbsent(provider.check(), provider) != null) {
                throw new IllegalArgumentException("two evidence providers for " + provider.check());
            }
        }
    }

    /** A board with no checks, for a console that has no data sources yet. */
    public static EvidenceBoard empty(InstantSource clock) {
        return new EvidenceBoard(clock, List.of());
    }

    public Set<String> checks() {
        return Set.copyOf(providers.keySet());
    }

    public boolean supports(String check) {
        return check != null && providers.containsKey(check);
    }

    /** Runs every check once; checks without data are absent from the answer. */
    public Map<String, Measurement> measureAll() {
        Map<String, Measurement> results = new LinkedHashMap<>();
        providers.forEach((id, provider) -> measure(provider).ifPresent(m -> results.put(id, m)));
        return results;
    }

    /** Runs one check; empty when it is unknown, has no data or could not run. */
    public Optional<Measurement> measure(String check) {
        EvidenceProvider provider = providers.get(check);
        return provider == null ? Optional.empty() : measure(provider);
    }

    private Optional<Measurement> measure(EvidenceProvider provider) {
        try {
            return provider.measure(clock.instant());
        } catch (RuntimeException e) {
            // A source that is down is "no data" here; its own area reports the failure to the operator.
            return Optional.empty();
        }
    }
}
