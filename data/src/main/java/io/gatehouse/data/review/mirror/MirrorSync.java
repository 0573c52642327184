package io.gatehouse.data.review.mirror;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.FraudQueue;
import io.gatehouse.data.review.FraudQueueException;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.store.LocalStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the mirror up to date with the upstream. The first pass lists every case; later passes
 * read the event stream after the saved cursor and fetch the cases it names. Each batch of cases
 * and the cursor that follows it are committed in one transaction, so a pass cut short (a crash,
 * an outage) resumes where the last commit left off, and replaying an event only rewrites a case
 * with its current state: the sync is idempotent. An expired cursor (410) means a full listing again.
 */
public final class MirrorSync implements AutoCloseable {
    static final int EVENT_PAGE = 500;
    static final int LIST_PAGE = CaseFilter.MAX_LIMIT;
    /** Bounds one pass so a long backlog cannot starve the scheduler; the next pass continues. */
    static final int MAX_EVENT_PAGES = 20;
    private static final System.Logger LOG = System.getLogger(MirrorSync.class.getName());

    private final CaseMirror mirror;
    private final LocalStore store;
    private final FraudQueue queue;
    private final CaseEventFeed feed;
    private final InstantSource clock;
    private final String upstream;
    private final List<Consumer<SyncPass>> listeners = new CopyOnWriteArrayList<>();
    private volatile String lastFailure;
    private volatile ScheduledFuture<?> schedule;

    /**
     * {@code upstream} names what is copied (its base URL, say); a mirror of a different upstream
     * is listed afresh rather than continued from a cursor that means nothing there.
     */
    public MirrorSync(CaseMirror mirror, LocalStore store, FraudQueue queue, CaseEventFeed feed, InstantSource clock,
            String upstream) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.store = Objects.requireNonNull(store, "store");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Called after each pass that changed something, on the sync's thread (views hop to their own). */
    public void addListener(Consumer<SyncPass> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Runs a pass every {@code interval} on {@code scheduler}, starting now. */
    public synchronized void start(ScheduledExecutorService scheduler, Duration interval) {
        if (schedule != null) {
            throw new IllegalStateException("the sync is already running");
        }
        schedule = scheduler.scheduleWithFixedDelay(this::passQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the last pass failed, while the failure lasts; the mirror keeps what it had meanwhile. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** One pass: a full listing when the mirror has no cursor, else the events since it. */
    public synchronized SyncPass pollOnce() {
        MirrorStatus status = mirror.status();
        if (!upstream.equals(status.upstream())) {
            store.write(c -> {
                mirror.switchUpstreamIn(c, upstream);
                return null;
            });
            status = mirror.status();
        }
        SyncPass pass;
        if (!status.synced()) {
            pass = relist(status.generation() + 1);
        } else {
            try {
                pass = followEvents(status.eventCursor(), status.generation());
            } catch (CursorExpiredException e) {
                LOG.log(System.Logger.Level.INFO, "event cursor expired; listing every case again");
                pass = relist(status.generation() + 1);
            }
        }
        lastFailure = null;
        notifyListeners(pass);
        return pass;
    }

    private void notifyListeners(SyncPass pass) {
        if (pass.relisted() || pass.casesWritten() > 0 || pass.casesRemoved() > 0) {
            listeners.forEach(l -> l.accept(pass));
        }
    }

    private void passQuietly() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            // a failed pass must not end the schedule: the next one retries from the saved cursor
            lastFailure = e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "case mirror sync failed; retrying on the next pass", e);
        }
    }

    private SyncPass followEvents(long cursor, long generation) {
        int events = 0;
        int written = 0;
        int removed = 0;
        for (int pages = 0; pages < MAX_EVENT_PAGES; pages++) {
            CaseEventPage page = feed.events(cursor, EVENT_PAGE);
            if (page.nextCursor() < cursor) {
                throw new FraudQueueException(io.gatehouse.data.FailureKind.UPSTREAM, "cursor-went-back", 200,
                        "The Case API's event stream went back from " + cursor + " to " + page.nextCursor()
                                + "; the mirror keeps its cursor. Check the upstream.");
            }
            Set<String> changed = new LinkedHashSet<>();
            page.events().forEach(e -> changed.add(e.caseId()));
            List<ReviewCase> fresh = new ArrayList<>();
            List<String> gone = new ArrayList<>();
            for (String caseId : changed) {
                fetch(caseId).ifPresentOrElse(fresh::add, () -> gone.add(caseId));
            }
            long next = page.nextCursor();
            store.write(c -> {
                for (ReviewCase rc : fresh) {
                    mirror.upsertIn(c, rc, generation);
                }
                for (String caseId : gone) {
                    mirror.deleteIn(c, caseId);
                }
                mirror.saveStateIn(c, next, generation, clock.instant());
                return null;
            });
            events += page.events().size();
            written += fresh.size();
            removed += gone.size();
            cursor = next;
            if (!page.hasMore()) {
                break;
            }
        }
        return new SyncPass(events, written, removed, false, cursor);
    }

    private Optional<ReviewCase> fetch(String caseId) {
        try {
            return Optional.of(queue.get(caseId));
        } catch (FraudQueueException e) {
            if (e.status() == 404 || e.status() == 410) {
                return Optional.empty(); // aged out or removed upstream
            }
            throw e;
        }
    }

    /**
     * Lists every case under a new generation and then removes what it did not see. The event
     * cursor is taken before the listing, so a change made while listing is read again afterwards.
     */
    private SyncPass relist(long generation) {
        long head = eventHead();
        int written = 0;
        String cursor = null;
        do {
            CasePage page = queue.list(CaseFilter.all().withLimit(LIST_PAGE), cursor);
            store.write(c -> {
                for (ReviewCase rc : page.cases()) {
                    mirror.upsertIn(c, rc, generation);
                }
                return null;
            });
            written += page.cases().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        int removed = store.write(c -> {
            int swept = mirror.sweepIn(c, generation);
            mirror.saveStateIn(c, head, generation, clock.instant());
            return swept;
        });
        return new SyncPass(0, written, removed, true, head);
    }

    private long eventHead() {
        long cursor = 0;
        while (true) {
            CaseEventPage page = feed.events(cursor, 1000);
            cursor = Math.max(cursor, page.nextCursor());
            if (!page.hasMore()) {
                return cursor;
            }
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
