package io.gatehouse.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gatehouse queue}: the review queue, through the same desk, rules and audit as the console. */
@Command(name = "queue", description = "List, decide and export flagged orders.", mixinStandardHelpOptions = true,
        subcommands = {QueueListCommand.class, QueueDecideCommand.class, QueueExportCommand.class})
public final class QueueCommand {
    @ParentCommand
    GatehouseCommand parent;

    GlobalOptions global() {
        return parent.global();
    }
}
