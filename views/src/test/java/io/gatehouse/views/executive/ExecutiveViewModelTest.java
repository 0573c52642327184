package io.gatehouse.views.executive;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutiveViewModelTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-07-02T09:30:00Z");
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<Currency> asked = new ArrayList<>();

    private ExecutiveViewModel model() {
        ExecutiveSource source = currency -> {
            asked.add(currency);
            return ExecutiveFixtures.facts(currency == null ? "USD" : currency.getCurrencyCode(), true);
        };
        return new ExecutiveViewModel(source, tasks, errors::add, clock, () -> new I18n(Language.ENGLISH), ZoneOffset.UTC,
                new ReportExporter(new SafeFileWriter()));
    }

    @Test
    void navigationStaysWithinTheDeck() {
        ExecutiveViewModel vm = model();
        vm.refresh();

        assertThat(vm.slideCount()).isEqualTo(7);
        vm.previous();
        assertThat(vm.indexProperty().get()).isZero();
        vm.last();
        vm.next();
        assertThat(vm.indexProperty().get()).isEqualTo(6);
        vm.first();
        vm.next();
        assertThat(vm.indexProperty().get()).isEqualTo(1);
    }

    @Test
    void aNewCurrencyGathersAgainAndKeepsTheSlide() {
        ExecutiveViewModel vm = model();
        vm.refresh();
        vm.last();

        vm.currencyProperty().set(Currency.getInstance("KRW"));
        vm.refresh();

        assertThat(asked).containsExactly(null, Currency.getInstance("KRW"));
        assertThat(vm.indexProperty().get()).isEqualTo(6);
        assertThat(vm.deckProperty().get().slides().get(5).table().orElseThrow().rows().getFirst().get(1)).contains("₩");
    }

    @Test
    void thePresenterClockShowsTheTimeAndHowLongThePresentationRuns() {
        ExecutiveViewModel vm = model();
        vm.startPresenting();
        clock.advance(Duration.ofMinutes(12).plusSeconds(5));

        vm.tick();

        assertThat(vm.clockTextProperty().get()).isEqualTo("09:42 · presenting for 12:05");
    }

    @Test
    void cancellingAnExportWritesNothingAndSaysSo() throws Exception {
        ExecutiveViewModel vm = model();
        vm.refresh();
        vm.exportProgressProperty().addListener((obs, before, now) -> {
            if (now.doubleValue() > 0.2) {
                tasks.current.cancel();
            }
        });

        vm.exportPdf(tmp.resolve("report.pdf"));

        assertThat(vm.statusProperty().get()).isEqualTo("Export cancelled; nothing was written.");
        assertThat(vm.exportingProperty().get()).isFalse();
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void anExportReportsItsProgressAndWhereItWent() {
        ExecutiveViewModel vm = model();
        vm.refresh();

        vm.exportPdf(tmp.resolve("report.pdf"));

        assertThat(vm.exportProgressProperty().get()).isEqualTo(1.0);
        assertThat(vm.statusProperty().get()).isEqualTo("Report saved to " + tmp.resolve("report.pdf") + ".");
        assertThat(tmp.resolve("report.pdf")).exists();
    }
}
