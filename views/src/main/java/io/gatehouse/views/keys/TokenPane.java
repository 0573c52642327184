package io.gatehouse.views.keys;

import io.gatehouse.data.keys.token.ModuleInfo;
import io.gatehouse.data.keys.token.SlotInfo;
import io.gatehouse.data.keys.token.TokenFlag;
import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.views.common.I18n;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The token tab: the token in use (or how to configure one), and every module found with its
 * slots and tokens, each token selectable by its label.
 */
final class TokenPane {
    private final KeyCustodyViewModel viewModel;
    private final I18n i18n;
    private final VBox pane;

    TokenPane(KeyCustodyViewModel viewModel, I18n i18n, VBox pane) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.pane = pane;
    }

    void render() {
        pane.getChildren().clear();
        pane.getChildren().add(current());
        Label modulesTitle = new Label(i18n.get("keys.modules.title"));
        modulesTitle.getStyleClass().add("keys-section-title");
        pane.getChildren().add(modulesTitle);
        if (viewModel.modules().isEmpty()) {
            pane.getChildren().add(wrapped(i18n.get(viewModel.loadsProperty().get() == 0 || viewModel.busyProperty().get()
                    ? "keys.modules.scanning" : "keys.modules.none")));
        }
        for (ModuleScan scan : viewModel.modules()) {
            pane.getChildren().add(module(scan));
        }
    }

    private VBox current() {
        VBox card = new VBox(6);
        card.getStyleClass().add("keys-card");
        TokenRef ref = viewModel.tokenProperty().get();
        if (ref == null) {
            card.setId("noTokenCard");
            Label title = new Label(i18n.get("keys.token.noneTitle"), KeyText.icon(Material2AL.INFO, "health-unknown"));
            title.getStyleClass().add("keys-section-title");
            Label how = wrapped(i18n.get("keys.token.noneHow"));
            Label snippet = new Label("profiles:\n  <name>:\n    token:\n      module: /usr/lib/softhsm/libsofthsm2.so\n"
                    + "      label: checkout-keys");
            snippet.getStyleClass().add("keys-code");
            Label pick = wrapped(i18n.get("keys.token.nonePick"));
            card.getChildren().addAll(title, how, snippet, pick);
        } else {
            card.setId("tokenCard");
            Label title = new Label(i18n.get("keys.token.inUse", ref.label()), KeyText.icon(Material2MZ.VPN_KEY, "health-up"));
            title.getStyleClass().add("keys-section-title");
            card.getChildren().addAll(title, wrapped(i18n.get("keys.token.module", ref.module())));
        }
        String blocked = viewModel.rotationUnavailableProperty().get();
        if (!blocked.isEmpty()) {
            card.getChildren().add(wrapped(i18n.get("keys.token.cannotRotate", blocked)));
        }
        return card;
    }

    private VBox module(ModuleScan scan) {
        VBox box = new VBox(6);
        box.getStyleClass().add("keys-card");
        Label path = new Label(scan.path(), KeyText.icon(Material2AL.DEVELOPER_BOARD, "health-unknown"));
        path.getStyleClass().add("keys-module-path");
        box.getChildren().add(path);
        if (!scan.usable()) {
            Label error = wrapped(i18n.get("keys.module.unusable", scan.error()));
            error.setGraphic(KeyText.icon(Material2AL.ERROR_OUTLINE, "health-down"));
            error.getStyleClass().add("health-down");
            box.getChildren().add(error);
            return box;
        }
        ModuleInfo info = scan.module().orElseThrow();
        box.getChildren().add(wrapped(i18n.get("keys.module.info", info.manufacturer(), info.description(),
                info.libraryVersion(), info.interfaceVersion())));
        if (scan.slots().isEmpty()) {
            box.getChildren().add(wrapped(i18n.get("keys.module.noSlots")));
        }
        for (SlotInfo slot : scan.slots()) {
            box.getChildren().add(slot(scan, slot));
        }
        return box;
    }

    private HBox slot(ModuleScan scan, SlotInfo slot) {
        VBox lines = new VBox(2);
        lines.getChildren().add(new Label(i18n.get("keys.slot", slot.slotId(), slot.description())));
        Button use = new Button(i18n.get("keys.token.use"));
        use.setMinWidth(Region.USE_PREF_SIZE);
        if (slot.token().isEmpty()) {
            lines.getChildren().add(wrapped(i18n.get("keys.slot.empty")));
            use.setDisable(true);
        } else {
            TokenInfo t = slot.token().get();
            if (!t.initialized()) {
                lines.getChildren().add(wrapped(i18n.get("keys.slot.uninitialized")));
                use.setDisable(true);
            } else {
                Label label = new Label(i18n.get("keys.token.line", t.label(), t.manufacturer(), t.model(), t.serial()));
                label.getStyleClass().add("keys-token-label");
                lines.getChildren().addAll(label, wrapped(i18n.get("keys.token.flags", flags(t))),
                        wrapped(i18n.get("keys.token.mechanisms", t.mechanisms().size())));
                if (locked(t)) {
                    Label lockedLine = wrapped(i18n.get("keys.token.pinLocked"));
                    lockedLine.setGraphic(KeyText.icon(Material2AL.LOCK, "health-down"));
                    lockedLine.getStyleClass().add("health-down");
                    lines.getChildren().add(lockedLine);
                }
                TokenRef ref = new TokenRef(scan.path(), t.label());
                boolean inUse = ref.equals(viewModel.tokenProperty().get());
                use.setText(i18n.get(inUse ? "keys.token.used" : "keys.token.use"));
                use.setDisable(inUse);
                use.setId("use-" + t.label());
                use.setOnAction(e -> viewModel.selectToken(ref));
            }
        }
        HBox row = new HBox(12, lines, spacer(), use);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("keys-slot");
        HBox.setHgrow(lines, Priority.ALWAYS);
        return row;
    }

    private static String flags(TokenInfo t) {
        return t.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', ' ')).sorted()
                .collect(Collectors.joining(", "));
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.SOMETIMES);
        return r;
    }

    private static Label wrapped(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static boolean locked(TokenInfo t) {
        return t.flags().contains(TokenFlag.USER_PIN_LOCKED);
    }
}
