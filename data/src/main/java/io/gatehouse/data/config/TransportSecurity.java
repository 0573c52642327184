package io.gatehouse.data.config;

import java.util.List;

/**
 * How a connection tightens TLS beyond the system trust store: an extra CA bundle (a PEM file,
 * relative paths taken from the configuration file's folder), SPKI SHA-256 pins (base64, with or
 * without the {@code sha256/} prefix) and a client certificate for mutual TLS.
 */
public record TransportSecurity(String caBundle, List<String> pins, ClientCertificate clientCertificate) {
    public TransportSecurity {
        pins = pins == null ? List.of() : List.copyOf(pins);
    }

    /** The system trust store, nothing more. */
    public static TransportSecurity none() {
        return new TransportSecurity(null, List.of(), null);
    }

    /** The pins without their optional {@code sha256/} prefix, as the pinning code expects them. */
    public List<String> bareKeyPins() {
        return pins.stream().map(p -> p.startsWith("sha256/") ? p.substring("sha256/".length()) : p).toList();
    }

    /** A path from the configuration, relative ones taken from the configuration file's folder. */
    public static java.nio.file.Path resolve(java.nio.file.Path configFile, String path) {
        java.nio.file.Path given = java.nio.file.Path.of(path);
        java.nio.file.Path folder = configFile == null ? null : configFile.toAbsolutePath().getParent();
        return given.isAbsolute() || folder == null ? given : folder.resolve(given).normalize();
    }

    public boolean isEmpty() {
        return caBundle == null && pins.isEmpty() && clientCertificate == null;
    }
}
