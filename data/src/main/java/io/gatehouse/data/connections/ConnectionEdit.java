package io.gatehouse.data.connections;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * New settings for a connection, entered in the Connections area.
 *
 * @param url      the new URL
 * @param caBundle the path of an extra CA bundle, or null for the system trust store only
 * @param pins     SPKI SHA-256 pins; empty for none
 */
public record ConnectionEdit(URI url, String caBundle, List<String> pins) {
    public ConnectionEdit {
        Objects.requireNonNull(url, "url");
        caBundle = caBundle == null || caBundle.isBlank() ? null : caBundle.strip();
        pins = pins == null ? List.of() : pins.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
