package io.gatehouse.data.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void closeWipesTheArrayAndRefusesFurtherReads() {
        Secret secret = Secret.copyOf("hunter2".toCharArray());
        char[] seen = secret.chars();
        assertThat(new String(seen)).isEqualTo("hunter2");

        secret.close();

        assertThat(seen).containsOnly('\0');
        assertThatThrownBy(secret::chars).isInstanceOf(IllegalStateException.class);
        secret.close();
    }

    @Test
    void copyOfKeepsItsOwnCopy() {
        char[] original = "abc".toCharArray();
        try (Secret secret = Secret.copyOf(original)) {
            java.util.Arrays.fill(original, 'x');
            assertThat(secret.chars()).containsExactly('a', 'b', 'c');
        }
    }

    @Test
    void toStringNeverShowsTheValue() {
        try (Secret secret = Secret.copyOf("planted-Secret-7f3a9c".toCharArray())) {
            assertThat(secret.toString()).isEqualTo("Secret[***]").doesNotContain("planted");
        }
    }
}
