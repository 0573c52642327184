package io.gatehouse.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gatehouse operators}: operators' smartcards, their enrolment and proof of presence. */
@Command(name = "operators", mixinStandardHelpOptions = true,
        description = "Bind operators to their smartcard certificates and prove presence with a card.",
        subcommands = {OperatorsCardsCommand.class, OperatorsRequestCommand.class, OperatorsApproveCommand.class,
            OperatorsRevokeCommand.class, OperatorsProveCommand.class})
public final class OperatorsCommand {
    @ParentCommand
    GatehouseCommand parent;

    GlobalOptions global() {
        return parent.global();
    }
}
