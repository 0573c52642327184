package io.gatehouse.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuntimeCheckTest {
    @Test
    void theJdkThatBuildsGatehouseHasEveryModuleItNeeds() {
        assertThat(RuntimeCheck.missingModule()).isEmpty();
    }
}
