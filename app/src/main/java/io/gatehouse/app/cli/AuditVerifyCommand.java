package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.audit.AuditHeads;
import io.gatehouse.data.audit.ChainVerification;
import io.gatehouse.data.audit.HeadCheck;
import io.gatehouse.data.audit.VerifyProgress;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse audit verify}: walks the chain and names the first broken entry. */
@Command(name = "verify", description = {"Verify every entry's hash and link; exit 1 names the first broken entry.",
            "Then check every signed chain head against its recorded public key, and that the chain still reaches"
                + " each signed head: entries cut off the end are caught there."},
        mixinStandardHelpOptions = true)
public final class AuditVerifyCommand implements Callable<Integer> {
    @ParentCommand
    AuditCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Composition composition = Composition.open(parent.global().directories(), InstantSource.system())) {
            ChainVerification result = composition.auditLog().verify(VerifyProgress.NONE);
            HeadCheck heads = new AuditHeads(composition.store(), composition.session(), InstantSource.system()).verify();
            // the check itself is evidence that the chain is watched, so it is recorded too
            composition.auditLog().append("audit.verified", "audit-chain", Map.of(
                    "result", result.intact() ? "intact" : "broken",
                    "entries", Long.toString(result.count()),
                    "signedHeads", heads.ok() ? "verified " + heads.signedHeads() : "failed"));
            if (!result.intact()) {
                spec.commandLine().getErr().printf("Audit chain broken at entry %d: %s (%d entries before it verified)%n",
                        result.firstBrokenSequence(), result.problem(), result.count());
                return ExitCode.CHECK_FAILED;
            }
            if (!heads.ok()) {
                spec.commandLine().getErr().printf("Audit chain signatures fail: %s%n", heads.problem());
                return ExitCode.CHECK_FAILED;
            }
            out.printf("Audit chain intact: %d entries, head %s%n", result.count(), result.headHash());
            out.printf(heads.signedHeads() == 0 ? "No signed heads yet.%n"
                    : "Signed heads: %d verified; the last covers entry %d.%n", heads.signedHeads(),
                    heads.lastSignedSequence());
            return ExitCode.OK;
        }
    }
}
