package io.gatehouse.data.review.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.store.LocalStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseMirrorTest {
    private static final List<CaseStatus> STATUSES = List.of(CaseStatus.REVIEW, CaseStatus.AUTO_DECLINED,
            CaseStatus.DECIDED, new CaseStatus("escalated_upstream"));
    private static final List<String> REGIONS = List.of("eu", "uk", "india");
    private static final List<String> RAILS = List.of("card", "upi", "pix");
    private static final List<String> CURRENCIES = List.of("EUR", "GBP", "INR");
    private static final List<String> RULES = List.of("cvc_check_failed", "new_device", "high_velocity", "odd_%_rule");
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    Path tmp;

    private LocalStore store;
    private CaseMirror mirror;
    /** The cases in insertion order, which is the mirror's row order: the oracle's tiebreak. */
    private final List<ReviewCase> inserted = new ArrayList<>();

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        mirror = new CaseMirror(store);
        Random random = new Random(7);
        for (int i = 0; i < 120; i++) {
            int g = random.nextInt(3);
            // few distinct keys, so equal sort keys straddle page boundaries in every order
            ReviewCase c = Cases.of("case_" + i, STATUSES.get(random.nextInt(STATUSES.size())),
                    T0.plusSeconds(60L * random.nextInt(15)), REGIONS.get(g), RAILS.get(random.nextInt(3)),
                    new Money(100L * random.nextInt(8), CURRENCIES.get(g)), 50 + 5 * random.nextInt(10),
                    List.of("risk_score_elevated", RULES.get(random.nextInt(RULES.size()))),
                    random.nextInt(5) == 0 ? (random.nextBoolean() ? "ana" : "ben") : null);
            inserted.add(c);
        }
        store.write(c -> {
            for (ReviewCase rc : inserted) {
                mirror.upsertIn(c, rc, 1);
            }
            mirror.saveStateIn(c, 0L, 1, T0);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyFilterInEverySortPagesThroughExactlyTheMatchingCasesInOrder() {
        List<CaseFilter> filters = filters();
        for (CaseFilter filter : filters) {
            for (CaseSort sort : CaseSort.values()) {
                List<String> expected = oracle(filter, sort);
                assertThat(allPages(filter.withLimit(7), sort)).as(sort + " " + filter).isEqualTo(expected);
                assertThat(mirror.count(filter)).as("count " + filter).isEqualTo(expected.size());
            }
        }
    }

    @Test
    void pagesOfOneCaseWalkRunsOfEqualKeysWithoutSkippingOrRepeating() {
        CaseFilter one = CaseFilter.all().withLimit(1);
        for (CaseSort sort : CaseSort.values()) {
            List<String> walked = allPages(one, sort);
            assertThat(walked).hasSize(inserted.size()).doesNotHaveDuplicates();
            assertThat(walked).isEqualTo(oracle(CaseFilter.all(), sort));
        }
    }

    @Test
    void theLastFullPageSaysThereIsNoMore() {
        long review = inserted.stream().filter(c -> c.status().equals(CaseStatus.REVIEW)).count();
        CasePage page = mirror.page(CaseFilter.all().withStatus(CaseStatus.REVIEW).withLimit((int) review),
                CaseSort.NEWEST, null);
        assertThat(page.cases()).hasSize((int) review);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void idChunksCoverTheWholeFilteredSetOnce() {
        CaseFilter filter = CaseFilter.all().withRegion("eu");
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            MirrorIds chunk = mirror.ids(filter, cursor, 4);
            all.addAll(chunk.caseIds());
            seen.addAll(chunk.caseIds());
            cursor = chunk.nextCursor();
        } while (cursor != null);
        assertThat(all).hasSameSizeAs(seen);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(oracle(filter, CaseSort.NEWEST));
    }

    @Test
    void aCaseThatChangesMovesBetweenFiltersAndAPageShowsItsNewState() {
        ReviewCase c = inserted.stream().filter(x -> x.status().equals(CaseStatus.REVIEW)).findFirst().orElseThrow();
        long before = mirror.count(CaseFilter.all().withStatus(CaseStatus.DECIDED));
        store.write(con -> {
            mirror.upsertIn(con, Cases.withStatus(c, CaseStatus.DECIDED), 1);
            return null;
        });
        assertThat(mirror.count(CaseFilter.all().withStatus(CaseStatus.DECIDED))).isEqualTo(before + 1);
        assertThat(mirror.status().cases()).isEqualTo(inserted.size());
        List<ReviewCase> decided = everyCase(CaseFilter.all().withStatus(CaseStatus.DECIDED).withLimit(200));
        assertThat(decided).filteredOn(x -> x.id().equals(c.id())).singleElement()
                .satisfies(x -> assertThat(x.status()).isEqualTo(CaseStatus.DECIDED));
    }

    @Test
    void aPageCarriesTheWholeCaseAsItWasStored() {
        ReviewCase first = mirror.page(CaseFilter.all(), CaseSort.AGE, null).cases().getFirst();
        ReviewCase original = inserted.stream().filter(c -> c.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(first).isEqualTo(original);
    }

    @Test
    void deleteAndSweepForgetCases() {
        store.write(c -> {
            mirror.deleteIn(c, "case_0");
            mirror.upsertIn(c, inserted.get(1), 2);
            return mirror.sweepIn(c, 2);
        });
        assertThat(mirror.status().cases()).isEqualTo(1);
        assertThat(mirror.page(CaseFilter.all(), CaseSort.NEWEST, null).cases()).extracting(ReviewCase::id)
                .containsExactly("case_1");
    }

    @Test
    void cursorsFromAnotherOrderOrElsewhereAreRefusedWithASentence() {
        String amountCursor = mirror.page(CaseFilter.all().withLimit(3), CaseSort.AMOUNT, null).nextCursor();
        assertThatThrownBy(() -> mirror.page(CaseFilter.all(), CaseSort.RISK, amountCursor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to the 'amount' order");
        assertThatThrownBy(() -> mirror.page(CaseFilter.all(), CaseSort.RISK, "m1.risk.x.1"))
                .hasMessageContaining("is not one this console made");
        assertThatThrownBy(() -> mirror.ids(CaseFilter.all(), "c123", 10)).hasMessageContaining("not one this console made");
    }

    @Test
    void noQueryCountsRowsToSkipAndEachSortedPageReadsItsIndexInOrder() {
        for (CaseFilter filter : filters()) {
            for (CaseSort sort : CaseSort.values()) {
                MirrorQuery query = MirrorQuery.of(filter, sort).after(new MirrorCursor(sort, 1, 1), sort);
                String sql = query.pageSql(sort);
                assertThat(sql).doesNotContainIgnoringCase("OFFSET");
                String plan = explain(sql, query);
                assertThat(plan).as(sql).contains(query.index().toUpperCase());
                if (filter.assignee() == null) {
                    // H2 says so when the index order is the result order: no sort of all matches
                    assertThat(plan).as(sql).contains("/* index sorted */");
                }
            }
        }
        assertThat(MirrorQuery.of(CaseFilter.all(), CaseSort.NEWEST).countSql()).doesNotContainIgnoringCase("OFFSET");
        assertThat(MirrorQuery.of(CaseFilter.all(), CaseSort.NEWEST).idsSql(0)).doesNotContainIgnoringCase("OFFSET");
    }

    private String explain(String sql, MirrorQuery query) {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
                s.setInt(query.bind(s), 10);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            }
        });
    }

    private List<CaseFilter> filters() {
        CaseFilter all = CaseFilter.all();
        List<CaseFilter> filters = new ArrayList<>();
        filters.add(all);
        for (CaseStatus status : STATUSES) {
            filters.add(all.withStatus(status));
        }
        filters.add(all.withRegion("uk"));
        filters.add(all.withStatus(CaseStatus.REVIEW).withRegion("india"));
        filters.add(new CaseFilter(null, null, "upi", null, null, null, null, null, null, null, null, 50));
        filters.add(new CaseFilter(null, null, null, "gbp", null, null, null, null, null, null, null, 50));
        filters.add(new CaseFilter(CaseStatus.REVIEW, null, null, null, "highest", null, null, null, null, null, null, 50));
        filters.add(new CaseFilter(null, null, null, null, null, 60, 80, null, null, null, null, 50));
        filters.add(new CaseFilter(CaseStatus.DECIDED, null, null, null, null, null, null, 200L, 500L, null, null, 50));
        filters.add(new CaseFilter(null, null, null, null, null, null, null, null, null, "new_device", null, 50));
        filters.add(new CaseFilter(null, null, null, null, null, null, null, null, null, "odd_%_rule", null, 50));
        filters.add(new CaseFilter(null, null, null, null, null, null, null, null, null, "odd", null, 50));
        filters.add(all.withAssignee("ana"));
        filters.add(all.withAssignee("ana").withStatus(CaseStatus.REVIEW));
        filters.add(all.withRegion("nowhere"));
        return filters;
    }

    private List<String> allPages(CaseFilter filter, CaseSort sort) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            CasePage page = mirror.page(filter, sort, cursor);
            assertThat(page.cases().size()).isLessThanOrEqualTo(filter.limit());
            page.cases().forEach(c -> ids.add(c.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private List<ReviewCase> everyCase(CaseFilter filter) {
        List<ReviewCase> out = new ArrayList<>();
        String cursor = null;
        do {
            CasePage page = mirror.page(filter, CaseSort.NEWEST, cursor);
            out.addAll(page.cases());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** The same filter and order computed in plain Java over the inserted cases. */
    private List<String> oracle(CaseFilter f, CaseSort sort) {
        Predicate<ReviewCase> match = c -> (f.status() == null || c.status().equals(f.status()))
                && (f.region() == null || c.region().equals(f.region()))
                && (f.rail() == null || c.rail().equals(f.rail()))
                && (f.currency() == null || c.amount().currency().equalsIgnoreCase(f.currency()))
                && (f.riskLevel() == null || c.risk().level().equals(f.riskLevel()))
                && (f.minRisk() == null || c.risk().score() >= f.minRisk())
                && (f.maxRisk() == null || c.risk().score() <= f.maxRisk())
                && (f.minAmount() == null || c.amount().minor() >= f.minAmount())
                && (f.maxAmount() == null || c.amount().minor() <= f.maxAmount())
                && (f.rule() == null || c.risk().rules().contains(f.rule()))
                && (f.assignee() == null || f.assignee().equals(c.assignee()));
        ToLongFunction<ReviewCase> key = switch (sort) {
            case NEWEST, AGE -> c -> c.created().toEpochMilli();
            case AMOUNT -> c -> c.amount().minor();
            case RISK -> c -> c.risk().score();
        };
        Comparator<ReviewCase> order = Comparator.comparingLong(key).thenComparingInt(inserted::indexOf);
        return inserted.stream().filter(match).sorted(sort == CaseSort.AGE ? order : order.reversed())
                .map(ReviewCase::id).toList();
    }
}
