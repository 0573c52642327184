package io.gatehouse.views.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads FXML with the current bundle and hands each file the controller registered for its class.
 * An FXML file that names an unregistered controller fails at once, instead of FXMLLoader quietly
 * constructing one without its view model.
 */
public final class FxmlLoaderFactory {
    private final I18n i18n;
    private final Map<Class<?>, Supplier<?>> controllers;

    public FxmlLoaderFactory(I18n i18n, Map<Class<?>, Supplier<?>> controllers) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.controllers = Map.copyOf(controllers);
    }

    /** A factory that also knows one more controller, for a view that needs its own parameters. */
    public <C> FxmlLoaderFactory with(Class<C> type, Supplier<? extends C> controller) {
        Map<Class<?>, Supplier<?>> all = new HashMap<>(controllers);
        all.put(type, controller);
        return new FxmlLoaderFactory(i18n, all);
    }

    public I18n i18n() {
        return i18n;
    }

    public Parent load(FxmlView view) {
        URL location = FxmlLoaderFactory.class.getResource(view.resource());
        if (location == null) {
            throw new IllegalStateException("FXML resource " + view.resource() + " is missing");
        }
        FXMLLoader loader = new FXMLLoader(location, i18n.bundle());
        loader.setControllerFactory(this::controllerFor);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + view.resource(), e);
        }
    }

    private Object controllerFor(Class<?> type) {
        Supplier<?> supplier = controllers.get(type);
        if (supplier == null) {
            throw new IllegalArgumentException("no controller registered for " + type.getName());
        }
        return supplier.get();
    }
}
