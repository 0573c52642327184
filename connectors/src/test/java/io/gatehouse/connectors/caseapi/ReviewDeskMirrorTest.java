package io.gatehouse.connectors.caseapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionOutbox;
import io.gatehouse.data.review.OutboxSender;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.review.ReviewDesk;
import io.gatehouse.data.review.ReviewRules;
import io.gatehouse.data.review.mirror.CaseMirror;
import io.gatehouse.data.review.mirror.CaseSort;
import io.gatehouse.data.review.mirror.MirrorIds;
import io.gatehouse.data.review.mirror.MirrorSync;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk reads the upstream until its mirror is filled, then pages, counts and selects from the mirror. */
class ReviewDeskMirrorTest {
    @TempDir
    Path tmp;

    @Test
    void theDeskListsUpstreamUntilTheMirrorIsFilledThenFromIt() {
        ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (CaseApiSandbox sandbox = new CaseApiSandbox(); LocalStore store = LocalStore.open(tmp.resolve("data"))) {
            CaseApiClient client = sandbox.client();
            DecisionOutbox outbox = new DecisionOutbox(store, clock);
            OutboxSender sender = new OutboxSender(outbox, sandbox.delivery(), clock,
                    RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler);
            LocalOperatorSession session = new LocalOperatorSession(TestOperators.operator("alice", Role.ANALYST), clock,
                    candidate -> Arrays.equals(candidate, TestOperators.PASSPHRASE));
            CaseMirror mirror = new CaseMirror(store);
            ReviewDesk desk = new ReviewDesk(client, store, new AuditLog(store, session, clock), outbox, sender, session,
                    clock, ReviewRules.defaults(), mirror);
            CaseFilter review = CaseFilter.all().withStatus(CaseStatus.REVIEW).withLimit(10);

            CasePage upstreamPage = desk.list(review, null);
            assertThat(upstreamPage.nextCursor()).doesNotStartWith("m1.");
            assertThatThrownBy(() -> desk.list(review, CaseSort.AMOUNT, null)).isInstanceOf(GatehouseException.class)
                    .hasMessageContaining("still being filled");
            assertThatThrownBy(() -> desk.count(review)).hasMessageContaining("still being filled");
            assertThat(desk.mirrorStatus()).hasValueSatisfying(s -> assertThat(s.synced()).isFalse());

            new MirrorSync(mirror, store, client, new CaseApiEvents(sandbox.upstream(2), sandbox.server.baseUrl(),
                    ApiKey.none()), clock, sandbox.server.baseUrl().toString()).pollOnce();

            // a cursor the upstream made still pages the upstream, so an open list keeps working
            assertThat(desk.list(review, upstreamPage.nextCursor()).cases()).isNotEmpty();
            CasePage mirrored = desk.list(review, null);
            assertThat(mirrored.nextCursor()).startsWith("m1.newest.");
            long reviewCount = desk.count(review);
            List<String> all = new ArrayList<>();
            String cursor = null;
            do {
                CasePage page = desk.list(review, CaseSort.AMOUNT, cursor);
                page.cases().forEach(c -> all.add(c.id()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(all).hasSize((int) reviewCount).doesNotHaveDuplicates();
            List<String> ids = new ArrayList<>();
            String idCursor = null;
            do {
                MirrorIds chunk = desk.caseIds(review, idCursor, 25);
                ids.addAll(chunk.caseIds());
                idCursor = chunk.nextCursor();
            } while (idCursor != null);
            assertThat(ids).containsExactlyInAnyOrderElementsOf(all);
            assertThat(desk.find(mirrored.cases().getFirst().id())).extracting(ReviewCase::id)
                    .isEqualTo(mirrored.cases().getFirst().id());
            sender.close();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
