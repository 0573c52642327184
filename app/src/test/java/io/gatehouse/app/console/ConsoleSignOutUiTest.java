package io.gatehouse.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.app.wiring.Composition;
import io.gatehouse.app.wiring.ConsoleRuntime;
import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.views.shell.StartupWindow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Sign-out in the real console: the runtime (store, sandbox, connections) closes, the same window offers the
 * sign-in step, and signing in opens a fresh runtime into that window; the audit log shows both events.
 */
class ConsoleSignOutUiTest extends FxRobot {
    @TempDir
    Path tmp;

    private final List<ConsoleRuntime> runtimes = new CopyOnWriteArrayList<>();
    private StartupWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (window != null) {
            interact(() -> window.owner().hide());
        }
        runtimes.forEach(ConsoleRuntime::close);
    }

    private Stage stage() {
        return (Stage) window.owner();
    }

    @Test
    void signOutClosesTheRuntimeAndSigningInAgainOpensAFreshOneInTheSameWindow() throws Exception {
        AppDirectories dirs = new AppDirectories(tmp.resolve("absent-config.yaml"), tmp.resolve("data"));
        ConsoleRuntime first = ConsoleRuntime.open(dirs, InstantSource.system());
        URI firstSandbox = first.sandbox().baseUrl();
        window = StartupWindow.show();
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> ConsoleBoot.serve(window, first, null,
                last -> {
                    ConsoleRuntime next = ConsoleRuntime.open(dirs, InstantSource.system());
                    runtimes.add(next);
                    return next;
                }));
        String me = System.getProperty("user.name");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage().getTitle().contains(me));

        push(KeyCode.CONTROL, KeyCode.L);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> stage().getScene().lookup("#signOutButton") != null);
        clickOn("#signOutButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage().getScene().lookup("#signInButton") != null);
        assertThat(stage().isShowing()).isTrue();
        assertThat(served).isNotDone();
        // the first runtime is closed: its sandbox no longer answers
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !answers(firstSandbox));
        assertThat(runtimes).isEmpty();

        clickOn("#signInButton");
        try {
            WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> runtimes.size() == 1 && stage().getTitle().contains(me));
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(stage().getTitle()).as("opened " + runtimes.size() + ", served " + served).contains(me);
        }
        ConsoleRuntime second = runtimes.getFirst();
        assertThat(second.sandbox().baseUrl()).isNotEqualTo(firstSandbox);
        List<String> auth = second.composition().auditLog().find(AuditQuery.latest(200)).reversed().stream()
                .map(AuditEntry::action).filter(a -> a.startsWith("operator.")).toList();
        assertThat(auth).containsSubsequence("operator.signin", "operator.lock", "operator.signout", "operator.signin");
        assertThat(auth.getLast()).isEqualTo("operator.signin");
        assertThat(Window.getWindows()).as("one console window, no second one").filteredOn(Window::isShowing).hasSize(1);

        interact(() -> stage().hide());
        assertThat(served.get(20, TimeUnit.SECONDS)).isEqualTo(ExitCode.OK);
        runtimes.clear();
        window = null;
        // the last runtime let go of the data directory when the window closed
        try (Composition again = Composition.open(dirs, InstantSource.system())) {
            assertThat(again.auditLog().find(AuditQuery.latest(1))).isNotEmpty();
        }
    }

    private static boolean answers(URI base) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(base.resolve("/healthz")).timeout(java.time.Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() > 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
