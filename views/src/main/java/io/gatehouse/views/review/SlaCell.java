package io.gatehouse.views.review;

import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.views.common.I18n;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.TableCell;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A case's time against the service level, with an icon and words as well as a colour. Every cell
 * follows the view model's one clock property, so a second passing costs one redraw per visible row.
 */
final class SlaCell extends TableCell<QueueRow, ReviewCase> {
    private final ReviewDeskViewModel viewModel;
    private final I18n i18n;
    private final Function<Duration, String> span;
    // held here: the view model outlives the table, and a weak listener lets old cells go
    private final InvalidationListener redraw = obs -> show();

    SlaCell(ReviewDeskViewModel viewModel, I18n i18n, Function<Duration, String> span) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.span = span;
        viewModel.nowProperty().addListener(new WeakInvalidationListener(redraw));
    }

    @Override
    protected void updateItem(ReviewCase c, boolean empty) {
        super.updateItem(c, empty);
        show();
    }

    private void show() {
        ReviewCase c = isEmpty() ? null : getItem();
        getStyleClass().removeAll("sla-ok", "sla-near", "sla-breached");
        if (c == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        Instant now = viewModel.nowProperty().get();
        Duration target = viewModel.slaTarget();
        SlaState state = SlaState.of(c, now, target);
        Duration left = SlaState.left(c, now, target);
        switch (state) {
            case NONE -> {
                setText("—");
                setGraphic(null);
            }
            case OK -> show("sla-ok", "health-up", Material2AL.ACCESS_TIME, i18n.get("review.sla.ok", span.apply(left)));
            case NEAR -> show("sla-near", "health-degraded", Material2MZ.WARNING, i18n.get("review.sla.near", span.apply(left)));
            case BREACHED -> show("sla-breached", "health-down", Material2MZ.REPORT,
                    i18n.get("review.sla.breached", span.apply(left.negated())));
        }
    }

    private void show(String cellStyle, String iconStyle, org.kordamp.ikonli.Ikon ikon, String text) {
        getStyleClass().add(cellStyle);
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add(iconStyle);
        setGraphic(icon);
        setText(text);
    }
}
