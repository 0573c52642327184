package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.mirror.CaseSort;
import io.gatehouse.data.review.mirror.MirrorStatus;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's desk on the sandbox fills its case mirror in the background and then sorts from it. */
class SandboxMirrorWiringTest {
    @TempDir
    Path tmp;

    @Test
    void theConsoleDeskOnTheSandboxListsFromItsMirrorOnceFilled() throws Exception {
        InstantSource clock = InstantSource.system();
        try (Composition composition = Composition.open(new AppDirectories(tmp.resolve("absent.yaml"),
                tmp.resolve("data")), clock);
                SandboxRuntime sandbox = SandboxRuntime.start(composition.config().activeProfile().sandbox(), clock);
                ReviewWiring review = ReviewWiring.open(composition, sandbox, clock)) {
            CountDownLatch filled = new CountDownLatch(1);
            review.mirrorSync().orElseThrow().addListener(pass -> filled.countDown());
            if (!review.desk().mirrorStatus().orElseThrow().synced()) {
                assertThat(filled.await(60, TimeUnit.SECONDS)).as("the first listing finished").isTrue();
            }
            MirrorStatus status = review.desk().mirrorStatus().orElseThrow();
            assertThat(status.synced()).isTrue();
            assertThat(status.upstream()).isEqualTo(sandbox.baseUrl().toString());
            // the sandbox keeps flagging orders while this runs, so the copy only grows
            long counted = review.desk().count(CaseFilter.all());
            var page = review.desk().list(CaseFilter.all(), CaseSort.RISK, null).cases();
            assertThat(page.size()).isBetween((int) Math.min(50, counted), 50);
            assertThat(page).isSortedAccordingTo((a, b) -> Integer.compare(b.risk().score(), a.risk().score()));
        }
    }
}
