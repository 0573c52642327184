package io.gatehouse.views.review;

import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.InSceneWhileVisible;
import io.gatehouse.views.common.MoneyFormat;
import io.gatehouse.views.common.Shortcut;
import io.gatehouse.views.common.TabContent;
import io.gatehouse.views.common.TimeFormat;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.gatehouse.data.review.DeskView;
import java.util.Objects;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Review desk area: the queue, the evidence of the selected case and keyboard triage. */
public final class ReviewDeskController implements AreaController {
    /** Where the queue table keeps its view model, for tools that start from the table (tests, snapshots). */
    public static final String VIEW_MODEL_KEY = "gatehouse.review.viewModel";
    private final ReviewDeskViewModel viewModel;
    private final I18n i18n;
    private final TimeFormat time;
    private final InstantSource clock;

    @FXML private javafx.scene.layout.VBox root;
    @FXML private javafx.scene.control.TabPane tabs;
    @FXML private javafx.scene.control.Tab queueTab;
    @FXML private javafx.scene.control.Tab inboxTab;
    @FXML private HBox queueActions;
    @FXML private FlowPane filterBar;
    @FXML private ComboBox<DeskView> savedViews;
    @FXML private TextField viewName;
    @FXML private Button saveView;
    @FXML private Button deleteView;
    @FXML private javafx.scene.layout.StackPane bulkMenuHolder;
    @FXML private javafx.scene.layout.StackPane bulkBarHolder;
    @FXML private javafx.scene.layout.StackPane sideHolder;
    @FXML private javafx.scene.layout.StackPane inboxHolder;
    @FXML private Button refreshButton;
    @FXML private Button moreButton;
    @FXML private TableView<QueueRow> table;
    @FXML private TableColumn<QueueRow, String> idColumn;
    @FXML private TableColumn<QueueRow, String> statusColumn;
    @FXML private TableColumn<QueueRow, String> regionColumn;
    @FXML private TableColumn<QueueRow, String> railColumn;
    @FXML private TableColumn<QueueRow, String> amountColumn;
    @FXML private TableColumn<QueueRow, ReviewCase.Risk> riskColumn;
    @FXML private TableColumn<QueueRow, String> rulesColumn;
    @FXML private TableColumn<QueueRow, ReviewCase> slaColumn;
    @FXML private TableColumn<QueueRow, String> assigneeColumn;
    @FXML private TableColumn<QueueRow, String> ageColumn;
    @FXML private TableColumn<QueueRow, RowDelivery> deliveryColumn;
    @FXML private FlowPane evidence;
    @FXML private HBox reasonBar;
    @FXML private javafx.scene.layout.StackPane reasonHolder;
    @FXML private TextField reasonField;
    @FXML private Button reasonSend;
    @FXML private Button reasonCancel;
    @FXML private Label reasonProblem;
    @FXML private Label decisionStatus;
    private FilterBar filters;
    private CaseSidePane side;
    private CheckerInboxPane inbox;
    private BulkPane bulk;
    private final javafx.animation.Timeline ticker = new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> tickNow()));
    private boolean syncing;
    private boolean swallowTypedR;

    public ReviewDeskController(ReviewDeskViewModel viewModel, I18n i18n, TimeFormat time, InstantSource clock) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.time = Objects.requireNonNull(time, "time");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @FXML
    private void initialize() {
        filters = new FilterBar(viewModel, i18n);
        filterBar.getChildren().addAll(0, filters.nodes());
        side = new CaseSidePane(viewModel, i18n, time);
        sideHolder.getChildren().setAll(side.root);
        inbox = new CheckerInboxPane(viewModel.inbox(), i18n, time);
        // the checker inbox joins the scene when its tab is first shown, not in the desk's first frame
        TabContent.onFirstSelection(inboxTab, () -> inboxHolder.getChildren().setAll(inbox.root));
        bulk = new BulkPane(viewModel, i18n);
        bulkMenuHolder.getChildren().setAll(bulk.menu);
        InSceneWhileVisible.attach(bulkBarHolder, bulk.bar);
        inboxTab.selectedProperty().addListener((obs, before, now) -> {
            if (now) {
                viewModel.inbox().refresh();
            }
        });
        queueActions.visibleProperty().bind(queueTab.selectedProperty());
        // with one status chosen the column would repeat it on every row: its room goes to the others
        statusColumn.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.filterProperty().get().status() == StatusChoice.ALL, viewModel.filterProperty()));
        installSavedViews();
        installSorting();
        installTicker();
        viewModel.setScrollKeeper(new TableScrollKeeper(table));
        // any key or click in the desk is activity: the analyst's lease stays theirs
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> viewModel.touch());
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> viewModel.touch());

        refreshButton.setGraphic(new FontIcon(Material2MZ.REFRESH));
        refreshButton.setOnAction(e -> viewModel.refresh());
        refreshButton.disableProperty().bind(viewModel.loadingProperty());
        moreButton.setGraphic(new FontIcon(Material2AL.EXPAND_MORE));
        moreButton.setOnAction(e -> viewModel.loadMore());
        moreButton.disableProperty().bind(viewModel.hasMoreProperty().not().or(viewModel.loadingProperty()));
        // the count sits in the tab's title, where it costs no room in the crowded toolbar
        queueTab.textProperty().bind(Bindings.createStringBinding(() -> viewModel.loadedProperty().get()
                ? i18n.get("review.tab.queueCount", i18n.get(viewModel.hasMoreProperty().get() ? "review.count.more"
                        : "review.count.all", viewModel.rows().size()))
                : i18n.get("review.tab.queue"), viewModel.rows(), viewModel.loadedProperty(), viewModel.hasMoreProperty()));

        table.setItems(viewModel.rows());
        table.getProperties().put(VIEW_MODEL_KEY, viewModel);
        table.placeholderProperty().bind(Bindings.createObjectBinding(() -> placeholder(),
                viewModel.loadingProperty(), viewModel.loadedProperty()));
        idColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().id()));
        statusColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(statusName(row.getValue().reviewCase())));
        regionColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(text(row.getValue().reviewCase().region())));
        railColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(text(row.getValue().reviewCase().rail())));
        amountColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(money(row.getValue().reviewCase().amount())));
        riskColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().reviewCase().risk()));
        riskColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(ReviewCase.Risk risk, boolean empty) {
                super.updateItem(risk, empty);
                if (empty || risk == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(riskText(risk));
                    setGraphic(riskIcon(risk.level()));
                }
            }
        });
        rulesColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                String.join(", ", row.getValue().reviewCase().risk().rules())));
        ageColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(age(row.getValue().reviewCase())));
        // the age text does not sort by time; the SLA column sorts by when the case arrived
        ageColumn.setSortable(false);
        assigneeColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(text(row.getValue().reviewCase().assignee())));
        slaColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().reviewCase()));
        slaColumn.setComparator(java.util.Comparator.comparing(c -> c.created() == null ? java.time.Instant.MAX : c.created()));
        slaColumn.setCellFactory(column -> new SlaCell(viewModel, i18n, this::duration));
        riskColumn.setComparator(java.util.Comparator.comparingInt(ReviewCase.Risk::score));
        amountColumn.setSortable(false);
        deliveryColumn.setCellValueFactory(row -> row.getValue().deliveryProperty());
        deliveryColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(RowDelivery delivery, boolean empty) {
                super.updateItem(delivery, empty);
                setText(empty || delivery == null ? null : deliveryName(delivery));
                setGraphic(empty || delivery == null || delivery == RowDelivery.NONE ? null : deliveryIcon(delivery));
            }
        });

        table.getSelectionModel().selectedItemProperty().addListener((obs, before, now) -> {
            if (!syncing && !viewModel.merging()) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, before, now) -> showSelected(now));
        viewModel.selectionRestoredProperty().addListener((obs, before, now) -> showSelected(viewModel.selectedProperty().get()));
        showSelected(viewModel.selectedProperty().get());

        reasonBar.visibleProperty().bind(viewModel.reasonRequestedProperty());
        InSceneWhileVisible.attach(reasonHolder, reasonBar);
        reasonProblem.visibleProperty().bind(viewModel.reasonMissingProperty());
        reasonProblem.managedProperty().bind(viewModel.reasonMissingProperty());
        reasonProblem.setGraphic(new FontIcon(Material2MZ.WARNING));
        reasonField.setOnAction(e -> sendReason());
        reasonField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                cancelReason();
            }
        });
        reasonSend.setOnAction(e -> sendReason());
        reasonSend.disableProperty().bind(viewModel.reasonRequestedProperty().not());
        reasonCancel.setOnAction(e -> cancelReason());
        reasonCancel.disableProperty().bind(viewModel.reasonRequestedProperty().not());
        // the R that asked for the reason would otherwise type itself into the field it focused
        reasonField.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTypedR && "r".equalsIgnoreCase(e.getCharacter())) {
                e.consume();
            }
            swallowTypedR = false;
        });
        reasonField.addEventFilter(KeyEvent.KEY_RELEASED, e -> swallowTypedR = false);
        viewModel.reasonRequestedProperty().addListener((obs, before, now) -> {
            if (now) {
                swallowTypedR = true;
                reasonField.clear();
                reasonField.requestFocus();
            }
        });

        decisionStatus.textProperty().bind(Bindings.createStringBinding(() -> {
            ReviewDeskViewModel.Decided done = viewModel.lastDecisionProperty().get();
            if (viewModel.decidingProperty().get()) {
                return i18n.get("review.decision.sending");
            }
            if (done != null && done.approvalId() != null) {
                return i18n.get("review.decision.waitingSecond", done.caseId(), done.approvalId());
            }
            return done == null ? i18n.get("review.decision.hint")
                    : i18n.get("review.decision.done", actionName(done.action()), done.caseId(), deliveryName(done.delivery()));
        }, viewModel.lastDecisionProperty(), viewModel.decidingProperty()));

        if (!viewModel.loadedProperty().get() && !viewModel.loadingProperty().get()) {
            viewModel.refresh();
        }
        viewModel.loadViews();
    }

    private void installSavedViews() {
        SavedViewsModel views = viewModel.savedViews();
        savedViews.setItems(views.views());
        StringConverter<DeskView> names = new StringConverter<>() {
            @Override
            public String toString(DeskView view) {
                return view == null ? "" : view.name();
            }

            @Override
            public DeskView fromString(String text) {
                return null;
            }
        };
        savedViews.setConverter(names);
        savedViews.setOnAction(e -> {
            DeskView chosen = savedViews.getValue();
            if (chosen != null) {
                viewName.setText(chosen.name());
                viewModel.applyView(chosen);
            }
        });
        boolean usable = views.available();
        saveView.setDisable(!usable);
        viewName.setDisable(!usable);
        saveView.setOnAction(e -> viewModel.saveView(viewName.getText()));
        viewName.setOnAction(e -> viewModel.saveView(viewName.getText()));
        deleteView.disableProperty().bind(savedViews.valueProperty().isNull());
        deleteView.setOnAction(e -> {
            DeskView chosen = savedViews.getValue();
            if (chosen != null) {
                savedViews.setValue(null);
                viewModel.deleteView(chosen.name());
            }
        });
    }

    /** The table's sort goes into the view model, so a saved view keeps it, and a saved view's sort comes back. */
    private void installSorting() {
        Map<String, TableColumn<QueueRow, ?>> byId = new java.util.LinkedHashMap<>();
        for (TableColumn<QueueRow, ?> column : table.getColumns()) {
            byId.put(column.getId(), column);
        }
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<QueueRow, ?>>) change -> remember());
        for (TableColumn<QueueRow, ?> column : table.getColumns()) {
            column.sortTypeProperty().addListener((obs, before, now) -> remember());
        }
        Runnable apply = () -> {
            ReviewDeskViewModel.Sort sort = viewModel.sortProperty().get();
            TableColumn<QueueRow, ?> column = sort.column() == null ? null : byId.get(sort.column());
            syncing = true;
            try {
                if (column == null) {
                    table.getSortOrder().clear();
                } else {
                    column.setSortType(sort.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                    table.getSortOrder().setAll(List.of(column));
                }
            } finally {
                syncing = false;
            }
        };
        viewModel.sortProperty().addListener((obs, before, now) -> apply.run());
        apply.run();
        // rows read again arrive in the queue's order: the analyst's sort is put back on them
        viewModel.rows().addListener((javafx.collections.ListChangeListener<QueueRow>) change -> {
            if (!table.getSortOrder().isEmpty() && !sorting) {
                javafx.application.Platform.runLater(this::resort);
            }
        });
    }

    private boolean sorting;

    private void resort() {
        sorting = true;
        try {
            table.sort();
        } finally {
            sorting = false;
        }
    }

    private void remember() {
        if (syncing) {
            return;
        }
        TableColumn<QueueRow, ?> first = table.getSortOrder().isEmpty() ? null : table.getSortOrder().getFirst();
        viewModel.sortProperty().set(first == null ? new ReviewDeskViewModel.Sort(null, true)
                : new ReviewDeskViewModel.Sort(first.getId(), first.getSortType() == TableColumn.SortType.ASCENDING));
    }

    /** One timeline for the whole desk: every SLA cell follows the view model's clock, not its own timer. */
    private void installTicker() {
        ticker.setCycleCount(javafx.animation.Animation.INDEFINITE);
        root.sceneProperty().addListener((obs, before, now) -> {
            if (now == null) {
                ticker.stop();
                viewModel.leave();
            } else {
                ticker.play();
            }
        });
        if (root.getScene() != null) {
            ticker.play();
        }
    }

    private void tickNow() {
        viewModel.tick();
    }

    private void sendReason() {
        viewModel.reverse(reasonField.getText());
        if (!viewModel.reasonRequestedProperty().get()) {
            table.requestFocus();
        }
    }

    private void cancelReason() {
        viewModel.cancelReversal();
        table.requestFocus();
    }

    private void showSelected(QueueRow row) {
        syncing = true;
        try {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                TableScrollKeeper.reveal(table, row);
            }
        } finally {
            syncing = false;
        }
        evidence.getChildren().setAll(row == null ? List.of(new Label(i18n.get("review.evidence.none")))
                : evidenceOf(row.reviewCase()));
    }

    private Label placeholder() {
        Label label = new Label(i18n.get(viewModel.loadingProperty().get() ? "review.loading"
                : viewModel.loadedProperty().get() ? "review.empty" : "review.notLoaded"));
        label.setWrapText(true);
        label.setMaxWidth(420);
        return label;
    }

    private List<javafx.scene.Node> evidenceOf(ReviewCase c) {
        List<javafx.scene.Node> parts = new ArrayList<>();
        Label title = new Label(i18n.get("review.evidence.title", c.id(), money(c.amount())));
        title.getStyleClass().add("evidence-title");
        title.setWrapText(true);
        Label risk = new Label(riskText(c.risk()), riskIcon(c.risk().level()));
        VBox first = section("review.evidence.risk", risk,
                line(c.risk().rules().isEmpty() ? i18n.get("review.evidence.noRules")
                        : i18n.get("review.evidence.rules", String.join(", ", c.risk().rules()))));
        first.getChildren().addFirst(title);
        parts.add(first);

        ReviewCase.PaymentChecks checks = c.paymentChecks();
        GridPane checkGrid = grid();
        if (checks != null) {
            row(checkGrid, 0, i18n.get("review.evidence.avsLine"), text(checks.addressLine1()));
            row(checkGrid, 1, i18n.get("review.evidence.avsPostal"), text(checks.addressPostalCode()));
            row(checkGrid, 2, i18n.get("review.evidence.cvc"), text(checks.cvc()));
            row(checkGrid, 3, i18n.get("review.evidence.threeDs"), text(checks.threeDSecure()));
        } else {
            row(checkGrid, 0, i18n.get("review.evidence.checks"), i18n.get("review.evidence.unknown"));
        }
        parts.add(section("review.evidence.checks", checkGrid));

        ReviewCase.Geo geo = c.geo();
        String cardCountry = c.card() == null ? null : c.card().issuingCountry();
        GridPane geoGrid = grid();
        row(geoGrid, 0, i18n.get("review.evidence.ipCountry"), geo == null ? "—" : text(geo.ipCountry())
                + (geo.ip() == null ? "" : " (" + geo.ip() + ")"));
        row(geoGrid, 1, i18n.get("review.evidence.billingCountry"), geo == null ? "—" : text(geo.billingCountry()));
        row(geoGrid, 2, i18n.get("review.evidence.shippingCountry"), geo == null ? "—" : text(geo.shippingCountry()));
        row(geoGrid, 3, i18n.get("review.evidence.cardCountry"), text(cardCountry));
        parts.add(section("review.evidence.geography", geoGrid, geographyVerdict(geo, cardCountry)));

        GridPane device = grid();
        ReviewCase.Device d = c.device();
        ReviewCase.Session s = c.session();
        row(device, 0, i18n.get("review.evidence.device"), d == null ? "—" : text(d.id()));
        row(device, 1, i18n.get("review.evidence.firstSeen"), d == null || d.firstSeen() == null ? "—" : time.dateTime(d.firstSeen()));
        row(device, 2, i18n.get("review.evidence.userAgent"), d == null ? "—" : text(d.userAgent()));
        row(device, 3, i18n.get("review.evidence.sessionAge"), s == null ? "—" : duration(Duration.ofSeconds(s.ageSeconds())));
        parts.add(section("review.evidence.deviceSession", device));

        GridPane velocity = grid();
        ReviewCase.Velocity v = c.velocity();
        if (v != null) {
            row(velocity, 0, i18n.get("review.evidence.ordersPerCard"), Integer.toString(v.ordersPerCard1h()));
            row(velocity, 1, i18n.get("review.evidence.cardsPerDevice"), Integer.toString(v.cardsPerDevice24h()));
            row(velocity, 2, i18n.get("review.evidence.ordersPerEmail"), Integer.toString(v.ordersPerEmail24h()));
            row(velocity, 3, i18n.get("review.evidence.attemptsPerIp"), Integer.toString(v.attemptsPerIp1h()));
        } else {
            row(velocity, 0, i18n.get("review.evidence.velocity"), i18n.get("review.evidence.unknown"));
        }
        parts.add(section("review.evidence.velocity", velocity));

        GridPane customer = grid();
        ReviewCase.Customer h = c.customer();
        if (h != null) {
            row(customer, 0, i18n.get("review.evidence.accountAge"), i18n.get("review.age.days", Integer.toString(h.accountAgeDays())));
            row(customer, 1, i18n.get("review.evidence.priorOrders"), Integer.toString(h.priorOrders()));
            row(customer, 2, i18n.get("review.evidence.priorDeclines"), Integer.toString(h.priorDeclines()));
            row(customer, 3, i18n.get("review.evidence.priorDisputes"), Integer.toString(h.priorDisputes()));
        } else {
            row(customer, 0, i18n.get("review.evidence.customer"), i18n.get("review.evidence.unknown"));
        }
        parts.add(section("review.evidence.customer", customer));
        return parts;
    }

    /** States plainly which of the four countries differ, or that they agree. */
    private Label geographyVerdict(ReviewCase.Geo geo, String cardCountry) {
        List<String> named = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        if (geo != null) {
            add(named, distinct, "review.evidence.ipCountry", geo.ipCountry());
            add(named, distinct, "review.evidence.billingCountry", geo.billingCountry());
            add(named, distinct, "review.evidence.shippingCountry", geo.shippingCountry());
        }
        add(named, distinct, "review.evidence.cardCountry", cardCountry);
        Label verdict;
        if (distinct.size() <= 1) {
            verdict = new Label(distinct.isEmpty() ? i18n.get("review.evidence.geoUnknown")
                    : i18n.get("review.evidence.geoMatch", distinct.iterator().next()), icon(Material2AL.CHECK_CIRCLE, "health-up"));
        } else {
            verdict = new Label(i18n.get("review.evidence.geoMismatch", String.join("; ", named)),
                    icon(Material2MZ.WARNING, "health-degraded"));
            verdict.getStyleClass().add("health-degraded");
        }
        verdict.setWrapText(true);
        return verdict;
    }

    private void add(List<String> named, Set<String> distinct, String key, String country) {
        if (country != null && !country.isBlank()) {
            String code = country.strip().toUpperCase(Locale.ROOT);
            named.add(i18n.get(key) + " " + code);
            distinct.add(code);
        }
    }

    private VBox section(String titleKey, javafx.scene.Node... content) {
        Label heading = new Label(i18n.get(titleKey));
        heading.getStyleClass().add("evidence-heading");
        VBox box = new VBox(4, heading);
        box.getChildren().addAll(content);
        box.getStyleClass().add("evidence-section");
        box.setPrefWidth(290);
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        return grid;
    }

    private static void row(GridPane grid, int at, String name, String value) {
        Label key = new Label(name);
        key.getStyleClass().add("evidence-key");
        key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label val = new Label(value);
        val.setWrapText(true);
        grid.addRow(at, key, val);
    }

    private static Label line(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private String money(Money amount) {
        if (amount == null) {
            return "—";
        }
        try {
            return MoneyFormat.format(amount.minor(), Currency.getInstance(amount.currency()), i18n.locale());
        } catch (IllegalArgumentException unknownCurrency) {
            // a code the JDK does not know: show the minor units as sent, never a guess
            return amount.toString();
        }
    }

    private String riskText(ReviewCase.Risk risk) {
        return i18n.get("review.risk", Integer.toString(risk.score()), levelName(risk.level()));
    }

    private String levelName(String level) {
        return switch (level == null ? "" : level) {
            case "normal" -> i18n.get("review.level.normal");
            case "elevated" -> i18n.get("review.level.elevated");
            case "highest" -> i18n.get("review.level.highest");
            default -> text(level);
        };
    }

    private static FontIcon riskIcon(String level) {
        return switch (level == null ? "" : level) {
            case "normal" -> icon(Material2AL.CHECK_CIRCLE, "health-up");
            case "elevated" -> icon(Material2MZ.WARNING, "health-degraded");
            case "highest" -> icon(Material2MZ.REPORT, "health-down");
            default -> icon(Material2AL.HELP, "health-unknown");
        };
    }

    private static FontIcon deliveryIcon(RowDelivery delivery) {
        return switch (delivery) {
            case CONFIRMED -> icon(Material2AL.CHECK_CIRCLE, "health-up");
            case PENDING, SENT, AWAITING_SECOND_PERSON -> icon(Material2AL.HOURGLASS_EMPTY, "health-unknown");
            case CONFLICT, FAILED -> icon(Material2MZ.REPORT, "health-down");
            case NONE -> icon(Material2AL.HELP, "health-unknown");
        };
    }

    private static FontIcon icon(Ikon ikon, String styleClass) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add(styleClass);
        return icon;
    }

    private String deliveryName(RowDelivery delivery) {
        return switch (delivery) {
            case NONE -> i18n.get("review.delivery.none");
            case PENDING -> i18n.get("review.delivery.pending");
            case SENT -> i18n.get("review.delivery.sent");
            case CONFIRMED -> i18n.get("review.delivery.confirmed");
            case CONFLICT -> i18n.get("review.delivery.conflict");
            case FAILED -> i18n.get("review.delivery.failed");
            case AWAITING_SECOND_PERSON -> i18n.get("review.delivery.awaitingSecond");
        };
    }

    private String actionName(DecisionAction action) {
        return switch (action.value()) {
            case "approve" -> i18n.get("review.action.approve");
            case "decline" -> i18n.get("review.action.decline");
            case "reverse_decline" -> i18n.get("review.action.reverse");
            case "hold" -> i18n.get("review.action.hold");
            case "escalate" -> i18n.get("review.action.escalate");
            default -> action.value();
        };
    }

    private String choiceName(StatusChoice choice) {
        return switch (choice) {
            case REVIEW -> i18n.get("review.status.review");
            case AUTO_DECLINED -> i18n.get("review.status.autoDeclined");
            case DECIDED -> i18n.get("review.status.decided");
            case ALL -> i18n.get("review.status.all");
        };
    }

    private String statusName(ReviewCase c) {
        if (c.status() == null) {
            return "—";
        }
        return switch (c.status().value()) {
            case "review" -> i18n.get("review.status.review");
            case "auto_declined" -> i18n.get("review.status.autoDeclined");
            case "decided" -> i18n.get("review.status.decided");
            default -> c.status().value();
        };
    }

    private String age(ReviewCase c) {
        return c.created() == null ? "—" : duration(Duration.between(c.created(), clock.instant()));
    }

    private String duration(Duration span) {
        long minutes = Math.max(0, span.toMinutes());
        if (minutes < 60) {
            return i18n.get("review.age.minutes", Long.toString(minutes));
        }
        if (minutes < 48 * 60) {
            return i18n.get("review.age.hours", Long.toString(minutes / 60));
        }
        return i18n.get("review.age.days", Long.toString(minutes / (24 * 60)));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(new KeyCodeCombination(KeyCode.A), "shortcut.review.approve", viewModel::approve),
                new Shortcut(new KeyCodeCombination(KeyCode.D), "shortcut.review.decline", viewModel::decline),
                new Shortcut(new KeyCodeCombination(KeyCode.R), "shortcut.review.reverse", viewModel::requestReversal),
                new Shortcut(new KeyCodeCombination(KeyCode.H), "shortcut.review.hold", viewModel::hold),
                new Shortcut(new KeyCodeCombination(KeyCode.E), "shortcut.review.escalate", viewModel::escalate),
                new Shortcut(new KeyCodeCombination(KeyCode.J), "shortcut.review.next", viewModel::next),
                new Shortcut(new KeyCodeCombination(KeyCode.K), "shortcut.review.previous", viewModel::previous),
                new Shortcut(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), "shortcut.review.refresh", viewModel::refresh),
                new Shortcut(new KeyCodeCombination(KeyCode.C), "shortcut.review.claim", viewModel::toggleClaim),
                new Shortcut(new KeyCodeCombination(KeyCode.M), "shortcut.review.mine", viewModel::toggleMine),
                new Shortcut(new KeyCodeCombination(KeyCode.N), "shortcut.review.note", this::focusNote),
                new Shortcut(new KeyCodeCombination(KeyCode.I), "shortcut.review.inbox", this::toggleInbox),
                new Shortcut(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), "shortcut.review.filters",
                        () -> filters.status.requestFocus()),
                new Shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), "shortcut.review.saveView",
                        () -> viewName.requestFocus()),
                new Shortcut(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), "shortcut.review.bulk",
                        this::openBulk),
                new Shortcut(new KeyCodeCombination(KeyCode.ESCAPE), "shortcut.review.cancelBulk", viewModel.bulk()::cancel));
    }

    private void focusNote() {
        tabs.getSelectionModel().select(queueTab);
        side.notesTab.getTabPane().getSelectionModel().select(side.notesTab);
        side.noteField.requestFocus();
    }

    private void toggleInbox() {
        boolean toInbox = tabs.getSelectionModel().getSelectedItem() != inboxTab;
        tabs.getSelectionModel().select(toInbox ? inboxTab : queueTab);
        if (toInbox) {
            inbox.table.requestFocus();
        } else {
            table.requestFocus();
        }
    }

    private void openBulk() {
        if (!bulk.menu.isDisabled()) {
            tabs.getSelectionModel().select(queueTab);
            bulk.menu.show();
        }
    }

    @Override
    public void focusFirst() {
        table.requestFocus();
    }
}
