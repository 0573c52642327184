package io.gatehouse.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.data.review.AllowlistEntry;
import io.gatehouse.data.review.CustomerNotification;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionOptions;
import io.gatehouse.data.review.DecisionRefusedException;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.PendingApproval;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse queue decide}: decides one case through the desk. It returns only once the
 * decision is durably in the outbox, then makes one bounded delivery pass and prints the state.
 */
@Command(name = "decide", description = "Approve, decline, reverse a decline, hold or escalate a case.",
        mixinStandardHelpOptions = true)
public final class QueueDecideCommand implements Callable<Integer> {
    @ParentCommand
    QueueCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case id, e.g. case_0000000042.")
    String caseId;

    @Parameters(index = "1", paramLabel = "ACTION", description = "approve, decline, reverse_decline, hold or escalate.")
    String action;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; required for reverse_decline.")
    String reason;

    @Option(names = "--allowlist", paramLabel = "TYPE:VALUE",
            description = "Trust this from now on (customer, card_fingerprint, email or device); repeatable.")
    List<String> allowlist = new ArrayList<>();

    @Option(names = "--notify", paramLabel = "CHANNEL", description = "With reverse_decline: ask the customer to retry (email or sms).")
    String notify;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long to wait for the upstream's answer (default ${DEFAULT-VALUE}); the decision is kept either way.")
    int waitSeconds;

    @Override
    public Integer call() throws IOException {
        DecisionAction decision = new DecisionAction(action.toLowerCase(Locale.ROOT));
        if (!DecisionAction.decidable().contains(decision)) {
            throw new ParameterException(spec.commandLine(), "ACTION must be approve, decline, reverse_decline, hold or"
                    + " escalate, not '" + action + "'");
        }
        if (waitSeconds < 0 || waitSeconds > 600) {
            throw new ParameterException(spec.commandLine(), "--wait must be between 0 and 600 seconds");
        }
        DecisionOptions options = new DecisionOptions(allowlistEntries(),
                notify == null ? null : new CustomerNotification(notify, null));
        PrintWriter out = spec.commandLine().getOut();
        try (QueueContext context = QueueContext.open(parent.global())) {
            DecisionResult result;
            try {
                result = context.desk().decide(caseId, decision, reason, options);
            } catch (DecisionRefusedException e) {
                spec.commandLine().getErr().println("gatehouse: " + e.getMessage());
                return ExitCode.USAGE;
            }
            return switch (result) {
                case DecisionResult.AwaitingSecondPerson waiting -> reportFiled(out, waiting.approval());
                case DecisionResult.Queued queued -> {
                    out.printf("Recorded %s on %s (outbox entry %d).%n", decision, caseId, queued.entry().id());
                    OutboxEntry now = context.review().drainOnce(queued.entry().idempotencyKey(),
                            Duration.ofSeconds(waitSeconds)).orElse(queued.entry());
                    yield reportDelivery(out, now);
                }
            };
        }
    }

    private List<AllowlistEntry> allowlistEntries() {
        List<AllowlistEntry> entries = new ArrayList<>();
        for (String item : allowlist) {
            int colon = item.indexOf(':');
            if (colon <= 0 || colon == item.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--allowlist takes TYPE:VALUE, e.g. email:ana@example.com");
            }
            entries.add(new AllowlistEntry(item.substring(0, colon), item.substring(colon + 1)));
        }
        return entries;
    }

    private static int reportFiled(PrintWriter out, PendingApproval approval) {
        out.printf("%s needs a second person: request %s is filed upstream. A different operator with the"
                + " four-eyes permission must approve it.%n", approval.summary(), approval.id());
        return ExitCode.OK;
    }

    private int reportDelivery(PrintWriter out, OutboxEntry entry) {
        switch (entry.state()) {
            case CONFIRMED, SENT -> {
                out.println("Delivery: confirmed by the fraud queue.");
                return ExitCode.OK;
            }
            case PENDING -> {
                out.println("Delivery: pending" + (entry.lastError() == null ? "" : " (" + entry.lastError() + ")")
                        + ". The decision is kept and will be sent on the next pass.");
                return ExitCode.OK;
            }
            case CONFLICT -> {
                spec.commandLine().getErr().println("gatehouse: another decision already stands on " + entry.caseId()
                        + standing(entry.upstreamAnswer()) + ". Yours was not applied.");
                return ExitCode.UPSTREAM;
            }
            default -> {
                spec.commandLine().getErr().println("gatehouse: the fraud queue refused the decision: " + entry.lastError());
                return ExitCode.UPSTREAM;
            }
        }
    }

    private static String standing(String answerJson) {
        if (answerJson == null) {
            return "";
        }
        JsonNode decision;
        try {
            decision = new ObjectMapper().readTree(answerJson);
        } catch (IOException e) {
            return "";
        }
        return ": " + decision.path("action").asText("?") + " by " + decision.path("analyst").asText("?")
                + (decision.hasNonNull("created") ? " at " + decision.get("created").asText() : "");
    }
}
