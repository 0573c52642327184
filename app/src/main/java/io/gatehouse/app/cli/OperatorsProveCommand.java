package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.card.CardEnrolments;
import io.gatehouse.data.operator.card.CardPresence;
import io.gatehouse.data.operator.card.EnrolledCard;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse operators prove}: the card signs a fresh challenge, checked against the enrolled certificate. */
@Command(name = "prove", mixinStandardHelpOptions = true,
        description = {"Prove presence with your enrolled smartcard: after the PIN, the card signs a fresh challenge",
            "that is checked against your enrolled certificate. The attempt is audited either way."})
public final class OperatorsProveCommand implements Callable<Integer> {
    @ParentCommand
    OperatorsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    KeyRingOptions card;

    @Override
    public Integer call() {
        try (Composition composition = Composition.open(parent.global().directories(), InstantSource.system())) {
            String me = composition.session().operator().id();
            EnrolledCard enrolled = new CardEnrolments(composition.store(), composition.auditLog(), composition.session(),
                    InstantSource.system()).enrolled(me).orElseThrow(() -> new GatehouseException(FailureKind.PERMISSION,
                    "No card is enrolled for " + me + ". Ask for one with 'gatehouse operators request-card' and have a lead"
                            + " approve it."));
            try (TokenSession session = card.openToken(spec)) {
                new CardPresence(InstantSource.system(), CardPresence.DEFAULT_TOLERANCE)
                        .prove(composition.session(), session, enrolled);
            }
            spec.commandLine().getOut().printf("Presence proven by %s's card (%s).%n", me,
                    enrolled.certificate().getSubjectX500Principal().getName());
            return ExitCode.OK;
        }
    }
}
