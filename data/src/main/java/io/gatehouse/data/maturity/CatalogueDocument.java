package io.gatehouse.data.maturity;

/** The content of a catalogue file: its format, version and the catalogue. */
public record CatalogueDocument(String format, int version, Catalogue catalogue) {
    public static final String FORMAT = "gatehouse-catalogue";
    public static final int VERSION = 1;

    public static CatalogueDocument of(Catalogue catalogue) {
        return new CatalogueDocument(FORMAT, VERSION, catalogue);
    }
}
