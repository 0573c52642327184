package io.gatehouse.connectors.pkcs11;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds PKCS#11 modules installed in the usual places: SoftHSM2, OpenSC (PIV cards, YubiKeys
 * through PIV), YubiKey's ykcs11 and the p11-kit proxy. It only looks for files; it loads nothing.
 */
public final class ModuleDetector {
    private static final List<String> LIBRARY_DIRECTORIES = List.of(
            "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib",
            "/opt/homebrew/lib", "/usr/local/opt/softhsm/lib");
    private static final List<String> NAMES = List.of(
            "softhsm/libsofthsm2.so", "libsofthsm2.so", "pkcs11/libsofthsm2.so", "softhsm/libsofthsm2.dylib",
            "opensc-pkcs11.so", "pkcs11/opensc-pkcs11.so", "opensc-pkcs11.dylib",
            "libykcs11.so", "libykcs11.so.2", "pkcs11/libykcs11.so", "libykcs11.dylib",
            "p11-kit-proxy.so", "pkcs11/p11-kit-client.so", "p11-kit-proxy.dylib");

    private final List<Path> directories;

    /** Looks in the usual library directories of Linux and macOS. */
    public ModuleDetector() {
        this(LIBRARY_DIRECTORIES.stream().map(Path::of).toList());
    }

    /** Looks in these directories instead, for tests. */
    public ModuleDetector(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    /** The module files that exist, each once (symbolic links resolved), in a stable order. */
    public List<Path> detect() {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> found = new ArrayList<>();
        for (Path directory : directories) {
            for (String name : NAMES) {
                Path candidate = directory.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isReadable(candidate)) {
                    try {
                        if (seen.add(candidate.toRealPath())) {
                            found.add(candidate);
                        }
                    } catch (java.io.IOException e) {
                        // vanished between the two checks: not there
                    }
                }
            }
        }
        return List.copyOf(found);
    }
}
