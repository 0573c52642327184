package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.operator.card.CardEnrolments;
import io.gatehouse.data.operator.card.EnrolledCard;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse operators approve-card OPERATOR}: a lead approves another operator's card request. */
@Command(name = "approve-card", mixinStandardHelpOptions = true,
        description = "Approve another operator's card request (leads). Asks for the secret store's passphrase first.")
public final class OperatorsApproveCommand implements Callable<Integer> {
    @ParentCommand
    OperatorsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OPERATOR", description = "The operator whose card to approve.")
    String operatorId;

    @Override
    public Integer call() {
        try (Composition composition = Composition.open(parent.global().directories(), InstantSource.system())) {
            SecretsUnlock.unlockAndProve(parent.global().passphraseFd, composition);
            EnrolledCard card = new CardEnrolments(composition.store(), composition.auditLog(), composition.session(),
                    InstantSource.system()).approve(operatorId);
            spec.commandLine().getOut().printf("Enrolled: %s's card %s (sha256 %s).%n", operatorId,
                    card.certificate().getSubjectX500Principal().getName(), card.fingerprint());
            return ExitCode.OK;
        }
    }
}
