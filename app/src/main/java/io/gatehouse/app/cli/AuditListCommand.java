package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditQuery;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse audit list}: the newest entries, filtered. */
@Command(name = "list", description = "List audit entries, newest first.", mixinStandardHelpOptions = true)
public final class AuditListCommand implements Callable<Integer> {
    @ParentCommand
    AuditCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--actor", description = "Only entries by this operator id.")
    String actor;

    @Option(names = "--action", description = "Only entries with this action.")
    String action;

    @Option(names = "--subject", description = "Only entries whose subject contains this text.")
    String subject;

    @Option(names = "--since", description = "Only entries at or after this instant (ISO-8601, e.g. 2026-11-25T00:00:00Z).")
    Instant since;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many entries (1-10000; default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 10_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be between 1 and 10000");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Composition composition = Composition.open(parent.global().directories(), InstantSource.system())) {
            List<AuditEntry> entries = composition.auditLog().find(new AuditQuery(actor, action, subject, since, null, limit));
            for (AuditEntry e : entries) {
                out.printf("%6d  %s  %-16s %-28s %s %s%n", e.sequence(), e.at(), e.actorId(), e.action(), e.subject(),
                        e.details().isEmpty() ? "" : e.details());
            }
            return ExitCode.OK;
        }
    }
}
