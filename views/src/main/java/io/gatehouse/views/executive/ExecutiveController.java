package io.gatehouse.views.executive;

import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import java.util.Currency;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Executive view area: a preview of the slides with navigation, the reporting currency,
 * the full-screen presentation, and PDF and PNG export with progress and cancel.
 */
public final class ExecutiveController implements AreaController {
    private final ExecutiveViewModel viewModel;
    private final I18n i18n;
    private final ObservableBooleanValue dark;
    private final ExportTargets targets;
    private final ScaledSlide preview = new ScaledSlide();
    private final ChangeListener<Object> redraw = (obs, before, now) -> draw();

    @FXML private VBox root;
    @FXML private Button refreshButton;
    @FXML private Button roiButton;
    @FXML private ChoiceBox<Currency> currencyChoice;
    @FXML private Button presentButton;
    @FXML private Button pdfButton;
    @FXML private Button pngButton;
    @FXML private ProgressBar progress;
    @FXML private Button cancelButton;
    @FXML private Label status;
    @FXML private StackPane slideHolder;
    @FXML private Button previousButton;
    @FXML private Label position;
    @FXML private Button nextButton;

    public ExecutiveController(ExecutiveViewModel viewModel, I18n i18n, ObservableBooleanValue dark, ExportTargets targets) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.dark = dark;
        this.targets = targets;
    }

    @FXML
    private void initialize() {
        slideHolder.getChildren().add(preview);
        preview.setId("slidePreview");
        refreshButton.setGraphic(new FontIcon(Material2MZ.REFRESH));
        roiButton.setGraphic(new FontIcon(Material2AL.EDIT));
        roiButton.setVisible(viewModel.roiBook().isPresent());
        roiButton.setManaged(viewModel.roiBook().isPresent());
        presentButton.setGraphic(new FontIcon(Material2MZ.SLIDESHOW));
        pdfButton.setGraphic(new FontIcon(Material2MZ.PICTURE_AS_PDF));
        pngButton.setGraphic(new FontIcon(Material2AL.IMAGE));
        previousButton.setGraphic(new FontIcon(Material2AL.CHEVRON_LEFT));
        nextButton.setGraphic(new FontIcon(Material2AL.CHEVRON_RIGHT));
        currencyChoice.setItems(FXCollections.observableArrayList(
                ExecutiveViewModel.CURRENCIES.stream().map(Currency::getInstance).toList()));
        currencyChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Currency c) {
                return c == null ? i18n.get("exec.currency.saved") : c.getCurrencyCode() + " " + c.getSymbol(MoneyLocales.of(c, i18n.locale()));
            }

            @Override
            public Currency fromString(String s) {
                return null;
            }
        });
        currencyChoice.setValue(viewModel.currencyProperty().get());
        currencyChoice.valueProperty().addListener((obs, before, now) -> {
            viewModel.currencyProperty().set(now);
            viewModel.refresh();
        });
        progress.progressProperty().bind(viewModel.exportProgressProperty());
        progress.visibleProperty().bind(viewModel.exportingProperty());
        cancelButton.visibleProperty().bind(viewModel.exportingProperty());
        pdfButton.disableProperty().bind(viewModel.exportingProperty().or(viewModel.deckProperty().isNull()));
        pngButton.disableProperty().bind(viewModel.exportingProperty().or(viewModel.deckProperty().isNull()));
        presentButton.disableProperty().bind(viewModel.deckProperty().isNull());
        refreshButton.disableProperty().bind(viewModel.loadingProperty());
        status.textProperty().bind(viewModel.statusProperty());
        // listeners live while the area is in a window: areas are kept and shown again, so they attach each time
        root.sceneProperty().addListener((obs, before, now) -> shownIn(now != null));
        shownIn(root.getScene() != null);
        if (viewModel.deckProperty().get() == null) {
            viewModel.refresh();
        } else {
            draw();
        }
    }

    private void shownIn(boolean shown) {
        viewModel.indexProperty().removeListener(redraw);
        viewModel.deckProperty().removeListener(redraw);
        // the slides have their own light and dark colours; a theme switch redraws the preview
        dark.removeListener(redraw);
        if (shown) {
            viewModel.indexProperty().addListener(redraw);
            viewModel.deckProperty().addListener(redraw);
            dark.addListener(redraw);
            draw();
        }
    }

    private void draw() {
        Deck deck = viewModel.deckProperty().get();
        if (deck == null) {
            position.setText("");
            return;
        }
        int index = viewModel.indexProperty().get();
        preview.show(SlideView.render(deck, index, dark.get()));
        position.setText(i18n.get("exec.position", index + 1, deck.slides().size(), deck.slides().get(index).title()));
        previousButton.setDisable(index == 0);
        nextButton.setDisable(index == deck.slides().size() - 1);
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    void present() {
        if (viewModel.deckProperty().get() != null) {
            new PresentationWindow(viewModel, dark.get(), root.getScene() == null ? null : root.getScene().getWindow()).show();
        }
    }

    @FXML
    void exportPdf() {
        targets.pdfFile(window(), "gatehouse-report.pdf").ifPresent(viewModel::exportPdf);
    }

    @FXML
    void exportPngs() {
        targets.pngFolder(window()).ifPresent(dir -> viewModel.exportPngs(dir, dark.get()));
    }

    @FXML
    void editRoi() {
        viewModel.roiBook().ifPresent(book -> {
            if (new RoiEditor(book, i18n).showAndWait(window())) {
                viewModel.refresh();
            }
        });
    }

    @FXML
    private void cancelExport() {
        viewModel.cancelExport();
    }

    @FXML
    private void previous() {
        viewModel.previous();
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(new KeyCodeCombination(KeyCode.F5), "exec.shortcut.present", this::present),
                new Shortcut(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), "exec.shortcut.exportPdf", this::exportPdf),
                new Shortcut(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        "exec.shortcut.exportPng", this::exportPngs),
                new Shortcut(new KeyCodeCombination(KeyCode.PAGE_DOWN), "exec.shortcut.next", viewModel::next),
                new Shortcut(new KeyCodeCombination(KeyCode.PAGE_UP), "exec.shortcut.previous", viewModel::previous));
    }

    @Override
    public void focusFirst() {
        presentButton.requestFocus();
    }
}
