package io.gatehouse.data.keys.token;

import java.util.Objects;

/**
 * A loaded token module (a PKCS#11 library).
 *
 * @param path the library file
 * @param manufacturer who made the library
 * @param description the library's own description
 * @param libraryVersion the library version, such as {@code 2.6}
 * @param interfaceVersion the version of the token interface the library implements, such as {@code 2.40}
 */
public record ModuleInfo(String path, String manufacturer, String description, String libraryVersion,
        String interfaceVersion) {
    public ModuleInfo {
        Objects.requireNonNull(path, "path");
        manufacturer = Objects.requireNonNullElse(manufacturer, "");
        description = Objects.requireNonNullElse(description, "");
        libraryVersion = Objects.requireNonNullElse(libraryVersion, "");
        interfaceVersion = Objects.requireNonNullElse(interfaceVersion, "");
    }
}
