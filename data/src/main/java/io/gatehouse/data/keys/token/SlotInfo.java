package io.gatehouse.data.keys.token;

import java.util.Objects;
import java.util.Optional;

/**
 * A slot of a module: a reader or a virtual slot, with or without a token.
 *
 * @param slotId the module's id for the slot; it can change between runs, so never store it
 * @param description the slot description
 * @param manufacturer who made the slot
 * @param removable the token can be taken out
 * @param hardware the slot is a physical device
 * @param token the token in the slot; empty when there is none
 */
public record SlotInfo(long slotId, String description, String manufacturer, boolean removable, boolean hardware,
        Optional<TokenInfo> token) {
    public SlotInfo {
        description = Objects.requireNonNullElse(description, "");
        manufacturer = Objects.requireNonNullElse(manufacturer, "");
        Objects.requireNonNull(token, "token");
    }
}
