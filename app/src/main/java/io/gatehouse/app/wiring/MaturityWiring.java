package io.gatehouse.app.wiring;

import io.gatehouse.data.evidence.AuditChainEvidence;
import io.gatehouse.data.evidence.ContainmentTimeEvidence;
import io.gatehouse.data.evidence.DecisionsAuditedEvidence;
import io.gatehouse.data.evidence.EvidenceBoard;
import io.gatehouse.data.evidence.EvidenceProvider;
import io.gatehouse.data.evidence.FourEyesEvidence;
import io.gatehouse.data.evidence.KeyCryptoperiodEvidence;
import io.gatehouse.data.evidence.TelemetryCoverageEvidence;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.incidents.ResponseTimesSource;
import io.gatehouse.data.keys.KeyRingView;
import io.gatehouse.data.maturity.CatalogueSource;
import io.gatehouse.data.maturity.MaturityBook;
import io.gatehouse.data.telemetry.TelemetrySource;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Wires the maturity book with every automatic evidence check the console can run. */
public final class MaturityWiring {
    /** The containment target the shipped criteria speak of. */
    static final Duration CONTAINMENT_TARGET = Duration.ofHours(4);

    private MaturityWiring() {
    }

    /**
     * The book over the composition's store. {@code telemetry} and {@code incidents} may be null when
     * the console has none; their checks then report no data.
     */
    public static MaturityBook open(Composition composition, TelemetrySource telemetry, ResponseTimesSource incidents,
            InstantSource clock) {
        KeyRingView keys = new KeyRingView(composition.store(), composition.session(), clock);
        List<EvidenceProvider> checks = new ArrayList<>();
        checks.add(new KeyCryptoperiodEvidence(keys::rings));
        checks.add(new AuditChainEvidence(composition.auditLog()));
        checks.add(new DecisionsAuditedEvidence(composition.auditLog()));
        checks.add(new FourEyesEvidence(() -> composition.config().reviewRules().fourEyes()));
        if (telemetry != null) {
            checks.add(new TelemetryCoverageEvidence(telemetry, Set.of()));
        }
        checks.add(new ContainmentTimeEvidence(incidents == null ? ResponseTimesSource.none() : incidents, CONTAINMENT_TARGET));
        CatalogueSource catalogues = new CatalogueSource(composition.directories().dataDirectory(), new SafeFileWriter());
        // the user edits a copy next to the store; the shipped one stays as the reference
        catalogues.copyShippedIfAbsent();
        return new MaturityBook(composition.store(), composition.auditLog(), composition.session(), clock,
                new EvidenceBoard(clock, checks), catalogues);
    }
}
