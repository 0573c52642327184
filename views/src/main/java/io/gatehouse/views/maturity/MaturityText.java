package io.gatehouse.views.maturity;

import io.gatehouse.data.defense.DefenseArea;
import io.gatehouse.data.defense.ItemStatus;
import io.gatehouse.data.evidence.Measurement;
import io.gatehouse.data.maturity.Answer;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.maturity.Grade;
import io.gatehouse.data.maturity.MaturityLevel;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.TimeFormat;

/** The area's words for the scale's names, grades and evidence, from the bundles. */
final class MaturityText {
    private final I18n i18n;
    private final TimeFormat time;

    MaturityText(I18n i18n, TimeFormat time) {
        this.i18n = i18n;
        this.time = time;
    }

    I18n i18n() {
        return i18n;
    }

    // every key is spelled out, so the bundle check sees each one in use
    String dimension(Dimension d) {
        return i18n.get(switch (d) {
            case ARCHITECTURE -> "maturity.dimension.architecture";
            case EXECUTION -> "maturity.dimension.execution";
            case MEASUREMENT -> "maturity.dimension.measurement";
            case CULTURE -> "maturity.dimension.culture";
        });
    }

    String level(int level) {
        if (level == 0) {
            return i18n.get("maturity.level.none");
        }
        return i18n.get(switch (MaturityLevel.of(level)) {
            case REACTIVE -> "maturity.level.reactive";
            case PROACTIVE -> "maturity.level.proactive";
            case ADAPTIVE -> "maturity.level.adaptive";
            case PREDICTIVE -> "maturity.level.predictive";
            case AUTONOMOUS -> "maturity.level.autonomous";
        }, level);
    }

    String grade(Grade g) {
        return i18n.get(switch (g) {
            case NONE -> "maturity.grade.none";
            case SOME -> "maturity.grade.some";
            case HALF -> "maturity.grade.half";
            case MOST -> "maturity.grade.most";
            case ALL -> "maturity.grade.all";
        });
    }

    String area(DefenseArea a) {
        return i18n.get(switch (a) {
            case BOUNDARY_DESIGN -> "maturity.area.boundaryDesign";
            case API_SCHEMA_DISCIPLINE -> "maturity.area.apiSchemaDiscipline";
            case TOKEN_MANAGEMENT -> "maturity.area.tokenManagement";
            case IDENTITY_FEDERATION -> "maturity.area.identityFederation";
            case OBSERVABILITY -> "maturity.area.observability";
            case INCIDENT_RESPONSE -> "maturity.area.incidentResponse";
            case VENDOR_RISK -> "maturity.area.vendorRisk";
            case DATA_GOVERNANCE -> "maturity.area.dataGovernance";
        });
    }

    String status(ItemStatus s) {
        return i18n.get(switch (s) {
            case PASS -> "maturity.itemStatus.pass";
            case FAIL -> "maturity.itemStatus.fail";
            case OPEN -> "maturity.itemStatus.open";
        });
    }

    String score(double value) {
        return String.format(i18n.locale(), "%.2f", value);
    }

    /** An automatic measurement in words: what was found, where, and when. */
    String measurement(Measurement m) {
        return i18n.get("maturity.evidence.automatic", m.finding(), m.source(), time.dateTime(m.at()));
    }

    /** The evidence column of an answer: the measurement, or the note and link. */
    String evidence(Answer a) {
        if (a == null) {
            return "";
        }
        if (a.automatic()) {
            return measurement(a.measurement());
        }
        if (a.link().isEmpty()) {
            return a.note();
        }
        return a.note().isEmpty() ? a.link() : a.note() + " (" + a.link() + ")";
    }
}
