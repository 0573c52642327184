package io.gatehouse.data.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.anomaly.AnomalySettings;
import io.gatehouse.data.anomaly.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyConfigTest {
    @TempDir
    Path tmp;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void sandboxScenariosAreListedByNameAndRegionOrRefused() throws Exception {
        Path file = tmp.resolve("scenarios.yaml");
        Files.writeString(file, ConfigLoaderTest.VALID.replace("speed: 60", "speed: 60\n      scenarios: [card_testing:eu, token_replay]"));
        assertThat(loader.load(file).profiles().get("sandbox").sandbox().scenarios())
                .containsExactly("card_testing:eu", "token_replay");
        Files.writeString(file, ConfigLoaderTest.VALID.replace("speed: 60", "speed: 60\n      scenarios: ['Card Testing']"));
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("a scenario is a name, or name:region");
        assertThat(DefaultConfig.sandbox("dana").activeProfile().sandbox().scenarios()).containsExactly("credential_stuffing");
    }

    private GatehouseConfig load(String extra) throws Exception {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, ConfigLoaderTest.VALID + extra);
        return loader.load(file);
    }

    private ConfigException refusal(String extra) {
        return (ConfigException) assertThatThrownBy(() -> load(extra)).isInstanceOf(ConfigException.class)
                .actual();
    }

    @Test
    void withoutTheSectionTheDefaultsApplyEverywhere() throws Exception {
        GatehouseConfig config = load("");
        assertThat(config.anomalySettings()).isEqualTo(AnomalySettings.standard());
        assertThat(config.anomalySettings().forRegion("eu")).isEqualTo(Thresholds.DEFAULTS);
        assertThat(config.webhookSecret()).isEmpty();
    }

    @Test
    void regionOverridesFillTheirGapsFromTheDefaults() throws Exception {
        GatehouseConfig config = load("""
                anomaly:
                  defaults: {zScore: 7}
                  regions:
                    eu: {minRatio: 3, confirmSamples: 3}
                  webhookSecret: oncall-webhook
                """);
        AnomalySettings s = config.anomalySettings();
        assertThat(s.forRegion("uk").zScore()).isEqualTo(7.0);
        assertThat(s.forRegion("uk").minRatio()).isEqualTo(Thresholds.DEFAULTS.minRatio());
        assertThat(s.forRegion("eu").zScore()).isEqualTo(7.0);
        assertThat(s.forRegion("eu").minRatio()).isEqualTo(3.0);
        assertThat(s.forRegion("eu").confirmSamples()).isEqualTo(3);
        assertThat(config.webhookSecret()).contains("oncall-webhook");
    }

    @Test
    void badValuesAreRefusedWithTheirLine() {
        long base = ConfigLoaderTest.VALID.lines().count();
        ConfigException z = refusal("anomaly:\n  defaults:\n    zScore: 1\n");
        assertThat(z.getMessage()).contains("zScore").contains("between 2 and 50");
        assertThat(z.line()).isEqualTo(base + 3);
        assertThat(refusal("anomaly: {regions: {EU: {zScore: 5}}}\n").getMessage()).contains("region 'EU'");
        assertThat(refusal("anomaly: {defaults: {confirmSamples: 0}}\n").getMessage()).contains("confirmSamples");
        assertThat(refusal("anomaly: {defaults: {zScore: 'high'}}\n").getMessage()).contains("zScore");
        assertThat(refusal("anomaly: {threshold: 5}\n").getMessage()).contains("unknown key 'threshold'");
        assertThat(refusal("anomaly: {webhookSecret: 'https://hooks.example.com/x'}\n").getMessage())
                .contains("must name a secret").doesNotContain("hooks.example.com");
    }
}
