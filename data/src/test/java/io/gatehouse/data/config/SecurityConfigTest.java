package io.gatehouse.data.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityConfigTest {
    @TempDir
    Path tmp;

    private static final String OPERATORS = """
            operators:
              - id: alice
                roles: [lead]
            profile: p
            profiles:
              p:
                sandbox: {}
            """;

    private GatehouseConfig load(String head) throws Exception {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, head + OPERATORS);
        return new ConfigLoader().load(file);
    }

    private ConfigException refused(String head) {
        try {
            load(head);
        } catch (ConfigException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted:\n" + head);
    }

    @Test
    void thePlainOperatorNameSignsInLocallyWithTheDefaults() throws Exception {
        GatehouseConfig config = load("operator: alice\n");
        assertThat(config.operator()).isEqualTo("alice");
        assertThat(config.signInMethod()).isEqualTo(SignInMethod.LOCAL);
        assertThat(config.sessionOrDefault().idleLockOrDefault()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.sessionOrDefault().stepUpMaxAgeOrDefault()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.secretsOrDefault().onToken()).isFalse();
        assertThat(config.smartcardProofsRequired()).isFalse();
        assertThat(ConfigFlattener.flatten(config)).containsEntry("operator", "alice");
    }

    @Test
    void readsSmartcardSignInTokenSecretsSessionAndCustodyKeys() throws Exception {
        GatehouseConfig config = load("""
                operator:
                  id: alice
                  signIn: smartcard
                  card:
                    module: /usr/lib/opensc-pkcs11.so
                    tokenLabel: alice-piv
                secrets:
                  store: token
                  token:
                    module: /usr/lib/softhsm/libsofthsm2.so
                    tokenLabel: gatehouse
                    keyLabel: secret-store
                session:
                  idleLock: PT3M
                  stepUpMaxAge: PT2M
                keyCustody:
                  requireSmartcardProofs: true
                """);
        assertThat(config.operator()).isEqualTo("alice");
        assertThat(config.signInMethod()).isEqualTo(SignInMethod.SMARTCARD);
        assertThat(config.signedIn().card().tokenLabel()).isEqualTo("alice-piv");
        assertThat(config.secretsOrDefault().onToken()).isTrue();
        assertThat(config.secrets().token().keyLabel()).isEqualTo("secret-store");
        assertThat(config.sessionOrDefault().idleLockOrDefault()).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.sessionOrDefault().stepUpMaxAgeOrDefault()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.smartcardProofsRequired()).isTrue();
        assertThat(ConfigFlattener.flatten(config)).containsEntry("operator.signIn", "smartcard")
                .containsEntry("session.idleLock", "PT3M");
    }

    @Test
    void unknownKeysAreRefusedWithTheirLineAndColumn() {
        ConfigException e = refused("operator: alice\nsession:\n  idleLok: PT3M\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.getMessage()).contains("unknown key 'idleLok'").contains("idleLock");

        ConfigException inOperator = refused("operator:\n  id: alice\n  signin: smartcard\n");
        assertThat(inOperator.line()).isEqualTo(3);
        assertThat(inOperator.getMessage()).contains("unknown key 'signin'");
    }

    @Test
    void wrongValuesAreRefusedWithWhereAndWhat() {
        assertThat(refused("operator:\n  id: alice\n  signIn: fingerprint\n").getMessage())
                .contains(":3:").contains("operator.signIn");
        ConfigException noCard = refused("operator:\n  id: alice\n  signIn: smartcard\n");
        assertThat(noCard.line()).isEqualTo(3);
        assertThat(noCard.getMessage()).contains("'card' section");
        assertThat(refused("operator: alice\nsecrets:\n  store: vault\n").getMessage())
                .contains(":3:").contains("passphrase or token");
        assertThat(refused("operator: alice\nsecrets:\n  store: token\n").getMessage()).contains("keyLabel");
        assertThat(refused("operator: alice\nsession:\n  idleLock: PT5S\n").getMessage())
                .contains(":3:").contains("between 1 minute");
        assertThat(refused("operator: alice\nsession:\n  stepUpMaxAge: PT2H\n").getMessage()).contains("fresh");
        assertThat(refused("operator: alice\nkeyCustody:\n  requireSmartcardProofs: maybe\n").getMessage())
                .contains(":3:");
        assertThat(refused("operator: alice\nsession:\n  idleLock: ten minutes\n").getMessage()).contains(":3:");
    }
}
