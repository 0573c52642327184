package io.gatehouse.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.review.ReviewDesk;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse queue list}: one page of cases, newest first, with each one's local delivery state. */
@Command(name = "list", description = "List cases, newest first.", mixinStandardHelpOptions = true)
public final class QueueListCommand implements Callable<Integer> {
    @ParentCommand
    QueueCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", description = "Only cases with this status (review, auto_declined, decided, ...).")
    String status;

    @Option(names = "--region", description = "Only cases from this region (eu, uk, north_america, ...).")
    String region;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many cases (1-200; default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        if (limit < 1 || limit > CaseFilter.MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and " + CaseFilter.MAX_LIMIT);
        }
        CaseFilter filter = CaseFilter.all().withLimit(limit).withStatus(status == null ? null : new CaseStatus(status))
                .withRegion(region);
        PrintWriter out = spec.commandLine().getOut();
        try (QueueContext context = QueueContext.open(parent.global())) {
            ReviewDesk desk = context.desk();
            CasePage page = desk.list(filter, null);
            List<CaseRow> rows = new ArrayList<>();
            for (ReviewCase c : page.cases()) {
                rows.add(CaseRow.of(c, desk.latestDecision(c.id())));
            }
            if (json) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("simulated_data", context.review().simulated());
                body.put("cases", rows.stream().map(CaseRow::json).toList());
                body.put("next_cursor", page.nextCursor());
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(body));
                return ExitCode.OK;
            }
            if (context.review().simulated()) {
                out.println("Simulated data: the fraud queue is the sandbox checkout platform.");
            }
            out.printf("%-18s %-14s %-14s %-14s %16s %-18s %-12s %s%n", "CASE", "STATUS", "REGION", "RAIL", "AMOUNT",
                    "RISK", "ASSIGNEE", "DELIVERY");
            for (CaseRow r : rows) {
                out.printf("%-18s %-14s %-14s %-14s %16s %-18s %-12s %s%n", r.id(), r.status(), r.region(), r.rail(),
                        r.amount() + " " + r.currency(), r.riskScore() + " " + r.riskLevel(),
                        r.assignee().isEmpty() ? "-" : r.assignee(), r.delivery().isEmpty() ? "-" : r.delivery());
            }
            if (page.hasMore()) {
                out.println("(more cases: raise --limit, or use 'gatehouse queue export' for all of them)");
            }
            return ExitCode.OK;
        }
    }
}
