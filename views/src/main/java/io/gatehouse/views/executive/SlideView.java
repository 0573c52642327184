package io.gatehouse.views.executive;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * Draws one slide as JavaFX nodes at a fixed 1600 x 900 design size, for the presentation, the
 * area's preview and the PNG export. Type is large and colours are high-contrast for projectors.
 */
public final class SlideView {
    public static final double WIDTH = 1600;
    public static final double HEIGHT = 900;
    private static final double PAD = 64;

    private SlideView() {
    }

    /** The slide as a node of exactly the design size. */
    public static Region render(Deck deck, int index, boolean dark) {
        SlideFonts.load();
        Slide slide = deck.slides().get(index);
        SlidePalette p = SlidePalette.of(dark);
        VBox body = new VBox(18);
        body.setPadding(new Insets(PAD - 16, PAD, 0, PAD));

        HBox titleRow = new HBox();
        titleRow.setAlignment(Pos.CENTER_LEFT);
        Label title = label(slide.title(), 52, true, p.text());
        title.setId("slideTitle");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        titleRow.getChildren().addAll(title, spring);
        if (deck.simulated()) {
            Label badge = label(deck.watermark(), 22, true, Color.web("#1b1f24"));
            badge.setPadding(new Insets(6, 14, 6, 14));
            badge.setBackground(new Background(new BackgroundFill(Color.web("#ffcf5c"), new javafx.scene.layout.CornerRadii(6), null)));
            titleRow.getChildren().add(badge);
        }
        body.getChildren().add(titleRow);

        if (!slide.figures().isEmpty()) {
            HBox figures = new HBox(24);
            for (KeyFigure f : slide.figures()) {
                figures.getChildren().add(figure(f, p));
            }
            figures.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
            body.getChildren().add(figures);
        }
        boolean crowded = slide.table().map(t -> t.rows().size() > 8).orElse(false);
        for (String paragraph : slide.paragraphs()) {
            double size = crowded ? 20 : slide.table().isPresent() || slide.figure().isPresent() ? 24 : 30;
            Label text = label(paragraph, size, false, p.text());
            text.setWrapText(true);
            text.setMinWidth(0);
            text.setPrefWidth(WIDTH - 2 * PAD);
            text.setMaxWidth(WIDTH - 2 * PAD);
            text.setMinHeight(Region.USE_PREF_SIZE);
            body.getChildren().add(text);
        }

        HBox content = new HBox(32);
        VBox.setVgrow(content, Priority.ALWAYS);
        double contentWidth = WIDTH - 2 * PAD;
        boolean both = slide.figure().isPresent() && slide.table().isPresent();
        if (slide.figure().isPresent()) {
            SlideFigure figure = slide.figure().get();
            boolean map = figure instanceof SlideFigure.WorldMap;
            boolean radar = figure instanceof SlideFigure.Radar;
            double w = both ? contentWidth * (map ? 0.52 : radar ? 0.34 : 0.30) : contentWidth;
            double h = map ? 560 : radar ? 460 : 380;
            content.getChildren().add(FigureNodes.of(slide.figure().get(), p, w, h));
        }
        if (slide.table().isPresent()) {
            Node table = table(slide.table().get(), p);
            HBox.setHgrow(table, Priority.ALWAYS);
            content.getChildren().add(table);
        }
        body.getChildren().add(content);

        BorderPane page = new BorderPane(body);
        page.setTop(new Rectangle(WIDTH, 10, p.accent()));
        page.setBottom(footer(deck, index, p));
        page.setBackground(new Background(new BackgroundFill(p.background(), null, null)));
        page.setMinSize(WIDTH, HEIGHT);
        page.setPrefSize(WIDTH, HEIGHT);
        page.setMaxSize(WIDTH, HEIGHT);
        page.getStyleClass().add("executive-slide");
        return page;
    }

    private static Node figure(KeyFigure f, SlidePalette p) {
        Label label = label(f.label(), 24, false, p.muted());
        int length = f.value().length();
        Label value = label(f.value(), length > 16 ? 36 : length > 11 ? 44 : 60, true, p.tone(f.tone()));
        Label caption = label(f.caption(), 20, false, p.muted());
        caption.setWrapText(true);
        caption.setMinWidth(0);
        VBox box = new VBox(4, label, value, caption);
        box.setPadding(new Insets(14, 20, 16, 24));
        box.setBackground(new Background(new BackgroundFill(p.band(), null, null)));
        box.setBorder(new javafx.scene.layout.Border(new javafx.scene.layout.BorderStroke(p.tone(f.tone()), p.tone(f.tone()),
                p.tone(f.tone()), p.tone(f.tone()), javafx.scene.layout.BorderStrokeStyle.NONE,
                javafx.scene.layout.BorderStrokeStyle.NONE, javafx.scene.layout.BorderStrokeStyle.NONE,
                javafx.scene.layout.BorderStrokeStyle.SOLID, null, new javafx.scene.layout.BorderWidths(0, 0, 0, 8), null)));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static Node table(SlideTable table, SlidePalette p) {
        int rows = table.rows().size();
        double size = rows > 8 ? 18 : rows > 5 || table.headers().size() > 6 ? 21 : 24;
        GridPane grid = new GridPane();
        grid.setHgap(0);
        grid.setVgap(0);
        for (int c = 0; c < table.headers().size(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(table.numeric().get(c) ? HPos.RIGHT : HPos.LEFT);
            cc.setHgrow(c == 0 ? Priority.SOMETIMES : Priority.NEVER);
            grid.getColumnConstraints().add(cc);
            grid.add(cell(table.headers().get(c), size, true, p.text(), p.band(), table.numeric().get(c)), c, 0);
        }
        for (int r = 0; r < rows; r++) {
            List<String> row = table.rows().get(r);
            Tone tone = table.rowTones().get(r);
            for (int c = 0; c < row.size(); c++) {
                Color colour = c == 0 && tone != Tone.NEUTRAL ? p.tone(tone) : p.text();
                Label cell = cell(row.get(c), size, c == 0 && tone != Tone.NEUTRAL, colour, null, table.numeric().get(c));
                cell.setBorder(new javafx.scene.layout.Border(new javafx.scene.layout.BorderStroke(p.rule(),
                        javafx.scene.layout.BorderStrokeStyle.SOLID, null, new javafx.scene.layout.BorderWidths(0, 0, 1, 0))));
                grid.add(cell, c, r + 1);
            }
        }
        return grid;
    }

    private static Label cell(String text, double size, boolean bold, Color colour, Color fill, boolean numeric) {
        Label l = label(text, size, bold, colour);
        l.setPadding(new Insets(size * 0.3, 12, size * 0.3, 12));
        l.setMaxWidth(Double.MAX_VALUE);
        // a text column may give way to the slide's width; its text then ends in an ellipsis rather than leaving
        // the slide. Numbers never shrink: a cut amount would mislead.
        if (!numeric) {
            l.setMinWidth(0);
        }
        l.setAlignment(numeric ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        if (fill != null) {
            l.setBackground(new Background(new BackgroundFill(fill, null, null)));
        }
        return l;
    }

    private static Node footer(Deck deck, int index, SlidePalette p) {
        Label left = label(deck.title() + " · " + deck.footer(), 18, false, p.muted());
        Label right = label((index + 1) + " / " + deck.slides().size(), 18, false, p.muted());
        right.setId("slideNumber");
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox footer = new HBox(left, spring, right);
        footer.setPadding(new Insets(12, PAD, 22, PAD));
        footer.setBorder(new javafx.scene.layout.Border(new javafx.scene.layout.BorderStroke(p.rule(),
                javafx.scene.layout.BorderStrokeStyle.SOLID, null, new javafx.scene.layout.BorderWidths(1, 0, 0, 0))));
        return new StackPane(footer);
    }

    private static Label label(String text, double size, boolean bold, Color colour) {
        Label l = new Label(text);
        l.setStyle(SlideFonts.style(size, bold, colour));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
