package io.gatehouse.app.cli;

import io.gatehouse.data.config.AppDirectories;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises the plain console start ({@code gatehouse}, optionally with {@code --config FILE} and
 * {@code --data-dir DIR}) without building the command-line model. Building it reflects every
 * subcommand, and picocli's classes are too old a class-file version for the JVM's start-up cache,
 * so it costs about 0.4 s of a cold start that only needs two paths. Anything else, including a
 * repeated or odd-looking option, returns empty and goes through picocli as before, which then
 * gives the usual answers and errors.
 */
public final class ConsoleArguments {
    private ConsoleArguments() {
    }

    /** The directories a plain console start names, or empty when {@code args} need the full command line. */
    public static Optional<AppDirectories> directories(String[] args) {
        Path config = null;
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg;
                if (i + 1 >= args.length) {
                    return Optional.empty();
                }
                value = args[++i];
            }
            // an empty value, one picocli might read as an option, or an @argument file: let picocli decide
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                return Optional.empty();
            }
            Path path;
            try {
                path = Path.of(value);
            } catch (java.nio.file.InvalidPathException e) {
                return Optional.empty();
            }
            switch (name) {
                case "--config" -> {
                    if (config != null) {
                        return Optional.empty();
                    }
                    config = path;
                }
                case "--data-dir" -> {
                    if (data != null) {
                        return Optional.empty();
                    }
                    data = path;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(GlobalOptions.directories(data, config));
    }
}
