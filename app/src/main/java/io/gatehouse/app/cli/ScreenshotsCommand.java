package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.ConsoleRuntime;
import io.gatehouse.views.shell.ScreenshotExporter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse screenshots}: PNGs of the main window and every area, in both themes, headless. */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = "Export PNG snapshots of the main window and each area, light and dark, without a display.")
public final class ScreenshotsCommand implements Callable<Integer> {
    @ParentCommand
    GatehouseCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the PNG files.")
    Path out;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "TAG", description = "Language: en or de (default ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--wait-for-alert", defaultValue = "0", paramLabel = "SECONDS",
            description = "Wait up to this long for the anomaly detector's first live alert before taking the pictures"
                    + " (with a sandbox scenario, to show an attack); 0 does not wait.")
    int waitForAlertSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (!language.equals("en") && !language.equals("de")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lang must be en or de");
        }
        try (ConsoleRuntime runtime = ConsoleRuntime.open(parent.global().directories(), InstantSource.system())) {
            // the pictures show the connections as they are, not "not checked yet"
            runtime.health().checkNow();
            // and the dashboards with rates: those need at least two readings of the sandbox's metrics
            runtime.primeTelemetry(Duration.ofSeconds(2), 6);
            if (waitForAlertSeconds > 0 && !runtime.awaitLiveAlert(Duration.ofSeconds(waitForAlertSeconds))) {
                spec.commandLine().getErr().println("No live alert within " + waitForAlertSeconds
                        + " s; the pictures show the console without one.");
            }
            List<Path> files = ScreenshotExporter.export(runtime.shellContext(), out, language);
            files.forEach(file -> spec.commandLine().getOut().println(file));
        }
        return ExitCode.OK;
    }
}
