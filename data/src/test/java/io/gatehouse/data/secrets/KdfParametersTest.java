package io.gatehouse.data.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KdfParametersTest {

    @Test
    void defaultIsRfc9106SecondOptionWithOneLane() {
        assertThat(KdfParameters.DEFAULT).isEqualTo(new KdfParameters(65536, 3, 1, 16));
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThatThrownBy(() -> new KdfParameters(4, 1, 1, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParameters(KdfParameters.MAX_MEMORY_KIB + 1, 1, 1, 16))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParameters(1024, 0, 1, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParameters(1024, 1, 0, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParameters(1024, 1, 1, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
