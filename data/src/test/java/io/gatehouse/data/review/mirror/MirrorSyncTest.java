package io.gatehouse.data.review.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorSyncTest {
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final ScriptedUpstream upstream = new ScriptedUpstream();
    private LocalStore store;
    private CaseMirror mirror;
    private MirrorSync sync;

    @BeforeEach
    void open() {
        for (int i = 0; i < 450; i++) {
            upstream.put(review(i), "case.created");
        }
        openStore();
    }

    private void openStore() {
        store = LocalStore.open(tmp.resolve("data"));
        mirror = new CaseMirror(store);
        sync = new MirrorSync(mirror, store, upstream, upstream, clock, "scripted");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFirstPassListsEverythingAndTakesTheStreamHeadAsItsCursor() {
        assertThat(mirror.synced()).isFalse();
        SyncPass pass = sync.pollOnce();
        assertThat(pass.relisted()).isTrue();
        assertThat(pass.casesWritten()).isEqualTo(450);
        assertThat(upstream.lists).isEqualTo(3);
        MirrorStatus status = mirror.status();
        assertThat(status.eventCursor()).isEqualTo(450L);
        assertThat(status.cases()).isEqualTo(450);
        assertThat(status.caughtUpAt()).isEqualTo(clock.instant());
    }

    @Test
    void laterPassesFollowTheEventsAndTheCursorSurvivesARestart() {
        sync.pollOnce();
        upstream.put(review(1000), "case.created");
        upstream.put(Cases.withStatus(upstream.cases.get("case_3"), CaseStatus.DECIDED), "case.decided");
        upstream.gets = 0;
        SyncPass pass = sync.pollOnce();
        assertThat(pass.relisted()).isFalse();
        assertThat(pass.events()).isEqualTo(2);
        assertThat(upstream.gets).isEqualTo(2);
        assertThat(mirror.count(CaseFilter.all())).isEqualTo(451);
        assertThat(mirror.count(CaseFilter.all().withStatus(CaseStatus.DECIDED))).isEqualTo(1);

        store.close();
        openStore();
        upstream.put(review(1001), "case.created");
        int listsBefore = upstream.lists;
        SyncPass resumed = sync.pollOnce();
        assertThat(resumed.relisted()).isFalse();
        assertThat(resumed.events()).isEqualTo(1);
        assertThat(upstream.lists).isEqualTo(listsBefore);
        assertThat(mirror.status().eventCursor()).isEqualTo(453L);
    }

    @Test
    void anExpiredCursorListsEverythingAgainAndDropsCasesTheUpstreamNoLongerHas() {
        sync.pollOnce();
        upstream.cases.remove("case_0"); // aged out upstream with no event, as a bounded store does
        for (int i = 0; i < 5; i++) {
            upstream.put(review(2000 + i), "case.created");
        }
        upstream.oldestKept = upstream.events.size(); // everything the mirror has not read is gone
        SyncPass pass = sync.pollOnce();
        assertThat(pass.relisted()).isTrue();
        assertThat(pass.casesRemoved()).isEqualTo(1);
        assertThat(mirror.status().cases()).isEqualTo(454);
        assertThat(mirror.status().generation()).isEqualTo(2);
        assertThat(mirror.status().eventCursor()).isEqualTo((long) upstream.events.size());
        assertThat(mirror.ids(CaseFilter.all(), null, 1000).caseIds()).doesNotContain("case_0").contains("case_2004");
    }

    @Test
    void replayedAndDuplicatedEventsLeaveTheSameMirror() {
        sync.pollOnce();
        ReviewCase changed = Cases.withStatus(upstream.cases.get("case_7"), CaseStatus.AUTO_DECLINED);
        upstream.put(changed, "case.updated");
        upstream.put(changed, "case.updated");
        upstream.repeatPages = true;
        sync.pollOnce();
        sync.pollOnce();
        List<String> once = snapshot();
        // replay the whole stream from the start: every case is rewritten with what it is now
        store.write(c -> {
            mirror.saveStateIn(c, 0L, 1, clock.instant());
            return null;
        });
        upstream.repeatPages = false;
        while (mirror.status().eventCursor() < upstream.events.size()) {
            sync.pollOnce();
        }
        assertThat(snapshot()).isEqualTo(once);
        assertThat(mirror.count(CaseFilter.all().withStatus(CaseStatus.AUTO_DECLINED))).isEqualTo(1);
    }

    @Test
    void aMirrorOfAnotherUpstreamIsSetAsideAndListedAfresh() {
        sync.pollOnce();
        ScriptedUpstream other = new ScriptedUpstream();
        other.put(review(9000), "case.created");
        MirrorSync elsewhere = new MirrorSync(mirror, store, other, other, clock, "another");
        SyncPass pass = elsewhere.pollOnce();
        assertThat(pass.relisted()).isTrue();
        assertThat(pass.casesRemoved()).isEqualTo(450);
        assertThat(mirror.status().upstream()).isEqualTo("another");
        assertThat(mirror.status().eventCursor()).isEqualTo(1L);
        assertThat(mirror.ids(CaseFilter.all(), null, 1000).caseIds()).containsExactly("case_9000");
    }

    @Test
    void aCaseGoneUpstreamIsRemovedWhenItsEventIsRead() {
        sync.pollOnce();
        upstream.remove("case_9");
        SyncPass pass = sync.pollOnce();
        assertThat(pass.casesRemoved()).isEqualTo(1);
        assertThat(mirror.ids(CaseFilter.all(), null, 1000).caseIds()).doesNotContain("case_9");
    }

    @Test
    void theScheduleOutlivesAFailedPassAndResumesFromTheSavedCursor() throws InterruptedException {
        upstream.failingRead = 2;
        upstream.changeAtRead = 3;
        upstream.change = () -> upstream.put(review(3000), "case.created");
        CountDownLatch twoChanges = new CountDownLatch(2);
        List<SyncPass> seen = new CopyOnWriteArrayList<>();
        sync.addListener(p -> {
            seen.add(p);
            twoChanges.countDown();
        });
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            sync.start(scheduler, Duration.ofMillis(5));
            assertThat(twoChanges.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            sync.close();
            scheduler.shutdownNow();
        }
        assertThat(seen.get(0).relisted()).isTrue();
        assertThat(seen.get(1).relisted()).isFalse();
        assertThat(seen.get(1).events()).isEqualTo(1);
        assertThat(mirror.ids(CaseFilter.all().withLimit(1), null, 1000).caseIds()).contains("case_3000");
    }

    private List<String> snapshot() {
        List<String> out = new ArrayList<>();
        String cursor = null;
        do {
            var page = mirror.page(CaseFilter.all().withLimit(200), CaseSort.NEWEST, cursor);
            page.cases().forEach(c -> out.add(c.id() + " " + c.status()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    private static ReviewCase review(int i) {
        return Cases.of("case_" + i, CaseStatus.REVIEW, T0.plusSeconds(i), "eu", "card", new Money(100L + i, "EUR"),
                70, List.of("risk_score_elevated"), null);
    }
}
