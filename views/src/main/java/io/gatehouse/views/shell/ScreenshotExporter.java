package io.gatehouse.views.shell;

import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.common.SandboxWatermark;
import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.settings.UserSettings;
import io.gatehouse.data.settings.WindowPlacement;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import io.gatehouse.views.dashboard.DashboardViewModel;
import io.gatehouse.views.dashboard.RegionRow;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Writes PNG pictures of the console: the main window and every area, in the light and the dark
 * theme. It opens its own throw-away window that saves no settings and leaves the health schedule
 * alone, and runs the views' background work inline so every picture shows finished content.
 */
public final class ScreenshotExporter {
    /** The window size of every picture. */
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private ScreenshotExporter() {
    }

    /**
     * Exports {@code main-light.png}, {@code main-dark.png}, {@code shortcuts-light.png},
     * {@code shortcuts-dark.png} and {@code <area>-light.png} / {@code <area>-dark.png} for every
     * area into {@code outDir}, in English. Starts JavaFX when needed; must not be called on the
     * JavaFX thread. Returns the files written.
     */
    public static List<Path> export(ShellContext context, Path outDir) {
        return export(context, outDir, "en");
    }

    /** The same pictures in another language, given as a tag such as {@code de}. */
    public static List<Path> export(ShellContext context, Path outDir, String languageTag) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("export waits for the JavaFX thread, so it cannot run on it");
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        FxRuntime.startIfNeeded();
        ShellContext inline = context.withBackground(Runnable::run);
        UserSettings settings = UserSettings.defaults()
                .withLanguage(languageTag)
                .withWindow(new WindowPlacement(null, null, WIDTH, HEIGHT, false))
                .withLastArea(Area.REVIEW_DESK.name());
        ShellWindow window = FxRuntime.call(() -> {
            Stage stage = new Stage();
            ShellWindow shell = new ShellWindow(inline, stage, settings, ShellWindow.Mode.SNAPSHOT);
            stage.show();
            return shell;
        });
        List<Path> written = new ArrayList<>();
        String watermark = context.sandboxActive() ? new I18n(Language.fromTag(languageTag)).get("sandbox.badge") : null;
        try {
            for (ThemeChoice theme : List.of(ThemeChoice.LIGHT, ThemeChoice.DARK)) {
                String suffix = "-" + theme.name().toLowerCase(Locale.ROOT) + ".png";
                FxRuntime.call(() -> {
                    window.settings().themeProperty().set(theme);
                    window.select(Area.REVIEW_DESK);
                    return null;
                });
                written.add(snapshot(window, outDir.resolve("main" + suffix), watermark));
                for (Area area : Area.values()) {
                    FxRuntime.call(() -> {
                        window.select(area);
                        return null;
                    });
                    written.add(snapshot(window, outDir.resolve(area.name().toLowerCase(Locale.ROOT).replace('_', '-') + suffix),
                            watermark));
                    if (area == Area.REGIONAL_DASHBOARDS && drillIntoRiskiestRegion(window)) {
                        written.add(snapshot(window, outDir.resolve("regional-dashboards-region" + suffix), watermark));
                        FxRuntime.call(() -> {
                            window.dashboards().back();
                            return null;
                        });
                    }
                }
                FxRuntime.call(() -> {
                    window.select(Area.AUDIT_LOG);
                    window.main().shortcutsShownProperty().set(true);
                    return null;
                });
                written.add(snapshot(window, outDir.resolve("shortcuts" + suffix), watermark));
                FxRuntime.call(() -> {
                    window.main().shortcutsShownProperty().set(false);
                    return null;
                });
            }
        } finally {
            FxRuntime.call(() -> {
                window.stage().hide();
                return null;
            });
        }
        return List.copyOf(written);
    }

    /** Opens the region with the most live alerts (then the highest risk) in detail; false when there is none. */
    private static boolean drillIntoRiskiestRegion(ShellWindow window) {
        return FxRuntime.call(() -> {
            DashboardViewModel dashboards = window.dashboards();
            if (dashboards == null) {
                return false;
            }
            Optional<RegionRow> riskiest = dashboards.dashboardProperty().get().rows().stream()
                    .max(Comparator.comparingInt((RegionRow r) -> r.indicators().size()).thenComparing(RegionRow::risk));
            riskiest.ifPresent(r -> dashboards.drillDown(r.region()));
            return riskiest.isPresent();
        });
    }

    private static Path snapshot(ShellWindow window, Path file, String watermark) {
        // One extra round trip lets updates posted by the previous step settle before the picture.
        FxRuntime.call(() -> null);
        BufferedImage image = FxRuntime.call(() -> {
            window.stage().getScene().getRoot().applyCss();
            window.stage().getScene().getRoot().layout();
            WritableImage fx = window.stage().getScene().snapshot(null);
            return SwingFXUtils.fromFXImage(fx, null);
        });
        if (watermark != null) {
            SandboxWatermark.apply(image, watermark);
        }
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
