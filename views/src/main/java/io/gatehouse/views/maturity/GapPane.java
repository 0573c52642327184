package io.gatehouse.views.maturity;

import io.gatehouse.data.defense.AreaGap;
import io.gatehouse.data.defense.GapAnalysis;
import io.gatehouse.data.defense.RiskStep;
import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.RoadmapItem;
import io.gatehouse.data.maturity.Roadmap;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The gaps: the maturity roadmap by priority, or the audit gap analysis with its risk-reduction path. */
final class GapPane {
    private GapPane() {
    }

    /** The maturity roadmap: current to target, lower levels first. */
    static final class RoadmapView extends VBox {
        private final MaturityText text;
        private final TableView<RoadmapItem> table = new TableView<>();
        private final Label summary = new Label();

        RoadmapView(MaturityText text) {
            super(8);
            this.text = text;
            table.setId("roadmapTable");
            table.getStyleClass().addAll("striped", "edge-to-edge");
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.setPlaceholder(new Label(text.i18n().get("maturity.roadmap.empty")));
            table.getColumns().setAll(List.of(
                    Columns.<RoadmapItem>text(text.i18n().get("maturity.roadmap.priority"), 60, r -> String.valueOf(r.priority())),
                    Columns.<RoadmapItem>text(text.i18n().get("maturity.roadmap.dimension"), 110, r -> text.dimension(r.dimension())),
                    Columns.<RoadmapItem>text(text.i18n().get("maturity.roadmap.level"), 120, r -> text.level(r.level())),
                    Columns.<RoadmapItem>text(text.i18n().get("maturity.roadmap.now"), 80, r -> text.grade(r.grade())),
                    Columns.<RoadmapItem>text(text.i18n().get("maturity.roadmap.criterion"), 480, r -> r.criterion().text())));
            VBox.setVgrow(table, Priority.ALWAYS);
            summary.setWrapText(true);
            getChildren().addAll(summary, table);
        }

        TableView<RoadmapItem> table() {
            return table;
        }

        void show(Assessment a) {
            List<RoadmapItem> items = a == null ? List.of() : Roadmap.of(a);
            table.getItems().setAll(items);
            summary.setText(text.i18n().get("maturity.roadmap.summary", items.size()));
        }
    }

    /** The audit's gap analysis: per area standing, then the path ordered by impact and due date. */
    static final class AuditGapView extends VBox {
        private final MaturityText text;
        private final Label summary = new Label();
        private final TableView<AreaGap> areas = new TableView<>();
        private final TableView<RiskStep> path = new TableView<>();

        AuditGapView(MaturityText text) {
            super(8);
            this.text = text;
            areas.setId("gapAreasTable");
            areas.getStyleClass().addAll("striped", "edge-to-edge");
            areas.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            areas.getColumns().setAll(List.of(
                    Columns.<AreaGap>text(text.i18n().get("maturity.audit.area"), 260, g -> text.area(g.area())),
                    Columns.<AreaGap>text(text.i18n().get("maturity.gap.passed"), 100, g -> g.passed() + " / " + g.total()),
                    Columns.<AreaGap>text(text.i18n().get("maturity.gap.openImpact"), 120, g -> String.valueOf(g.openImpact()))));
            areas.setPrefHeight(260);
            path.setId("riskPathTable");
            path.getStyleClass().addAll("striped", "edge-to-edge");
            path.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            path.setPlaceholder(new Label(text.i18n().get("maturity.gap.none")));
            path.getColumns().setAll(List.of(
                    Columns.<RiskStep>fixed(text.i18n().get("maturity.roadmap.priority"), 60, s -> String.valueOf(s.order())),
                    Columns.<RiskStep>text(text.i18n().get("maturity.audit.item"), 240, s -> s.item().title()),
                    Columns.<RiskStep>fixed(text.i18n().get("maturity.audit.status"), 134, s -> text.status(s.result().status())),
                    Columns.<RiskStep>fixed(text.i18n().get("maturity.audit.impact"), 86, s -> String.valueOf(s.item().impact())),
                    Columns.<RiskStep>fixed(text.i18n().get("maturity.audit.due"), 100,
                            s -> s.item().due() == null ? "" : s.item().due().toString()),
                    Columns.<RiskStep>text(text.i18n().get("maturity.audit.owner"), 120, s -> s.item().owner()),
                    Columns.<RiskStep>text(text.i18n().get("maturity.gap.firstStep"), 260,
                            s -> s.item().remediation().isEmpty() ? "" : s.item().remediation().getFirst())));
            VBox.setVgrow(path, Priority.ALWAYS);
            getChildren().addAll(summary, areas, new Label(text.i18n().get("maturity.gap.path")), path);
        }

        TableView<RiskStep> path() {
            return path;
        }

        void show(Assessment a) {
            GapAnalysis gaps = a == null ? null : a.gapAnalysis();
            areas.getItems().setAll(gaps == null ? List.of() : gaps.areas());
            path.getItems().setAll(gaps == null ? List.of() : gaps.path());
            summary.setText(gaps == null ? "" : text.i18n().get("maturity.gap.summary", gaps.passed(), gaps.total(),
                    Math.round(gaps.passRate() * 100)));
        }
    }
}
