package io.gatehouse.views.executive;

import io.gatehouse.data.roi.Amount;
import io.gatehouse.views.common.MoneyFormat;
import java.util.Locale;

/** The expected text of an amount, worked out independently of the deck: the JDK's format, Indian digits regrouped. */
final class SlideFormatsAccess {
    private SlideFormatsAccess() {
    }

    static String money(Amount amount, Locale locale) {
        String text = MoneyFormat.format(amount.scaled(), amount.currency(), locale);
        return "IN".equals(locale.getCountry()) ? IndianGrouping.apply(text) : text;
    }
}
