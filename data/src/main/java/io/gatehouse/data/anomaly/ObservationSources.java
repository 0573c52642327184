package io.gatehouse.data.anomaly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Several observation sources read as one, so one detector (single-threaded) judges them all in one turn. */
public final class ObservationSources {
    private ObservationSources() {
    }

    /** The sources' observations at each instant, in the order given; null sources are left out. */
    public static ObservationSource combined(ObservationSource... sources) {
        List<ObservationSource> present = new ArrayList<>();
        for (ObservationSource s : sources) {
            if (s != null) {
                present.add(s);
            }
        }
        if (present.size() == 1) {
            return present.getFirst();
        }
        return at -> {
            List<Observation> out = new ArrayList<>();
            for (ObservationSource s : present) {
                out.addAll(Objects.requireNonNull(s.observe(at), "observations"));
            }
            return out;
        };
    }
}
