package io.gatehouse.connectors.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DeliveryOutcome;
import io.gatehouse.data.review.OutboxSender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe key never shows: not in logs, not in any exception or outcome, not in any toString. */
class StripeKeyHygieneTest {
    private final StripeRig rig = new StripeRig();
    private final List<String> logged = new ArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter out = new StringWriter();
            out.append(record.getLoggerName()).append(' ').append(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    out.append(' ').append(String.valueOf(p));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(out));
            }
            synchronized (logged) {
                logged.add(out.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        Logger.getLogger("okhttp3").setLevel(Level.ALL);
    }

    @AfterEach
    void stop() {
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        rig.close();
    }

    private static String everything(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void theKeyAppearsOnlyInTheAuthorizationHeader() throws Exception {
        List<String> seen = new ArrayList<>();
        StripeRadarQueue queue = rig.queue();
        StripeDecisionDelivery delivery = rig.delivery();
        seen.add(queue.toString());
        seen.add(delivery.toString());
        seen.add(rig.key().toString());
        seen.add(rig.settings().toString());

        // Stripe's 401 echoes the key it was given; every error path is exercised once
        rig.mock.enqueue(StripeRig.json(401, StripeRig.fixture("error_401.json")
                .replace("sk_test_********************9Qx2", StripeRig.API_KEY)));
        rig.enqueue(404, "error_404.json");
        rig.mock.enqueue(StripeRig.json(200, "{\"object\": \"list\", \"url\": \"" + StripeRig.API_KEY));
        for (int i = 0; i < 3; i++) {
            try {
                queue.list(CaseFilter.all(), null);
            } catch (RuntimeException e) {
                seen.add(everything(e));
            }
        }
        rig.enqueue(200, "review_open.json");
        rig.mock.enqueue(StripeRig.json(400, StripeRig.fixture("error_400_idempotency.json")
                .replace("gatehouse-d-1-refund", StripeRig.API_KEY)));
        DeliveryOutcome outcome = delivery.deliver(StripeRig.entry("dec-h", "prv_1PqXz02eZvKYlo2CxYz12345",
                DecisionAction.DECLINE, List.of()));
        seen.add(outcome.toString());
        // a connector defect reaching the outbox sender is logged with its stack: that must be clean too
        System.getLogger(OutboxSender.class.getName()).log(System.Logger.Level.ERROR, "probe", new RuntimeException(
                outcome.toString()));

        assertThat(rig.mock.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + StripeRig.API_KEY);
        assertThat(seen).hasSize(8).allSatisfy(text -> assertThat(text).doesNotContain(StripeRig.API_KEY));
        assertThat(logged).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(StripeRig.API_KEY));
        assertThat(seen.get(0)).contains("stripe-key");
    }
}
