package io.gatehouse.views.keys;

import java.util.Objects;

/**
 * The token the area works on: a PKCS#11 module and the label of a token in it. Labels, not slot
 * ids, name tokens, because slot ids move when tokens are added or re-initialized.
 */
public record TokenRef(String module, String label) {
    public TokenRef {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(label, "label");
    }
}
