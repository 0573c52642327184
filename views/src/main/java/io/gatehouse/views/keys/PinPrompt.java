package io.gatehouse.views.keys;

import io.gatehouse.data.keys.token.PinSource;

/**
 * A {@link PinSource} that can also be told the token refused the PIN it gave, so the next
 * request says so before asking again.
 */
public interface PinPrompt extends PinSource {
    /** The token refused the last PIN; {@code sentence} says why, for the next request to show. */
    void rejected(String sentence);
}
