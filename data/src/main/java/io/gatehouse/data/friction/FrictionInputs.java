package io.gatehouse.data.friction;

import io.gatehouse.data.incidents.ResponseTimes;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Everything the Adversarial Friction score is computed from, for one period.
 *
 * @param boundaryChecklist boundary controls of the defensive audit that pass, of those evaluated
 * @param edgeStops         abuse stopped at the edge (validation rejects plus rate-limit hits), of all abuse
 *                          seen (those plus abuse caught only after the edge, such as fraud-flagged orders)
 * @param mtls              service connections on mutual TLS, of all service connections
 * @param response          detection, containment and recovery times from the incident log
 * @param downtimeCost      what outages cost in the period, in the reporting currency
 * @param downtimeReference the downtime cost of the period before the programme (the ROI baseline
 *                          prorated to the period), same currency; a cost equal to it scores one half
 * @param falsePositives    genuine orders declined, of checkout attempts
 * @param reversals         automated declines reversed on review, of declines reviewed
 * @param authFriction      customers abandoning at an authentication challenge, of challenges shown
 */
public record FrictionInputs(
        Ratio boundaryChecklist,
        Ratio edgeStops,
        Ratio mtls,
        ResponseTimes response,
        BigDecimal downtimeCost,
        BigDecimal downtimeReference,
        Ratio falsePositives,
        Ratio reversals,
        Ratio authFriction) {

    public FrictionInputs {
        Objects.requireNonNull(boundaryChecklist, "boundaryChecklist");
        Objects.requireNonNull(edgeStops, "edgeStops");
        Objects.requireNonNull(mtls, "mtls");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(downtimeCost, "downtimeCost");
        Objects.requireNonNull(downtimeReference, "downtimeReference");
        Objects.requireNonNull(falsePositives, "falsePositives");
        Objects.requireNonNull(reversals, "reversals");
        Objects.requireNonNull(authFriction, "authFriction");
        if (downtimeCost.signum() < 0) {
            throw new IllegalArgumentException("the downtime cost must not be negative, got " + downtimeCost);
        }
        if (downtimeReference.signum() < 0) {
            throw new IllegalArgumentException("the downtime reference must not be negative, got " + downtimeReference);
        }
        requireNotNegative("downtime", response.downtime());
        response.meanTimeToDetect().ifPresent(d -> requireNotNegative("mean time to detect", d));
        response.meanTimeToContain().ifPresent(d -> requireNotNegative("mean time to contain", d));
        response.meanTimeToRecover().ifPresent(d -> requireNotNegative("mean time to recover", d));
    }

    /** A period with no evidence at all: every ratio undefined, no incidents, no downtime. */
    public static FrictionInputs empty() {
        return new FrictionInputs(Ratio.none(), Ratio.none(), Ratio.none(), ResponseTimes.none(), BigDecimal.ZERO,
                BigDecimal.ZERO, Ratio.none(), Ratio.none(), Ratio.none());
    }

    public FrictionInputs withBoundaryChecklist(Ratio r) {
        return new FrictionInputs(r, edgeStops, mtls, response, downtimeCost, downtimeReference, falsePositives, reversals, authFriction);
    }

    public FrictionInputs withEdgeStops(Ratio r) {
        return new FrictionInputs(boundaryChecklist, r, mtls, response, downtimeCost, downtimeReference, falsePositives, reversals, authFriction);
    }

    public FrictionInputs withMtls(Ratio r) {
        return new FrictionInputs(boundaryChecklist, edgeStops, r, response, downtimeCost, downtimeReference, falsePositives, reversals, authFriction);
    }

    public FrictionInputs withResponse(ResponseTimes r) {
        return new FrictionInputs(boundaryChecklist, edgeStops, mtls, r, downtimeCost, downtimeReference, falsePositives, reversals, authFriction);
    }

    public FrictionInputs withDowntimeCost(BigDecimal cost, BigDecimal reference) {
        return new FrictionInputs(boundaryChecklist, edgeStops, mtls, response, cost, reference, falsePositives, reversals, authFriction);
    }

    public FrictionInputs withFalsePositives(Ratio r) {
        return new FrictionInputs(boundaryChecklist, edgeStops, mtls, response, downtimeCost, downtimeReference, r, reversals, authFriction);
    }

    public FrictionInputs withReversals(Ratio r) {
        return new FrictionInputs(boundaryChecklist, edgeStops, mtls, response, downtimeCost, downtimeReference, falsePositives, r, authFriction);
    }

    public FrictionInputs withAuthFriction(Ratio r) {
        return new FrictionInputs(boundaryChecklist, edgeStops, mtls, response, downtimeCost, downtimeReference, falsePositives, reversals, r);
    }

    static void requireCount(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    private static void requireNotNegative(String name, java.time.Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the " + name + " must not be negative, got " + d);
        }
    }
}
