package io.gatehouse.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gatehouse audit}: the audit chain. */
@Command(name = "audit", description = "Read and verify the audit chain.", mixinStandardHelpOptions = true,
        subcommands = {AuditVerifyCommand.class, AuditListCommand.class, AuditExportCommand.class})
public final class AuditCommand {
    @ParentCommand
    GatehouseCommand parent;

    GlobalOptions global() {
        return parent.global();
    }
}
