package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.audit.AuditExport;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.files.SafeFileWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse audit export}: the chain and its signed heads as JSON Lines, for a central log store. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the audit chain with its signed heads as JSON Lines.",
            "Each entry line holds exactly the fields its hash covers, so a log store can recompute every hash and link;"
                + " each head line holds its signature and the signer's public key.",
            "Asks for the secret store's passphrase first (fresh proof of presence); the export itself is audited."})
public final class AuditExportCommand implements Callable<Integer> {
    /** The formats a log store can take; JSON Lines is the one every shipper reads. */
    public enum Format { jsonl }

    @ParentCommand
    AuditCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to this file (replaced only once complete). Default: standard output.")
    Path outFile;

    @Override
    public Integer call() throws IOException {
        try (Composition composition = Composition.open(parent.global().directories(), InstantSource.system())) {
            SecretsUnlock.unlockAndProve(parent.global().passphraseFd, composition);
            AuditExport export = new AuditExport(composition.store(), composition.session(), composition.auditLog());
            AuditExport.Summary summary;
            if (outFile == null) {
                summary = export.writeJsonLines(spec.commandLine().getOut(), VerifyProgress.NONE);
            } else {
                AuditExport.Summary[] written = new AuditExport.Summary[1];
                new SafeFileWriter().write(outFile, out -> {
                    Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    try {
                        written[0] = export.writeJsonLines(text, VerifyProgress.NONE);
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                    text.flush();
                });
                summary = written[0];
            }
            PrintWriter err = spec.commandLine().getErr();
            // the summary goes to stderr so that standard output stays pure JSON Lines
            err.printf("Exported %d audit entries and %d signed heads%s; head %s%n", summary.entries(),
                    summary.signedHeads(), outFile == null ? "" : " to " + outFile.toAbsolutePath(), summary.headHash());
            err.flush();
            return ExitCode.OK;
        }
    }
}
