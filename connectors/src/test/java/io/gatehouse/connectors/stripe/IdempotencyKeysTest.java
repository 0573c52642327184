package io.gatehouse.connectors.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keys are the same for every retry of a step, differ between steps and stay within Stripe's 255 characters. */
class IdempotencyKeysTest {
    @Test
    void aStepOfADecisionAlwaysHasTheSameKey() {
        String decision = "6f1c2a0e-6c1b-4d55-9a51-0f3c2f1d7b10";
        assertThat(IdempotencyKeys.derive(decision, "refund")).isEqualTo("gatehouse-" + decision + "-refund")
                .isEqualTo(IdempotencyKeys.derive(decision, "refund"))
                .isNotEqualTo(IdempotencyKeys.derive(decision, "cancel"));
        String allowCard = IdempotencyKeys.valueStep("allow", "rsl_1", "Xt5EWLLDS7FJjR1c");
        assertThat(allowCard).isEqualTo(IdempotencyKeys.valueStep("allow", "rsl_1", "Xt5EWLLDS7FJjR1c"))
                .isNotEqualTo(IdempotencyKeys.valueStep("allow", "rsl_1", "other"))
                .isNotEqualTo(IdempotencyKeys.valueStep("block", "rsl_1", "Xt5EWLLDS7FJjR1c"))
                .doesNotContain("Xt5EWLLDS7FJjR1c");
    }

    @Test
    void longOrNonAsciiDecisionKeysAreHashedStably() {
        String longKey = "k".repeat(400);
        String hashed = IdempotencyKeys.derive(longKey, "approve");
        assertThat(hashed).hasSizeLessThanOrEqualTo(IdempotencyKeys.MAX_LENGTH).startsWith("gatehouse-")
                .isEqualTo(IdempotencyKeys.derive(longKey, "approve"))
                .isNotEqualTo(IdempotencyKeys.derive(longKey, "refund"));
        assertThat(IdempotencyKeys.derive("entscheidung-ä", "approve")).matches("[\\x21-\\x7e]+");
    }
}
