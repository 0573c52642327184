package io.gatehouse.connectors.caseapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionRequest;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.review.mirror.CaseMirror;
import io.gatehouse.data.review.mirror.CaseSort;
import io.gatehouse.data.review.mirror.MirrorSync;
import io.gatehouse.data.review.mirror.SyncPass;
import io.gatehouse.data.store.LocalStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror filled and kept current from the real sandbox over HTTP on loopback. */
class MirrorOnSandboxTest {
    @TempDir
    Path tmp;

    @Test
    void theMirrorListsWhatTheSandboxListsAndPicksUpNewAndDecidedCases() {
        try (CaseApiSandbox sandbox = new CaseApiSandbox(); LocalStore store = LocalStore.open(tmp.resolve("data"))) {
            CaseApiClient client = sandbox.client();
            CaseMirror mirror = new CaseMirror(store);
            MirrorSync sync = new MirrorSync(mirror, store, client,
                    new CaseApiEvents(sandbox.upstream(2), sandbox.server.baseUrl(), ApiKey.none()), sandbox.wall, sandbox.server.baseUrl().toString());
            SyncPass first = sync.pollOnce();
            assertThat(first.relisted()).isTrue();
            assertThat(first.casesWritten()).isGreaterThan(50);
            CaseFilter review = CaseFilter.all().withStatus(CaseStatus.REVIEW).withLimit(200);
            List<ReviewCase> upstreamReview = client.list(review, null).cases();
            List<ReviewCase> mirrored = mirror.page(review, CaseSort.NEWEST, null).cases();
            // the sandbox lists in arrival order; the mirror sorts by the created instant itself
            assertThat(mirrored).containsExactlyInAnyOrderElementsOf(upstreamReview);
            assertThat(mirrored).isSortedAccordingTo((a, b) -> b.created().compareTo(a.created()));

            ReviewCase target = client.list(review, null).cases().getFirst();
            client.decide(target.id(), new DecisionRequest(DecisionAction.DECLINE, "card testing", "alice", List.of(),
                    null), "mirror-test-1");
            sandbox.wall.advance(Duration.ofMinutes(30));
            sandbox.server.tick();
            SyncPass next = sync.pollOnce();
            assertThat(next.relisted()).isFalse();
            assertThat(next.events()).isGreaterThan(1);
            assertThat(mirror.count(CaseFilter.all())).isEqualTo(countUpstream(client));
            assertThat(ids(mirror.page(review.withLimit(200), CaseSort.NEWEST, null).cases())).doesNotContain(target.id());
            assertThat(mirror.page(CaseFilter.all().withLimit(200), CaseSort.NEWEST, null).cases())
                    .filteredOn(c -> c.id().equals(target.id())).singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo(CaseStatus.DECIDED));
            SyncPass idle = sync.pollOnce();
            assertThat(idle.events()).isZero();
        }
    }

    private static long countUpstream(CaseApiClient client) {
        long n = 0;
        String cursor = null;
        do {
            var page = client.list(CaseFilter.all().withLimit(200), cursor);
            n += page.cases().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        return n;
    }

    private static List<String> ids(List<ReviewCase> cases) {
        return cases.stream().map(ReviewCase::id).toList();
    }
}
