package io.gatehouse.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class AppIconsUiTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void anInWindowSizeIsDecodedOnceAndSharedAfterwards() {
        Image first = AppIcons.of(128);

        assertThat(first.isError()).isFalse();
        assertThat(first.getWidth()).isEqualTo(128);
        assertThat(AppIcons.of(128)).isSameAs(first);
        assertThat(AppIcons.of(32).getWidth()).isEqualTo(32);
    }

    @Test
    void theWindowGetsEverySizeSmallestFirst() {
        assertThat(AppIcons.all()).extracting(Image::getWidth)
                .containsExactly(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0, 512.0);
    }
}
