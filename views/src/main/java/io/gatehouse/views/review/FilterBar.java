package io.gatehouse.views.review;

import io.gatehouse.views.common.I18n;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The queue's filters. Choices apply at once; typed fields apply on Enter or when focus leaves them,
 * so the queue is not read again on every key. A value that does not parse is marked and not applied.
 *
 * <p>The fixed lists are choice boxes rather than combo boxes: a combo box keeps a list view with its own scroll
 * machinery in the scene for its pop-up, and the bar's five of them made up a fifth of the desk's first frame.
 */
final class FilterBar {
    static final List<String> REGIONS = List.of("north_america", "eu", "uk", "india", "japan_korea", "brazil_latam");
    static final List<String> RAILS = List.of("card", "wallet", "bank_transfer", "upi", "pix", "konbini");
    private static final String ANY = "";

    private final ReviewDeskViewModel viewModel;
    private final I18n i18n;
    final ChoiceBox<StatusChoice> status = new ChoiceBox<>();
    final ChoiceBox<String> region = new ChoiceBox<>();
    final ChoiceBox<String> rail = new ChoiceBox<>();
    final TextField currency = field("currencyFilter", 56);
    final TextField minAmount = field("minAmountFilter", 68);
    final TextField maxAmount = field("maxAmountFilter", 68);
    final TextField minRisk = field("minRiskFilter", 64);
    final ChoiceBox<AgeChoice> age = new ChoiceBox<>();
    final TextField rule = field("ruleFilter", 110);
    final TextField assignee = field("assigneeFilter", 90);
    final ChoiceBox<DeliveryChoice> delivery = new ChoiceBox<>();
    final ToggleButton mine = new ToggleButton();
    private boolean showing;

    FilterBar(ReviewDeskViewModel viewModel, I18n i18n) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        status.setId("statusFilter");
        region.setId("regionFilter");
        rail.setId("railFilter");
        age.setId("ageFilter");
        delivery.setId("deliveryFilter");
        mine.setId("mineToggle");
        status.setPrefWidth(150);
        region.setPrefWidth(130);
        rail.setPrefWidth(120);
        age.setPrefWidth(140);
        delivery.setPrefWidth(140);
        for (ChoiceBox<?> box : List.of(status, region, rail, age, delivery)) {
            // a choice box left to compute its minimum width styles its whole pop-up menu to measure it, which
            // was about a tenth of the console's first frame; the pop-up is styled when it first opens instead
            box.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.getItems().setAll(StatusChoice.values());
        named(status, this::statusName);
        region.getItems().setAll(ANY);
        region.getItems().addAll(REGIONS);
        named(region, v -> v.isEmpty() ? i18n.get("review.filter.any") : v);
        rail.getItems().setAll(ANY);
        rail.getItems().addAll(RAILS);
        named(rail, v -> v.isEmpty() ? i18n.get("review.filter.any") : v);
        age.getItems().setAll(AgeChoice.values());
        named(age, this::ageName);
        delivery.getItems().setAll(DeliveryChoice.values());
        named(delivery, this::deliveryName);
        currency.setPromptText(i18n.get("review.filter.currencyPrompt"));
        minAmount.setPromptText(i18n.get("review.filter.min"));
        maxAmount.setPromptText(i18n.get("review.filter.max"));
        minAmount.disableProperty().bind(currency.textProperty().isEmpty());
        maxAmount.disableProperty().bind(currency.textProperty().isEmpty());
        Tooltip amountHint = new Tooltip(i18n.get("review.filter.amountHint"));
        minAmount.setTooltip(amountHint);
        maxAmount.setTooltip(amountHint);
        currency.setTooltip(amountHint);
        minRisk.setPromptText("0–100");
        rule.setPromptText(i18n.get("review.filter.rulePrompt"));
        assignee.setPromptText(i18n.get("review.filter.assigneePrompt"));
        mine.setText(i18n.get("review.filter.mine"));
        mine.setGraphic(new FontIcon(Material2AL.ACCOUNT_CIRCLE));
        mine.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip localHint = new Tooltip(i18n.get("review.filter.localHint"));
        age.setTooltip(localHint);
        delivery.setTooltip(localHint);

        show(viewModel.filterProperty().get());
        viewModel.filterProperty().addListener((obs, before, now) -> show(now));
        for (ChoiceBox<?> box : List.of(status, region, rail, age, delivery)) {
            box.valueProperty().addListener((obs, before, now) -> apply());
        }
        mine.selectedProperty().addListener((obs, before, now) -> apply());
        for (TextField text : List.of(currency, minAmount, maxAmount, minRisk, rule, assignee)) {
            text.setOnAction(e -> apply());
            text.focusedProperty().addListener((obs, before, now) -> {
                if (!now) {
                    apply();
                }
            });
        }
    }

    /** The controls with their labels, in reading order, for the bar's flow pane. */
    List<Node> nodes() {
        return List.of(labelled("review.filter.status", status), labelled("review.filter.region", region),
                labelled("review.filter.rail", rail),
                labelled("review.filter.amount", new HBox(4, currency, minAmount, new Label("–"), maxAmount)),
                labelled("review.filter.minRisk", minRisk), labelled("review.filter.age", age),
                labelled("review.filter.rule", rule), labelled("review.filter.assignee", assignee),
                labelled("review.filter.delivery", delivery), mine);
    }

    private Node labelled(String key, Node control) {
        Label label = new Label(i18n.get(key));
        label.setLabelFor(control);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox box = new HBox(6, label, control);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private void show(QueueFilter filter) {
        showing = true;
        try {
            status.setValue(filter.status());
            region.setValue(filter.region() == null ? ANY : filter.region());
            rail.setValue(filter.rail() == null ? ANY : filter.rail());
            currency.setText(text(filter.currency()));
            minAmount.setText(filter.minAmount() == null ? "" : filter.minAmount().toPlainString());
            maxAmount.setText(filter.maxAmount() == null ? "" : filter.maxAmount().toPlainString());
            minRisk.setText(filter.minRisk() == null ? "" : filter.minRisk().toString());
            rule.setText(text(filter.rule()));
            assignee.setText(text(filter.assignee()));
            age.setValue(filter.age());
            delivery.setValue(filter.delivery());
            mine.setSelected(filter.mine());
            List.of(currency, minAmount, maxAmount, minRisk).forEach(f -> f.getStyleClass().remove("invalid"));
        } finally {
            showing = false;
        }
    }

    private void apply() {
        if (showing) {
            return;
        }
        String cur = currency.getText().strip();
        boolean curOk = cur.isEmpty() || cur.matches("[A-Za-z]{3}");
        BigDecimal min = decimal(minAmount);
        BigDecimal max = decimal(maxAmount);
        Integer risk = risk(minRisk);
        mark(currency, curOk);
        if (!curOk || min == BAD || max == BAD || risk == BAD_RISK) {
            return;
        }
        QueueFilter current = viewModel.filterProperty().get();
        QueueFilter next = new QueueFilter(status.getValue(), region.getValue(), rail.getValue(), cur, min, max, risk,
                current.maxRisk(), rule.getText(), assignee.getText(), mine.isSelected(), age.getValue(),
                delivery.getValue());
        viewModel.filterProperty().set(next);
    }

    private static final BigDecimal BAD = new BigDecimal("-1");
    private static final Integer BAD_RISK = -1;

    private BigDecimal decimal(TextField field) {
        String text = field.getText().strip().replace(',', '.');
        if (text.isEmpty()) {
            mark(field, true);
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            mark(field, value.signum() >= 0);
            return value.signum() >= 0 ? value : BAD;
        } catch (NumberFormatException e) {
            mark(field, false);
            return BAD;
        }
    }

    private Integer risk(TextField field) {
        String text = field.getText().strip();
        if (text.isEmpty()) {
            mark(field, true);
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            boolean ok = value >= 0 && value <= 100;
            mark(field, ok);
            return ok ? value : BAD_RISK;
        } catch (NumberFormatException e) {
            mark(field, false);
            return BAD_RISK;
        }
    }

    private static void mark(TextField field, boolean ok) {
        field.getStyleClass().remove("invalid");
        field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !ok);
        if (!ok) {
            field.getStyleClass().add("invalid");
        }
    }

    private static TextField field(String id, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(4);
        field.setPrefWidth(width);
        return field;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> void named(ChoiceBox<T> box, Function<T, String> name) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
    }

    String statusName(StatusChoice choice) {
        return switch (choice) {
            case REVIEW -> i18n.get("review.status.review");
            case AUTO_DECLINED -> i18n.get("review.status.autoDeclined");
            case DECIDED -> i18n.get("review.status.decided");
            case ALL -> i18n.get("review.status.all");
        };
    }

    private String ageName(AgeChoice choice) {
        return switch (choice) {
            case ANY -> i18n.get("review.filter.any");
            case FIFTEEN_MINUTES -> i18n.get("review.filter.age.quarterHour");
            case ONE_HOUR -> i18n.get("review.filter.age.oneHour");
            case FOUR_HOURS -> i18n.get("review.filter.age.fourHours");
            case ONE_DAY -> i18n.get("review.filter.age.oneDay");
        };
    }

    private String deliveryName(DeliveryChoice choice) {
        return switch (choice) {
            case ANY -> i18n.get("review.filter.any");
            case UNDECIDED -> i18n.get("review.filter.delivery.undecided");
            case IN_FLIGHT -> i18n.get("review.filter.delivery.inFlight");
            case CONFIRMED -> i18n.get("review.filter.delivery.confirmed");
            case PROBLEM -> i18n.get("review.filter.delivery.problem");
        };
    }
}
