package io.gatehouse.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.views.testing.RecordingDialogService;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private I18n i18n = new I18n(Language.ENGLISH);
    private final ErrorReporter reporter = new ErrorReporter(dialogs, () -> i18n, Runnable::run);

    @Test
    void aKnownFailureSaysWhatHappenedAndWhatToDoWithTheDetailKept() {
        reporter.report(new GatehouseException(FailureKind.LOCAL_STORE, "store.mv.db is locked by another process"));

        assertThat(dialogs.shown).singleElement().satisfies(message -> {
            assertThat(message.severity()).isEqualTo(Severity.ERROR);
            assertThat(message.title()).isEqualTo("The local store failed");
            assertThat(message.whatToDo()).contains("data directory");
            assertThat(message.technicalDetail()).contains("store.mv.db is locked");
        });
    }

    @Test
    void theMessageIsInTheOperatorsLanguage() {
        i18n = new I18n(Language.GERMAN);
        reporter.report(new IllegalStateException("boom"));

        assertThat(dialogs.shown.getFirst().title()).isEqualTo("Etwas ist schiefgegangen");
    }

    @Test
    void theSameFailureIsReportedOnceEvenWhenWrapped() {
        GatehouseException failure = new GatehouseException(FailureKind.UPSTREAM, "timeout");
        reporter.report(failure);
        reporter.report(new CompletionException(failure));

        assertThat(dialogs.shown).hasSize(1);
        assertThat(dialogs.shown.getFirst().severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aWrappedKnownFailureIsFoundInsideItsWrapper() {
        reporter.report(new RuntimeException("wrapper", new GatehouseException(FailureKind.PERMISSION, "nope")));

        assertThat(dialogs.shown.getFirst().title()).isEqualTo("Not allowed");
    }

    @Test
    void cancellationIsNotAnError() {
        reporter.report(new CancellationException());

        assertThat(dialogs.shown).isEmpty();
    }
}
