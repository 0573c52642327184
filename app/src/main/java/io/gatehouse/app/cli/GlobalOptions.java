package io.gatehouse.app.cli;

import io.gatehouse.data.config.AppDirectories;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options that come before any subcommand and apply to all of them. */
public final class GlobalOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: ${XDG_DATA_HOME:-~/.local/share}/gatehouse).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: ${XDG_CONFIG_HOME:-~/.config}/gatehouse/config.yaml).")
    Path configFile;

    @Option(names = "--passphrase-fd", paramLabel = "N",
            description = "Read the secret store's passphrase from file descriptor N (default: ask on the terminal when a secret is needed).")
    Integer passphraseFd;

    public AppDirectories directories() {
        return directories(dataDir, configFile);
    }

    /** The machine's default directories with either one replaced when given (null keeps the default). */
    static AppDirectories directories(Path dataDir, Path configFile) {
        return AppDirectories.forThisMachine().withDataDirectory(dataDir).withConfigFile(configFile);
    }
}
