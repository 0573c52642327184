package io.gatehouse.views.review;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.ReviewCase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the analyst filters the queue by. Most fields go upstream in the {@link CaseFilter};
 * age and delivery state are applied here, on the rows read, since the desk's listing cannot filter
 * on them. Amounts are in major units of {@code currency} and only apply when one is chosen.
 */
public record QueueFilter(StatusChoice status, String region, String rail, String currency, BigDecimal minAmount,
        BigDecimal maxAmount, Integer minRisk, Integer maxRisk, String rule, String assignee, boolean mine,
        AgeChoice age, DeliveryChoice delivery) {

    public QueueFilter {
        status = status == null ? StatusChoice.REVIEW : status;
        region = blankToNull(region);
        rail = blankToNull(rail);
        currency = blankToNull(currency) == null ? null : currency.strip().toUpperCase(Locale.ROOT);
        rule = blankToNull(rule);
        assignee = blankToNull(assignee);
        age = age == null ? AgeChoice.ANY : age;
        delivery = delivery == null ? DeliveryChoice.ANY : delivery;
        if (minRisk != null && (minRisk < 0 || minRisk > 100) || maxRisk != null && (maxRisk < 0 || maxRisk > 100)) {
            throw new IllegalArgumentException("risk is a score from 0 to 100");
        }
        if (minAmount != null && minAmount.signum() < 0 || maxAmount != null && maxAmount.signum() < 0) {
            throw new IllegalArgumentException("amounts are 0 or more");
        }
    }

    /** Cases in review, nothing else filtered. */
    public static QueueFilter inReview() {
        return new QueueFilter(StatusChoice.REVIEW, null, null, null, null, null, null, null, null, null, false,
                AgeChoice.ANY, DeliveryChoice.ANY);
    }

    /** The upstream filter; "my cases" asks for the operator's own live claims. */
    CaseFilter toCaseFilter(String operatorId, int limit) {
        Long min = null;
        Long max = null;
        if (currency != null && currency.matches("[A-Z]{3}")) {
            int digits = new Money(0, currency).fractionDigits();
            min = minAmount == null ? null : minAmount.movePointRight(digits).longValue();
            max = maxAmount == null ? null : maxAmount.movePointRight(digits).longValue();
        }
        String who = mine ? operatorId : assignee;
        return new CaseFilter(status.status(), region, rail, currency, null, minRisk, maxRisk, min, max, rule, who, limit);
    }

    /** The part applied on the rows read: age on the injected clock, and delivery state. */
    boolean acceptsLocally(ReviewCase c, RowDelivery rowDelivery, Instant now) {
        if (age.atLeast() != null) {
            if (c.created() == null || Duration.between(c.created(), now).compareTo(age.atLeast()) < 0) {
                return false;
            }
        }
        return delivery.accepts(rowDelivery);
    }

    /** True when some rows read may be hidden here, so a short page does not mean the end. */
    boolean filtersLocally() {
        return age != AgeChoice.ANY || delivery != DeliveryChoice.ANY;
    }

    public QueueFilter withStatus(StatusChoice newStatus) {
        return new QueueFilter(newStatus, region, rail, currency, minAmount, maxAmount, minRisk, maxRisk, rule, assignee,
                mine, age, delivery);
    }

    public QueueFilter withMine(boolean newMine) {
        return new QueueFilter(status, region, rail, currency, minAmount, maxAmount, minRisk, maxRisk, rule, assignee,
                newMine, age, delivery);
    }

    public QueueFilter withAge(AgeChoice newAge) {
        return new QueueFilter(status, region, rail, currency, minAmount, maxAmount, minRisk, maxRisk, rule, assignee,
                mine, newAge, delivery);
    }

    public QueueFilter withDelivery(DeliveryChoice newDelivery) {
        return new QueueFilter(status, region, rail, currency, minAmount, maxAmount, minRisk, maxRisk, rule, assignee,
                mine, age, newDelivery);
    }

    /** The filter as named fields, for a saved view; empty fields are left out. */
    Map<String, String> toFields() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("status", status.name());
        put(out, "region", region);
        put(out, "rail", rail);
        put(out, "currency", currency);
        put(out, "minAmount", minAmount == null ? null : minAmount.toPlainString());
        put(out, "maxAmount", maxAmount == null ? null : maxAmount.toPlainString());
        put(out, "minRisk", minRisk == null ? null : minRisk.toString());
        put(out, "maxRisk", maxRisk == null ? null : maxRisk.toString());
        put(out, "rule", rule);
        put(out, "assignee", assignee);
        if (mine) {
            out.put("mine", "true");
        }
        if (age != AgeChoice.ANY) {
            out.put("age", age.name());
        }
        if (delivery != DeliveryChoice.ANY) {
            out.put("delivery", delivery.name());
        }
        return out;
    }

    /** The filter a saved view holds; a field this console does not understand is refused, not guessed. */
    static QueueFilter fromFields(Map<String, String> fields) {
        for (String key : fields.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown filter field '" + key + "'");
            }
        }
        return new QueueFilter(
                fields.containsKey("status") ? StatusChoice.valueOf(fields.get("status")) : StatusChoice.REVIEW,
                fields.get("region"), fields.get("rail"), fields.get("currency"),
                decimal(fields.get("minAmount")), decimal(fields.get("maxAmount")),
                integer(fields.get("minRisk")), integer(fields.get("maxRisk")), fields.get("rule"), fields.get("assignee"),
                "true".equals(fields.get("mine")),
                fields.containsKey("age") ? AgeChoice.valueOf(fields.get("age")) : AgeChoice.ANY,
                fields.containsKey("delivery") ? DeliveryChoice.valueOf(fields.get("delivery")) : DeliveryChoice.ANY);
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("status", "region", "rail", "currency",
            "minAmount", "maxAmount", "minRisk", "maxRisk", "rule", "assignee", "mine", "age", "delivery");

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
