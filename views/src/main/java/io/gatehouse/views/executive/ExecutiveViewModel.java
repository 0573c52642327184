package io.gatehouse.views.executive;

import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.JobHandle;
import io.gatehouse.views.common.TaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The executive view: the deck built from the gathered facts, which slide is shown, the
 * presenter clock, and exports with progress and cancel. Touches no control; the UI thread only.
 */
public final class ExecutiveViewModel {
    /** The currencies offered for reporting; all have reference rates. */
    public static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "INR", "KRW", "JPY", "BRL");

    private final ExecutiveSource source;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> onError;
    private final InstantSource clock;
    private final Supplier<I18n> i18n;
    private final ZoneId zone;
    private final ReportExporter exporter;

    private final ObjectProperty<Deck> deck = new SimpleObjectProperty<>();
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final ObjectProperty<Currency> currency = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty exporting = new SimpleBooleanProperty(false);
    private final DoubleProperty exportProgress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty clockText = new SimpleStringProperty("");
    private JobHandle export;
    private boolean cancelRequested;
    private Instant presentingSince;

    public ExecutiveViewModel(ExecutiveSource source, TaskExecutor tasks, Consumer<Throwable> onError, InstantSource clock,
            Supplier<I18n> i18n, ZoneId zone, ReportExporter exporter) {
        this.source = source;
        this.tasks = tasks;
        this.onError = onError;
        this.clock = clock;
        this.i18n = i18n;
        this.zone = zone;
        this.exporter = exporter;
    }

    public ObjectProperty<Deck> deckProperty() {
        return deck;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public ObjectProperty<Currency> currencyProperty() {
        return currency;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty exportingProperty() {
        return exporting;
    }

    public DoubleProperty exportProgressProperty() {
        return exportProgress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty clockTextProperty() {
        return clockText;
    }

    /** Gathers the facts again in the chosen currency and rebuilds the deck, keeping the slide shown. */
    public void refresh() {
        loading.set(true);
        status.set(i18n.get().get("exec.status.loading"));
        Currency chosen = currency.get();
        I18n language = i18n.get();
        tasks.run(handle -> new DeckBuilder(language, zone).build(source.gather(chosen)), built -> {
            loading.set(false);
            deck.set(built);
            index.set(Math.min(index.get(), built.slides().size() - 1));
            status.set("");
        }, failure -> {
            loading.set(false);
            status.set(i18n.get().get("exec.status.failed"));
            onError.accept(failure);
        });
    }

    public int slideCount() {
        return deck.get() == null ? 0 : deck.get().slides().size();
    }

    public void next() {
        go(index.get() + 1);
    }

    public void previous() {
        go(index.get() - 1);
    }

    public void first() {
        go(0);
    }

    public void last() {
        go(slideCount() - 1);
    }

    private void go(int target) {
        if (slideCount() > 0) {
            index.set(Math.clamp(target, 0, slideCount() - 1));
        }
    }

    /** Starts the presenter clock at zero. */
    public void startPresenting() {
        presentingSince = clock.instant();
        tick();
    }

    /** Updates the presenter clock: the time of day and how long the presentation has run. */
    public void tick() {
        Instant now = clock.instant();
        Duration elapsed = presentingSince == null ? Duration.ZERO : Duration.between(presentingSince, now);
        String time = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(now);
        clockText.set(i18n.get().get("exec.clock", time,
                String.format(java.util.Locale.ROOT, "%d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart())));
    }

    /** Exports the deck shown as a PDF report. */
    public void exportPdf(Path target) {
        Deck shown = deck.get();
        if (shown == null || exporting.get()) {
            return;
        }
        double steps = ReportExporter.pdfSteps(shown);
        run(handle -> exporter.pdf(shown, target, handle::cancelled, n -> tasks.onUi(() -> exportProgress.set(n / steps))),
                "exec.status.pdfDone", target);
    }

    /** Exports one PNG per slide into {@code directory}, in the theme given. */
    public void exportPngs(Path directory, boolean dark) {
        Deck shown = deck.get();
        if (shown == null || exporting.get()) {
            return;
        }
        double steps = shown.slides().size();
        run(handle -> {
            exporter.pngs(shown, directory, dark, handle::cancelled, n -> tasks.onUi(() -> exportProgress.set(n / steps)));
            return directory;
        }, "exec.status.pngDone", directory);
    }

    private void run(io.gatehouse.views.common.BackgroundJob<Path> job, String doneKey, Path where) {
        exporting.set(true);
        cancelRequested = false;
        exportProgress.set(0);
        status.set(i18n.get().get("exec.status.exporting"));
        export = tasks.run(job, done -> {
            exporting.set(false);
            status.set(i18n.get().get(doneKey, where.toString()));
        }, failure -> {
            exporting.set(false);
            // a cancel interrupts the job, which may then fail in whatever it was waiting on: still a cancel
            if (failure instanceof CancellationException || cancelRequested) {
                status.set(i18n.get().get("exec.status.cancelled"));
            } else {
                status.set(i18n.get().get("exec.status.exportFailed"));
                onError.accept(failure);
            }
        });
    }

    /** Where the ROI table is edited, when the source allows it. */
    public java.util.Optional<io.gatehouse.data.roi.RoiBook> roiBook() {
        return source.roiBook();
    }

    public void cancelExport() {
        if (export != null && exporting.get()) {
            cancelRequested = true;
            export.cancel();
        }
    }
}
