package io.gatehouse.app;

/** Entry point; a plain class so JavaFX runs from the classpath without a module path. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
