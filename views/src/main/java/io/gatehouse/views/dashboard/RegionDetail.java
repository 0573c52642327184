package io.gatehouse.views.dashboard;

import io.gatehouse.data.incidents.Alert;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.RegionCountries;
import io.gatehouse.views.common.TimeFormat;
import io.gatehouse.views.incidents.AlertText;
import java.util.List;
import java.util.OptionalDouble;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A region in detail: its payment rails and currencies, its top decline reasons and its live attack
 * indicators with what to do about each. Rebuilt whole on each refresh while shown: it holds a few
 * dozen labels, far below a frame's budget.
 */
public final class RegionDetail {
    private final I18n i18n;
    private final TimeFormat time;
    private final KpiFormat format;
    private final AlertText alertText;
    private final VBox root = new VBox(12);
    private final Label title = new Label();
    private final Button back;
    private final GridPane cards = new GridPane();

    public RegionDetail(I18n i18n, TimeFormat time, Runnable onBack) {
        this.i18n = i18n;
        this.time = time;
        this.format = new KpiFormat(i18n);
        this.alertText = new AlertText(i18n);
        back = new Button(i18n.get("dashboard.detail.back"), new FontIcon(Material2AL.ARROW_BACK));
        back.setOnAction(e -> onBack.run());
        back.getStyleClass().add("dashboard-back");
        title.getStyleClass().add("dashboard-detail-title");
        HBox header = new HBox(12, back, title);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        cards.setHgap(12);
        cards.setVgap(12);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            cards.getColumnConstraints().add(c);
        }
        root.getStyleClass().add("dashboard-detail");
        title.setMnemonicParsing(false);
        root.getChildren().addAll(header, cards);
    }

    public Node node() {
        return root;
    }

    /** Focuses the way back, so Enter or Space returns to the world view at once. */
    public void focus() {
        back.requestFocus();
    }

    /** Shows {@code row}, or says the region has no data in the last refresh. */
    public void show(String region, java.util.Optional<RegionRow> row) {
        cards.getChildren().clear();
        if (row.isEmpty()) {
            title.setText(region);
            cards.add(card("dashboard.detail.rails", List.of(muted(i18n.get("dashboard.detail.noRegionData")))), 0, 0, 2, 1);
            return;
        }
        RegionRow r = row.get();
        title.setText(i18n.get("dashboard.detail.title", r.region(), RiskLook.name(i18n, r.risk())));
        title.getStyleClass().removeIf(c -> c.startsWith("risk-"));
        title.getStyleClass().add(RiskLook.styleClass(r.risk()));
        cards.add(card("dashboard.detail.rails", railsAndCurrencies(r)), 0, 0);
        cards.add(card("dashboard.detail.reasons", reasons(r)), 1, 0);
        cards.add(card("dashboard.detail.indicators", indicators(r)), 0, 1, 2, 1);
    }

    private List<Node> railsAndCurrencies(RegionRow r) {
        VBox lines = new VBox(3);
        double total = r.rails().stream().mapToDouble(Breakdown::value).sum();
        if (r.rails().isEmpty()) {
            lines.getChildren().add(muted(i18n.get("dashboard.detail.noRails")));
        }
        for (Breakdown rail : r.rails()) {
            lines.getChildren().add(new Label(i18n.get("dashboard.detail.rail", format.rail(rail.name()),
                    format.value(Kpi.CHECKOUT_ATTEMPTS_PER_MIN, OptionalDouble.of(rail.value())),
                    format.share(total > 0 ? rail.value() / total : 0))));
        }
        List<String> countries = RegionCountries.of(r.region());
        List<String> currencies = RegionCountries.currencies(r.region());
        Label markets = new Label(countries.isEmpty() ? i18n.get("dashboard.detail.noMarkets")
                : i18n.get("dashboard.detail.markets", String.join(", ", countries), String.join(", ", currencies)));
        markets.setWrapText(true);
        markets.getStyleClass().add("dashboard-markets");
        return List.of(lines, markets);
    }

    private List<Node> reasons(RegionRow r) {
        if (r.declineReasons().isEmpty()) {
            return List.of(muted(i18n.get("dashboard.detail.noDeclines")));
        }
        VBox lines = new VBox(3);
        r.declineReasons().stream().limit(6).forEach(b -> lines.getChildren().add(new Label(i18n.get(
                "dashboard.detail.reason", format.reason(b.name()),
                format.value(Kpi.DECLINE_RATE_BY_REASON, OptionalDouble.of(b.value()))))));
        return List.of(lines, muted(i18n.get("dashboard.detail.reasonsNote")));
    }

    private List<Node> indicators(RegionRow r) {
        if (r.indicators().isEmpty()) {
            Label calm = new Label(i18n.get("dashboard.detail.noIndicators"), new FontIcon(Material2AL.CHECK_CIRCLE));
            calm.getStyleClass().add("health-up");
            return List.of(calm);
        }
        VBox list = new VBox(10);
        for (AttackIndicator indicator : r.indicators()) {
            Alert a = indicator.alert();
            Label what = new Label(i18n.get("dashboard.detail.indicator", alertText.type(a.type()),
                    alertText.signal(a.signal()), alertText.value(a.signal(), a.observed()),
                    alertText.value(a.signal(), a.expected())), new FontIcon(Material2MZ.WARNING));
            what.getStyleClass().addAll("dashboard-indicator", a.state() == io.gatehouse.data.incidents.AlertState.OPEN
                    ? "risk-high" : "risk-elevated");
            what.setWrapText(true);
            Label when = muted(i18n.get("dashboard.detail.indicatorSince", time.shortDateTime(a.since()),
                    alertText.confidence(a.confidence()), alertText.state(a)));
            VBox steps = new VBox(2);
            steps.getChildren().add(new Label(i18n.get("dashboard.detail.whatToDo")));
            for (String step : indicator.steps()) {
                Label s = new Label(step); // the runbook numbers its own steps
                s.setWrapText(true);
                steps.getChildren().add(s);
            }
            steps.getStyleClass().add("dashboard-steps");
            list.getChildren().add(new VBox(2, what, when, steps));
        }
        return List.of(list);
    }

    private VBox card(String titleKey, List<Node> content) {
        Label heading = new Label(i18n.get(titleKey));
        heading.getStyleClass().add("dashboard-section");
        VBox card = new VBox(6, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().add("dashboard-card");
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("dashboard-hint");
        l.setWrapText(true);
        return l;
    }
}
