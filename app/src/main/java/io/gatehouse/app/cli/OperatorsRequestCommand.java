package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.operator.card.CardEnrolments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse operators request-card}: the signed-in operator asks for their card to be bound to them. */
@Command(name = "request-card", mixinStandardHelpOptions = true,
        description = {"Ask for your smartcard's certificate to be bound to you; a lead approves it with approve-card.",
            "Export the certificate from the card first, e.g. pkcs11-tool --read-object --type cert --label L -o card.der."})
public final class OperatorsRequestCommand implements Callable<Integer> {
    private static final int MAX_CERTIFICATE_BYTES = 64 * 1024;

    @ParentCommand
    OperatorsCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "The card's certificate, DER or PEM.")
    Path certificate;

    @Option(names = "--key-label", required = true, paramLabel = "LABEL",
            description = "Label of the card's private key that signs challenges.")
    String keyLabel;

    @Override
    public Integer call() {
        byte[] der = read(certificate);
        try (Composition composition = Composition.open(parent.global().directories(), InstantSource.system())) {
            new CardEnrolments(composition.store(), composition.auditLog(), composition.session(), InstantSource.system())
                    .request(der, keyLabel);
            spec.commandLine().getOut().printf("Requested: your card (key '%s') waits for a lead's approval"
                    + " (gatehouse operators approve-card %s).%n", keyLabel, composition.session().operator().id());
            return ExitCode.OK;
        }
    }

    /** The certificate bytes; PEM is unwrapped so both forms an export tool writes are accepted. */
    static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_CERTIFICATE_BYTES) {
                throw new GatehouseException(FailureKind.CONFIGURATION, file + " is larger than a certificate can be ("
                        + MAX_CERTIFICATE_BYTES / 1024 + " KiB at most).");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
            if (begin < 0) {
                return bytes;
            }
            int end = text.indexOf("-----END CERTIFICATE-----", begin);
            if (end < 0) {
                throw new GatehouseException(FailureKind.CONFIGURATION, file + " has a PEM header but no END line.");
            }
            String body = text.substring(begin + "-----BEGIN CERTIFICATE-----".length(), end).replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        } catch (IOException e) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "Cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new GatehouseException(FailureKind.CONFIGURATION, file + " is not valid PEM: " + e.getMessage(), e);
        }
    }
}
