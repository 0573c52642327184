package io.gatehouse.views.shell;

import io.gatehouse.views.common.AreaController;
import javafx.scene.Parent;

/** A loaded area: its root node and its controller. */
record AreaView(Parent root, AreaController controller) {
}
