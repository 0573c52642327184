package io.gatehouse.views.executive;

import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/** Shows a slide of the design size scaled to fit the space it is given, centred, letterboxed. */
final class ScaledSlide extends Region {
    private final Group holder = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private Region slide;

    ScaledSlide() {
        holder.getTransforms().add(scale);
        getChildren().add(holder);
        setMinSize(160, 90);
    }

    void show(Region next) {
        slide = next;
        holder.getChildren().setAll(next);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (slide == null) {
            return;
        }
        slide.resize(SlideView.WIDTH, SlideView.HEIGHT);
        double factor = Math.min(getWidth() / SlideView.WIDTH, getHeight() / SlideView.HEIGHT);
        scale.setX(factor);
        scale.setY(factor);
        holder.relocate((getWidth() - SlideView.WIDTH * factor) / 2, (getHeight() - SlideView.HEIGHT * factor) / 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return SlideView.WIDTH / 2;
    }

    @Override
    protected double computePrefHeight(double width) {
        return SlideView.HEIGHT / 2;
    }
}
