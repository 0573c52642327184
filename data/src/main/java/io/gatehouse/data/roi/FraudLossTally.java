package io.gatehouse.data.roi;

import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.ReviewCase;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Fraud losses measured from the fraud queue: the amounts of chargebacks, and of disputes for fraud,
 * recorded on orders in a period, converted to the reporting currency. Each outcome counts once,
 * however many pages a case appeared on.
 */
public final class FraudLossTally {
    private static final Set<String> LOSS_TYPES = Set.of("chargeback");
    private static final String FRAUD_REASON = "fraud";

    private FraudLossTally() {
    }

    /** Losses from outcomes created in [from, to). Outcomes in a currency without a rate are refused by name. */
    public static Amount between(Collection<ReviewCase> cases, Instant from, Instant to, ExchangeRates rates, Currency target) {
        Amount total = Amount.zero(target);
        Set<String> seen = new java.util.HashSet<>();
        for (ReviewCase c : cases) {
            for (ReviewCase.Outcome o : c.outcomes()) {
                if (o.created().isBefore(from) || !o.created().isBefore(to) || !isLoss(o) || !seen.add(c.id() + "/" + o.id())) {
                    continue;
                }
                total = total.plus(rates.convert(major(o.amount()), target));
            }
        }
        return total;
    }

    /** A chargeback is a loss whatever its reason; a dispute is one when it is about fraud. */
    static boolean isLoss(ReviewCase.Outcome o) {
        String type = o.type() == null ? "" : o.type().toLowerCase(Locale.ROOT);
        String reason = o.reason() == null ? "" : o.reason().toLowerCase(Locale.ROOT);
        return LOSS_TYPES.contains(type) || (type.equals("dispute") && reason.contains(FRAUD_REASON));
    }

    private static Amount major(Money money) {
        return new Amount(java.math.BigDecimal.valueOf(money.minor(), money.fractionDigits()), Currency.getInstance(money.currency()));
    }
}
