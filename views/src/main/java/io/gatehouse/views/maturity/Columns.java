package io.gatehouse.views.maturity;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Read-only text columns for the area's tables. */
final class Columns {
    private Columns() {
    }

    static <S> TableColumn<S, String> text(String title, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A column that keeps its width when the table is narrow: dates, numbers and short states. */
    static <S> TableColumn<S, String> fixed(String title, double width, Function<S, String> value) {
        TableColumn<S, String> column = text(title, width, value);
        column.setMinWidth(width);
        return column;
    }
}
