package io.gatehouse.connectors.caseapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.review.ApprovalRequest;
import io.gatehouse.data.review.ApprovalStatus;
import io.gatehouse.data.review.CaseClaim;
import io.gatehouse.data.review.CaseClaimedException;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.FraudQueueException;
import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.data.review.ReviewCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Case API client against the real sandbox on loopback. */
class CaseApiClientTest {
    private static CaseApiSandbox sandbox;
    private static CaseApiClient client;

    @BeforeAll
    static void start() {
        sandbox = new CaseApiSandbox();
        client = sandbox.client();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theCursorWalksEveryPageOnceNewestFirst() {
        CaseFilter filter = CaseFilter.all().withLimit(40);
        List<ReviewCase> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            CasePage page = client.list(filter, cursor);
            all.addAll(page.cases());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isGreaterThan(2);
        assertThat(all).extracting(ReviewCase::id).doesNotHaveDuplicates();
        assertThat(all.size()).isEqualTo(sandbox.server.storedCases());
        // the sandbox numbers cases as it stores them: newest first means descending ids
        assertThat(all).extracting(ReviewCase::id).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void filtersReachTheUpstream() {
        CasePage review = client.list(CaseFilter.all().withStatus(CaseStatus.REVIEW).withRegion("eu").withLimit(200), null);
        assertThat(review.cases()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CaseStatus.REVIEW);
            assertThat(c.region()).isEqualTo("eu");
            assertThat(c.amount().currency()).isEqualTo("EUR");
        });
        Set<String> declined = new HashSet<>();
        client.list(CaseFilter.all().withStatus(CaseStatus.AUTO_DECLINED), null).cases()
                .forEach(c -> declined.add(c.status().value()));
        assertThat(declined).containsExactly("auto_declined");
    }

    @Test
    void aCaseCarriesItsEvidence() {
        ReviewCase listed = client.list(CaseFilter.all().withStatus(CaseStatus.REVIEW).withLimit(1), null).cases().getFirst();
        ReviewCase c = client.get(listed.id());
        assertThat(c.id()).isEqualTo(listed.id());
        assertThat(c.risk().score()).isBetween(65, 100);
        assertThat(c.risk().rules()).isNotEmpty();
        assertThat(c.paymentChecks().cvc()).isNotBlank();
        assertThat(c.geo().ipCountry()).hasSize(2);
        assertThat(c.customer().email()).contains("@");
        assertThat(c.amount().minor()).isPositive();
    }

    @Test
    void aClaimHeldByAnotherNamesTheHolder() {
        String caseId = client.list(CaseFilter.all().withStatus(CaseStatus.REVIEW).withLimit(3), null).cases().get(2).id();
        CaseClaim mine = client.claim(caseId, "alice", Duration.ofMinutes(10));
        assertThat(mine.etag()).isNotBlank();
        assertThatThrownBy(() -> client.claim(caseId, "bob", Duration.ofMinutes(10)))
                .isInstanceOfSatisfying(CaseClaimedException.class, e -> {
                    assertThat(e.holder()).isEqualTo("alice");
                    assertThat(e.expiresAt()).isEqualTo(mine.expiresAt());
                })
                .hasMessageContaining("claimed by alice");
        client.release(caseId, mine.etag());
        assertThat(client.claim(caseId, "bob", null).holder()).isEqualTo("bob");
    }

    @Test
    void releasingWithAStaleEtagIsRefusedClearly() {
        String caseId = client.list(CaseFilter.all().withStatus(CaseStatus.REVIEW).withLimit(5), null).cases().get(4).id();
        CaseClaim first = client.claim(caseId, "carol", null);
        client.claim(caseId, "carol", null);
        assertThatThrownBy(() -> client.release(caseId, first.etag()))
                .isInstanceOfSatisfying(FraudQueueException.class, e -> assertThat(e.problem()).isEqualTo("claim-etag-mismatch"))
                .hasMessageContaining("HTTP 412");
    }

    @Test
    void notesAndApprovalsRoundTrip() {
        String caseId = client.list(CaseFilter.all().withLimit(1), null).cases().getFirst().id();
        client.addNote(caseId, "alice", "Called the customer; genuine.");
        assertThat(client.notes(caseId)).singleElement().satisfies(n -> {
            assertThat(n.author()).isEqualTo("alice");
            assertThat(n.body()).isEqualTo("Called the customer; genuine.");
        });
        PendingApproval filed = client.requestApproval(new ApprovalRequest("decision", caseId, "reverse it",
                "{\"action\":\"reverse_decline\"}", "alice"));
        assertThat(filed.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(filed.payloadJson()).contains("reverse_decline");
        assertThat(client.approvals(ApprovalStatus.PENDING)).extracting(PendingApproval::id).contains(filed.id());
        PendingApproval rejected = client.reject(filed.id(), "bob", "not enough evidence");
        assertThat(rejected.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(rejected.checker()).isEqualTo("bob");
    }

    @Test
    void aMissingCaseIsAClearNotFound() {
        assertThatThrownBy(() -> client.get("case_9999999999"))
                .isInstanceOfSatisfying(FraudQueueException.class, e -> assertThat(e.problem()).isEqualTo("not-found"))
                .hasMessageContaining("HTTP 404").hasMessageContaining("refresh");
    }
}
