package io.gatehouse.app.cli;

import picocli.CommandLine;

/** Test-only entry point: runs the sandbox command alone in a child JVM. */
public final class SandboxCommandMain {
    private SandboxCommandMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SandboxCommand()).execute(args));
    }
}
