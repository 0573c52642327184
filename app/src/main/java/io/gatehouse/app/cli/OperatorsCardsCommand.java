package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.operator.card.CardEnrolments;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse operators cards}: every card binding and request. */
@Command(name = "cards", mixinStandardHelpOptions = true, description = "List card bindings and waiting requests (leads).")
public final class OperatorsCardsCommand implements Callable<Integer> {
    @ParentCommand
    OperatorsCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Composition composition = Composition.open(parent.global().directories(), InstantSource.system())) {
            List<CardEnrolments.Binding> bindings = new CardEnrolments(composition.store(), composition.auditLog(),
                    composition.session(), InstantSource.system()).list();
            PrintWriter out = spec.commandLine().getOut();
            if (bindings.isEmpty()) {
                out.println("No cards are enrolled or waiting.");
            }
            for (CardEnrolments.Binding b : bindings) {
                out.printf("%-16s %-9s %s  key '%s'  valid until %s  sha256 %s%s%n", b.operatorId(),
                        b.approved() ? "enrolled" : "waiting", b.subject(), b.keyLabel(), b.notAfter(),
                        b.fingerprint().substring(0, 16), b.approved() ? "  approved by " + b.approvedBy() : "");
            }
            return ExitCode.OK;
        }
    }
}
