package io.gatehouse.data.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * One automatic check's result: a score from 0 (nothing holds) to 1 (everything holds), what was
 * found in words, and where it was measured, so a reader can trace every automatic answer.
 *
 * @param check   the check's id, such as {@code keys.cryptoperiod}
 * @param score   the share of the criterion that holds, 0..1
 * @param finding what was measured, in one sentence
 * @param source  where it came from, such as "Key custody (local store)"
 * @param at      when it was measured
 */
public record Measurement(String check, double score, String finding, String source, Instant at) {
    public Measurement {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a measurement's score is between 0 and 1: " + score);
        }
    }

    /** A pass/fail check passes only when everything measured holds. */
    public boolean passed() {
        return score >= 1.0;
    }
}
