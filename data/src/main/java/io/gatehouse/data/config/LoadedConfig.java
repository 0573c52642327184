package io.gatehouse.data.config;

import java.util.Objects;

/**
 * A configuration with the digest of what it was loaded from ({@link ConfigInput}); the digest is null when the build
 * carries no stamp.
 */
public record LoadedConfig(GatehouseConfig config, String inputDigest) {
    public LoadedConfig {
        Objects.requireNonNull(config, "config");
    }
}
