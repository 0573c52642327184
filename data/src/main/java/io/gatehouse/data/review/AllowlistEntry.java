package io.gatehouse.data.review;

import java.util.Objects;

/** A value to trust from now on: {@code customer}, {@code card_fingerprint}, {@code email} or {@code device}. */
public record AllowlistEntry(String type, String value) {
    public AllowlistEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
