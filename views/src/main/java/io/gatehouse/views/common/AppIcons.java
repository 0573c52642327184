package io.gatehouse.views.common;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.image.Image;

/** The Gatehouse app icon from the icons module, in every rendered size. */
public final class AppIcons {
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    private static final Map<Integer, Image> DECODED = new ConcurrentHashMap<>();

    private AppIcons() {
    }

    /** All sizes, smallest first; the window system picks the best one for each place. */
    public static List<Image> all() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("/io/gatehouse/icons/gatehouse-" + size + ".png")) {
                if (in != null) {
                    images.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (images.isEmpty()) {
            throw new IllegalStateException("the Gatehouse icons are missing from the class path (gatehouse-icons jar)");
        }
        return List.copyOf(images);
    }

    /**
     * One size, for in-window use, decoded once: an image is immutable, and the starting window (its icon and its
     * picture) and each rebuild of the main window would otherwise decode the same PNG again on the JavaFX thread.
     */
    public static Image of(int size) {
        return DECODED.computeIfAbsent(size, s -> new Image(
                AppIcons.class.getResource("/io/gatehouse/icons/gatehouse-" + s + ".png").toExternalForm()));
    }
}
