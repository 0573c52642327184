package io.gatehouse.data.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the configuration file and the data directory live by default: the XDG base directories
 * on Linux, Application Support on macOS, APPDATA on Windows.
 */
public record AppDirectories(Path configFile, Path dataDirectory) {

    public static AppDirectories forThisMachine() {
        return of(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static AppDirectories of(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            Path base = home.resolve("Library/Application Support/Gatehouse");
            return new AppDirectories(base.resolve("config.yaml"), base.resolve("data"));
        }
        if (os.contains("win")) {
            Path base = env.containsKey("APPDATA") ? Path.of(env.get("APPDATA")) : home.resolve("AppData/Roaming");
            return new AppDirectories(base.resolve("Gatehouse/config.yaml"), base.resolve("Gatehouse/data"));
        }
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path data = xdg(env, "XDG_DATA_HOME", home.resolve(".local/share"));
        return new AppDirectories(config.resolve("gatehouse/config.yaml"), data.resolve("gatehouse"));
    }

    // The XDG spec says a relative value is invalid and must be ignored.
    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    public AppDirectories withConfigFile(Path file) {
        return file == null ? this : new AppDirectories(file, dataDirectory);
    }

    public AppDirectories withDataDirectory(Path dir) {
        return dir == null ? this : new AppDirectories(configFile, dir);
    }
}
