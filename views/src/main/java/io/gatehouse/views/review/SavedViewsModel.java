package io.gatehouse.views.review;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.review.DeskView;
import io.gatehouse.data.review.DeskViewStore;
import io.gatehouse.views.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The operator's saved queue views: read once from the data directory, and written back whole on
 * every save or delete. While the file could not be read the list stays read-only, so nothing the
 * operator saved earlier can be overwritten by accident.
 */
public final class SavedViewsModel {
    private final DeskViewStore store;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final ObservableList<DeskView> views = FXCollections.observableArrayList();
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");

    SavedViewsModel(DeskViewStore store, TaskExecutor tasks, Consumer<Throwable> errors) {
        this.store = store;
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Whether views can be saved here at all (the console gave a data directory). */
    public boolean available() {
        return store != null;
    }

    void load() {
        if (store == null || loaded.get()) {
            return;
        }
        tasks.run(handle -> store.load(), found -> {
            views.setAll(found);
            loaded.set(true);
        }, failure -> {
            // a broken file was moved aside by the store; starting empty cannot overwrite it
            loaded.set(true);
            errors.accept(failure);
        });
    }

    /** Saves a view under its name, replacing one with the same name (ignoring case). */
    void save(DeskView view) {
        List<DeskView> next = new ArrayList<>(views);
        next.removeIf(v -> v.name().toLowerCase(Locale.ROOT).equals(view.name().toLowerCase(Locale.ROOT)));
        next.add(view);
        write(next);
    }

    void delete(String name) {
        List<DeskView> next = new ArrayList<>(views);
        if (next.removeIf(v -> v.name().equals(name))) {
            write(next);
        }
    }

    private void write(List<DeskView> next) {
        if (store == null) {
            errors.accept(new GatehouseException(FailureKind.LOCAL_STORE, "This console has no data directory to"
                    + " keep saved views in."));
            return;
        }
        if (!loaded.get()) {
            errors.accept(new GatehouseException(FailureKind.LOCAL_STORE, "Your saved views are still being read;"
                    + " try again in a moment."));
            return;
        }
        List<DeskView> copy = List.copyOf(next);
        tasks.run(handle -> {
            store.save(copy);
            return copy;
        }, views::setAll, errors);
    }

    public ObservableList<DeskView> views() {
        return views;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }
}
