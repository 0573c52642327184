package io.gatehouse.views.review;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/** Reads and restores which case is at the top of the queue table, so new rows above do not move it. */
final class TableScrollKeeper implements ReviewDeskViewModel.ScrollKeeper {
    private final TableView<QueueRow> table;

    TableScrollKeeper(TableView<QueueRow> table) {
        this.table = table;
    }

    @Override
    public String topCaseId() {
        VirtualFlow<?> flow = flow(table);
        if (flow == null) {
            return null;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        if (first == null || first.getIndex() < 0 || first.getIndex() >= table.getItems().size()) {
            return null;
        }
        // a cell scrolled half out still counts as the top: the analyst sees it
        return table.getItems().get(first.getIndex()).id();
    }

    @Override
    public void showAtTop(String caseId) {
        VirtualFlow<?> flow = flow(table);
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id().equals(caseId)) {
                if (flow != null) {
                    flow.scrollToTop(i);
                } else {
                    table.scrollTo(i);
                }
                return;
            }
        }
    }

    /** Scrolls only when the row is out of sight, so selecting a visible row never moves the list. */
    static void reveal(TableView<QueueRow> table, QueueRow row) {
        int index = table.getItems().indexOf(row);
        VirtualFlow<?> flow = flow(table);
        if (index < 0) {
            return;
        }
        if (flow == null || flow.getFirstVisibleCell() == null) {
            table.scrollTo(index);
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        if (index <= first || index >= last) {
            flow.scrollTo(index);
        }
    }

    private static VirtualFlow<?> flow(TableView<?> table) {
        return table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }
}
