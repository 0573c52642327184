package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.operator.card.CardEnrolments;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse operators revoke-card OPERATOR}: removes a binding, for a lost or replaced card. */
@Command(name = "revoke-card", mixinStandardHelpOptions = true, description = "Remove an operator's card binding (leads).")
public final class OperatorsRevokeCommand implements Callable<Integer> {
    @ParentCommand
    OperatorsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OPERATOR", description = "The operator whose card binding to remove.")
    String operatorId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the audit log.")
    String reason;

    @Override
    public Integer call() {
        try (Composition composition = Composition.open(parent.global().directories(), InstantSource.system())) {
            boolean removed = new CardEnrolments(composition.store(), composition.auditLog(), composition.session(),
                    InstantSource.system()).revoke(operatorId, reason);
            if (!removed) {
                throw new GatehouseException(FailureKind.CHECK_FAILED, operatorId + " has no card binding to revoke.");
            }
            spec.commandLine().getOut().printf("Revoked %s's card binding.%n", operatorId);
            return ExitCode.OK;
        }
    }
}
