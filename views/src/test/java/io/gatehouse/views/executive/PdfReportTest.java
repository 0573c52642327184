package io.gatehouse.views.executive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.roi.Amount;
import io.gatehouse.data.roi.RoiProgress;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReportTest {
    @Test
    void amountsInEuroRupeeAndWonAreRealTextFormattedForTheirLocale() throws IOException {
        assertMoneyInPdf("EUR", Language.GERMAN, Locale.GERMANY);
        assertMoneyInPdf("INR", Language.ENGLISH, Locale.forLanguageTag("en-IN"));
        assertMoneyInPdf("KRW", Language.ENGLISH, Locale.KOREA);
    }

    private static void assertMoneyInPdf(String currency, Language language, Locale moneyLocale) throws IOException {
        ExecutiveFacts facts = ExecutiveFixtures.facts(currency, false);
        byte[] pdf = pdf(new DeckBuilder(new I18n(language), ZoneOffset.UTC).build(facts));

        String text = normalise(extract(pdf));

        RoiProgress fraud = facts.roi().get(1);
        String baseline = SlideFormatsAccess.money(fraud.baseline(), moneyLocale);
        assertThat(text).contains(normalise(baseline));
        Amount losses = fraud.lossesToDate().orElseThrow();
        assertThat(text).contains(normalise(SlideFormatsAccess.money(losses, moneyLocale)));
        String symbol = switch (currency) {
            case "EUR" -> "€";
            case "INR" -> "₹";
            default -> "₩";
        };
        assertThat(baseline).contains(symbol);
        assertThat(text).contains(symbol);
    }

    @Test
    void theKnownFormatsOfEachLocaleAppear() throws IOException {
        // hand-written from the reference rates: 2.2 M USD at 0.92 EUR, 83.5 INR and 1380 KRW per dollar
        assertThat(normalise(extract(pdf(deck("EUR", Language.GERMAN, false))))).contains("2.024.000,00 €");
        assertThat(normalise(extract(pdf(deck("INR", Language.ENGLISH, false))))).contains("₹18,37,00,000.00");
        assertThat(normalise(extract(pdf(deck("KRW", Language.ENGLISH, false))))).contains("₩3,036,000,000");
    }

    @Test
    void everySlideIsAPageWithItsTitleAndTheFontsAreEmbedded() throws IOException {
        Deck deck = deck("USD", Language.ENGLISH, false);
        byte[] pdf = pdf(deck);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(7);
            for (int i = 0; i < 7; i++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                assertThat(stripper.getText(doc)).contains(deck.slides().get(i).title());
            }
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSans");
                }
            }
        }
        assertThat(extract(pdf)).doesNotContain("SIMULATED DATA");
    }

    @Test
    void simulatedDataCarriesTheWatermarkOnEveryPage() throws IOException {
        byte[] pdf = pdf(deck("USD", Language.ENGLISH, true));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                assertThat(stripper.getText(doc)).as("page %d", i).contains("SIMULATED DATA");
            }
        }
        assertThat(extract(pdf(deck("USD", Language.GERMAN, true)))).contains("SIMULIERTE DATEN");
    }

    @Test
    void cancellingStopsBeforeTheNextPage() {
        int[] pages = {0};
        assertThatThrownBy(() -> PdfReport.write(deck("USD", Language.ENGLISH, false), Map.of(), new ByteArrayOutputStream(),
                () -> pages[0] >= 2, page -> pages[0] = page)).isInstanceOf(CancellationException.class);
        assertThat(pages[0]).isEqualTo(2);
    }

    static Deck deck(String currency, Language language, boolean simulated) {
        return new DeckBuilder(new I18n(language), ZoneOffset.UTC).build(ExecutiveFixtures.facts(currency, simulated));
    }

    static byte[] pdf(Deck deck) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(deck, Map.of(), out, () -> false, page -> { });
        return out.toByteArray();
    }

    static String extract(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** No-break and narrow no-break spaces, which some locales put between number and symbol, read as spaces. */
    private static String normalise(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
