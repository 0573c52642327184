package io.gatehouse.app.console;

import java.util.List;
import java.util.Optional;

/**
 * Checks that the Java runtime has the modules Gatehouse loads by name or as services, which a
 * trimmed runtime image could lack without failing until first use.
 */
final class RuntimeCheck {
    // jdk.crypto.ec is not here: since JDK 22 its code lives in java.base and the module is empty.
    static final List<String> REQUIRED = List.of("java.sql", "jdk.crypto.cryptoki", "jdk.httpserver",
            "jdk.unsupported", "java.naming");

    private RuntimeCheck() {
    }

    static Optional<String> missingModule() {
        return REQUIRED.stream().filter(name -> ModuleLayer.boot().findModule(name).isEmpty()).findFirst();
    }
}
