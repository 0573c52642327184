package io.gatehouse.views.connections;

import java.util.List;

/**
 * What the Connections area says after an action: a bundle key with its arguments, marked as a
 * problem or not. The loader's refusal and the token layer's sentences arrive as arguments.
 */
public record ConnectionNotice(boolean problem, String key, List<Object> args) {
    public ConnectionNotice {
        args = List.copyOf(args);
    }

    static ConnectionNotice ok(String key, Object... args) {
        return new ConnectionNotice(false, key, List.of(args));
    }

    static ConnectionNotice problem(String key, Object... args) {
        return new ConnectionNotice(true, key, List.of(args));
    }
}
