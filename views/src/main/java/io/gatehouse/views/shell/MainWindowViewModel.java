package io.gatehouse.views.shell;

import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.Role;
import io.gatehouse.views.settings.SettingsViewModel;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** State of the main window: the area shown, the shortcut overlay, the operator and the source. */
public final class MainWindowViewModel {
    private final ObjectProperty<Area> area = new SimpleObjectProperty<>(this, "area");
    private final BooleanProperty shortcutsShown = new SimpleBooleanProperty(this, "shortcutsShown");
    private final Operator operator;
    private final boolean sandbox;
    private final String sourceDescription;

    public MainWindowViewModel(Operator operator, boolean sandbox, String sourceDescription, SettingsViewModel settings) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.sandbox = sandbox;
        this.sourceDescription = sourceDescription;
        area.set(Area.fromName(settings.settings().lastArea()));
        area.addListener((obs, before, now) -> settings.rememberArea(now.name()));
    }

    public ObjectProperty<Area> areaProperty() {
        return area;
    }

    public void select(Area value) {
        area.set(Objects.requireNonNull(value, "area"));
        shortcutsShown.set(false);
    }

    public BooleanProperty shortcutsShownProperty() {
        return shortcutsShown;
    }

    public void toggleShortcuts() {
        shortcutsShown.set(!shortcutsShown.get());
    }

    public Operator operator() {
        return operator;
    }

    /** The operator's roles in a stable order, for the title bar. */
    public List<Role> roles() {
        return operator.roles().stream().sorted().toList();
    }

    public boolean sandbox() {
        return sandbox;
    }

    public String sourceDescription() {
        return sourceDescription;
    }
}
