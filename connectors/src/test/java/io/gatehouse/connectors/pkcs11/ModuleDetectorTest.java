package io.gatehouse.connectors.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleDetectorTest {
    @TempDir
    Path tmp;

    @Test
    void findsKnownModulesOnceEachAndIgnoresOtherFiles() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.createDirectories(lib.resolve("softhsm"));
        Path softhsm = Files.writeString(lib.resolve("softhsm/libsofthsm2.so"), "");
        Files.createSymbolicLink(lib.resolve("libsofthsm2.so"), softhsm);
        Path opensc = Files.writeString(lib.resolve("opensc-pkcs11.so"), "");
        Files.writeString(lib.resolve("libz.so.1"), "");
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertThat(new ModuleDetector(List.of(empty, lib, tmp.resolve("absent"))).detect())
                .containsExactly(softhsm, opensc);
    }

    @Test
    void findsSoftHsmOnThisMachine() throws Exception {
        List<Path> found = new java.util.ArrayList<>();
        for (Path p : new ModuleDetector().detect()) {
            found.add(p.toRealPath());
        }
        assertThat(found).contains(SoftHsm.MODULE.toRealPath());
    }
}
