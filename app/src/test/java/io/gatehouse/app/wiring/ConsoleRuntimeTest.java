package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ConsoleRuntimeTest {
    @Test
    void theFraudQueueCheckUsesTheCaseListWhateverTheConfiguredPrefix() {
        assertThat(ConsoleRuntime.caseListUrl(URI.create("https://cases.example.com/v1")))
                .hasToString("https://cases.example.com/v1/cases?limit=1");
        assertThat(ConsoleRuntime.caseListUrl(URI.create("https://cases.example.com/v1/")))
                .hasToString("https://cases.example.com/v1/cases?limit=1");
        assertThat(ConsoleRuntime.caseListUrl(URI.create("https://shop.example.com/fraud")))
                .hasToString("https://shop.example.com/fraud/v1/cases?limit=1");
    }
}
