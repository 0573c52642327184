package io.gatehouse.data.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The desk's value rules: four-eyes thresholds per currency, money formatting, the decision payload. */
class ReviewRulesTest {
    private final FourEyesPolicy policy = new FourEyesPolicy(Map.of("USD", 50_000L, "JPY", 75_000L));

    @Test
    void onlyReversalsStrictlyAboveTheirCurrencysThresholdNeedASecondPerson() {
        assertThat(policy.needsSecondPerson(DecisionAction.REVERSE_DECLINE, new Money(50_000, "USD"))).isFalse();
        assertThat(policy.needsSecondPerson(DecisionAction.REVERSE_DECLINE, new Money(50_001, "USD"))).isTrue();
        assertThat(policy.needsSecondPerson(DecisionAction.REVERSE_DECLINE, new Money(60_000, "JPY"))).isFalse();
        assertThat(policy.needsSecondPerson(DecisionAction.APPROVE, new Money(9_999_999, "USD"))).isFalse();
        // a currency nobody set a threshold for errs on the side of a second look
        assertThat(policy.needsSecondPerson(DecisionAction.REVERSE_DECLINE, new Money(1, "CHF"))).isTrue();
    }

    @Test
    void moneyUsesTheCurrencysOwnDigits() {
        assertThat(new Money(12_345, "USD").plain()).isEqualTo("123.45");
        assertThat(new Money(8_000, "JPY").plain()).isEqualTo("8000");
        assertThat(new Money(5, "BHD").plain()).isEqualTo("0.005");
        assertThat(new Money(7, "XXZ").plain()).isEqualTo("7");
        assertThatThrownBy(() -> new Money(1, "usd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDecisionPayloadReadsBackAsWritten() {
        DecisionRequest request = new DecisionRequest(DecisionAction.REVERSE_DECLINE, "verified \"by phone\"", "alice",
                List.of(new AllowlistEntry("email", "a@example.com")), new CustomerNotification("sms", null));
        assertThat(DecisionPayload.read(DecisionPayload.write(request))).isEqualTo(request);
        assertThatThrownBy(() -> DecisionPayload.read("{\"action\":\"approve\"} trailing"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownUpstreamValuesAreKept() {
        assertThat(new CaseStatus("quarantined").known()).isFalse();
        assertThat(CaseStatus.REVIEW.known()).isTrue();
        assertThat(new DecisionAction("refer").value()).isEqualTo("refer");
    }
}
