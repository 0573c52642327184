package io.gatehouse.data.keys.token;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A token in a slot. Its label is how Gatehouse selects it, because slot ids move.
 *
 * @param label the token label, trailing blanks removed
 * @param manufacturer who made the token (or the software that emulates one)
 * @param model the token model
 * @param serial the token serial number
 * @param flags the token's state
 * @param mechanisms the names of the mechanisms the token supports, such as {@code CKM_ECDSA}
 */
public record TokenInfo(String label, String manufacturer, String model, String serial, Set<TokenFlag> flags,
        List<String> mechanisms) {
    public TokenInfo {
        Objects.requireNonNull(label, "label");
        manufacturer = Objects.requireNonNullElse(manufacturer, "");
        model = Objects.requireNonNullElse(model, "");
        serial = Objects.requireNonNullElse(serial, "");
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        mechanisms = mechanisms == null ? List.of() : List.copyOf(mechanisms);
    }

    public boolean initialized() {
        return flags.contains(TokenFlag.INITIALIZED);
    }
}
