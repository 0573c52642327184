package io.gatehouse.data.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.GatehouseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlMappingPatchTest {
    static final List<String> CASES = List.of("profiles", "prod", "caseApi");

    @Test
    void windowsLineEndingsStayWindowsLineEndings() {
        String text = "profiles:\r\n  prod:\r\n    caseApi:\r\n      url: https://a.example\r\n# end\r\n";

        String patched = YamlMappingPatch.of(text, CASES).set("caBundle", "ca.pem").setList("pins", List.of("p1", "p2"))
                .text();

        assertThat(patched).isEqualTo("profiles:\r\n  prod:\r\n    caseApi:\r\n      url: https://a.example\r\n"
                + "      caBundle: ca.pem\r\n      pins:\r\n        - p1\r\n        - p2\r\n# end\r\n");
        assertThat(YamlMappingPatch.of(patched, CASES).remove("pins").remove("caBundle").text()).isEqualTo(text);
    }

    @Test
    void aBlockListAtTheEndOfAFileWithoutAFinalNewlineStaysWithoutOne() {
        String text = "profiles:\r\n  prod:\r\n    caseApi:\r\n      pins:\r\n      - a  # old\r\n      - b  # kept";

        assertThat(YamlMappingPatch.of(text, CASES).setList("pins", List.of("b", "c #1")).text())
                .isEqualTo("profiles:\r\n  prod:\r\n    caseApi:\r\n      pins:\r\n      - b  # kept\r\n      - 'c #1'");
    }

    @Test
    void aKeyAddedAtTheEndOfAFileWithoutAFinalNewlineGetsALineOfItsOwn() {
        String text = "profiles:\n  prod:\n    caseApi:\n      url: https://a.example  # last";

        assertThat(YamlMappingPatch.of(text, CASES).set("caBundle", "ca.pem").text())
                .isEqualTo(text + "\n      caBundle: ca.pem\n");
    }

    @Test
    void aKeyAddedAfterANestedSectionGoesBelowItsLastLineAtTheConnectionsIndent() {
        String text = """
                profiles:
                  prod:
                    caseApi:
                      url: https://a.example
                      clientCertificate:
                        token: desk
                        key: client-key   # on the card
                      # more below
                    prometheus: {url: http://127.0.0.1:9090}
                """;

        assertThat(YamlMappingPatch.of(text, CASES).setList("pins", List.of("p1")).text()).isEqualTo("""
                profiles:
                  prod:
                    caseApi:
                      url: https://a.example
                      clientCertificate:
                        token: desk
                        key: client-key   # on the card
                      pins:
                        - p1
                      # more below
                    prometheus: {url: http://127.0.0.1:9090}
                """);
    }

    @Test
    void anEmptyValueIsFilledInAfterItsColon() {
        String text = "profiles:\n  prod:\n    caseApi:\n      url: https://a.example\n      caBundle:\n      pins:\n";

        assertThat(YamlMappingPatch.of(text, CASES).set("caBundle", "ca.pem").setList("pins", List.of("p1")).text())
                .isEqualTo("profiles:\n  prod:\n    caseApi:\n      url: https://a.example\n      caBundle: ca.pem\n"
                        + "      pins: [p1]\n");
    }

    @Test
    void aBlockScalarBecomesOneLineAndTheNextKeyStaysOnItsOwnLine() {
        String text = "profiles:\n  prod:\n    caseApi:\n      url: |\n        https://a.example\n      key: k\n";

        assertThat(YamlMappingPatch.of(text, CASES).set("url", "https://b.example").text())
                .isEqualTo("profiles:\n  prod:\n    caseApi:\n      url: https://b.example\n      key: k\n");
    }

    @Test
    void quotesFollowTheOperatorsQuotesAndTheValuesNeeds() {
        String text = "profiles:\n  prod:\n    caseApi:\n      url: \"https://a.example\"\n      caBundle: 'a.pem'\n";

        String patched = YamlMappingPatch.of(text, CASES).set("url", "https://b.example/#x")
                .set("caBundle", "it's.pem").setList("pins", List.of("a #b", "c: d", "123", "plain")).text();

        assertThat(patched).isEqualTo("profiles:\n  prod:\n    caseApi:\n      url: \"https://b.example/#x\"\n"
                + "      caBundle: 'it''s.pem'\n      pins:\n        - 'a #b'\n        - 'c: d'\n        - '123'\n"
                + "        - plain\n");
        assertThat(new org.yaml.snakeyaml.Yaml().<Object>load(patched)).hasToString(
                "{profiles={prod={caseApi={url=https://b.example/#x, caBundle=it's.pem, pins=[a #b, c: d, 123, plain]}}}}");
    }

    @Test
    void removingTheFirstKeyOfAFlowMappingTakesItsCommaAlong() {
        String text = "profiles: {prod: {caseApi: {pins: [a], url: https://a.example}}}\n";

        assertThat(YamlMappingPatch.of(text, CASES).remove("pins").text())
                .isEqualTo("profiles: {prod: {caseApi: {url: https://a.example}}}\n");
    }

    @Test
    void aSectionReachedThroughAnAliasOrMissingIsRefused() {
        String aliased = "base: &b {url: https://a.example}\nprofiles:\n  prod:\n    caseApi: *b\n";
        assertThatThrownBy(() -> YamlMappingPatch.of(aliased, CASES)).isInstanceOf(GatehouseException.class)
                .hasMessageContaining("alias").hasMessageContaining("by hand");
        assertThatThrownBy(() -> YamlMappingPatch.of("profiles:\n  test: {}\n", CASES))
                .isInstanceOf(GatehouseException.class).hasMessage(
                        "The configuration file has no 'profiles.prod.caseApi' section to change.");
    }
}
