package io.gatehouse.views.common;

import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Tab;

/**
 * Tab content that joins the scene only once its tab is first selected. JavaFX styles, skins and lays out the
 * content of every tab, shown or not, so a tab the operator may never open would otherwise add its nodes to the
 * cost of the area's first frame.
 */
public final class TabContent {
    private TabContent() {
    }

    /** Runs {@code attach} when {@code tab} is first selected, at once when it is selected already; FX thread. */
    public static void onFirstSelection(Tab tab, Runnable attach) {
        Objects.requireNonNull(attach, "attach");
        if (tab.isSelected()) {
            attach.run();
            return;
        }
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> selected, Boolean before,
                                Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    attach.run();
                }
            }
        });
    }
}
