package io.gatehouse.data.friction;

import java.util.OptionalDouble;

/**
 * A part of a whole, as counted (checklist items, requests, connections). Telemetry counts arrive
 * as doubles (rates times a window), so they are doubles here, and checked: a NaN, an infinity, a
 * negative count or a part larger than its whole is refused, never scored.
 *
 * @param part  what was covered, stopped or affected
 * @param whole what could have been
 */
public record Ratio(double part, double whole) {
    public Ratio {
        FrictionInputs.requireCount("part", part);
        FrictionInputs.requireCount("whole", whole);
        if (part > whole) {
            throw new IllegalArgumentException("a part (" + part + ") cannot exceed its whole (" + whole + ")");
        }
    }

    /** Nothing counted: the ratio is undefined, not zero. */
    public static Ratio none() {
        return new Ratio(0, 0);
    }

    public static Ratio of(double part, double whole) {
        return new Ratio(part, whole);
    }

    /** part / whole, or empty when the whole is zero (zero traffic, nothing evaluated). */
    public OptionalDouble value() {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of(part / whole);
    }
}
