package io.gatehouse.views.executive;

import io.gatehouse.data.defense.DefenseArea;
import io.gatehouse.data.defense.ItemStatus;
import io.gatehouse.data.executive.RiskLevel;
import io.gatehouse.data.friction.FrictionAxis;
import io.gatehouse.data.friction.FrictionComponent;
import io.gatehouse.data.keys.CryptoperiodStatus;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.roi.ActualSource;

/** The bundle key of each value the slides name; spelled out so the bundle check sees every key in use. */
final class SlideKeys {
    private SlideKeys() {
    }

    static String risk(RiskLevel level) {
        return switch (level) {
            case UNKNOWN -> "exec.risk.unknown";
            case LOW -> "exec.risk.low";
            case ELEVATED -> "exec.risk.elevated";
            case HIGH -> "exec.risk.high";
        };
    }

    static String axis(FrictionAxis axis) {
        return switch (axis) {
            case BARRIER -> "exec.friction.axis.barrier";
            case RESPONSE -> "exec.friction.axis.response";
            case RECOVERY -> "exec.friction.axis.recovery";
            case CLIENT_IMPACT -> "exec.friction.axis.clientImpact";
        };
    }

    static String component(FrictionComponent c) {
        return switch (c) {
            case BOUNDARY_CHECKLIST -> "exec.friction.component.boundaryChecklist";
            case EDGE_STOPS -> "exec.friction.component.edgeStops";
            case MTLS_COVERAGE -> "exec.friction.component.mtlsCoverage";
            case DETECTION -> "exec.friction.component.detection";
            case CONTAINMENT -> "exec.friction.component.containment";
            case RECOVERY_TIME -> "exec.friction.component.recoveryTime";
            case DOWNTIME_COST -> "exec.friction.component.downtimeCost";
            case FALSE_POSITIVE_DECLINES -> "exec.friction.component.falsePositiveDeclines";
            case REVERSALS -> "exec.friction.component.reversals";
            case AUTHENTICATION_FRICTION -> "exec.friction.component.authenticationFriction";
        };
    }

    static String keyStatus(CryptoperiodStatus s) {
        return switch (s) {
            case OK -> "exec.keys.status.ok";
            case WARNING -> "exec.keys.status.warning";
            case EXPIRED -> "exec.keys.status.expired";
        };
    }

    static String dimension(Dimension d) {
        return switch (d) {
            case ARCHITECTURE -> "exec.maturity.dimension.architecture";
            case EXECUTION -> "exec.maturity.dimension.execution";
            case MEASUREMENT -> "exec.maturity.dimension.measurement";
            case CULTURE -> "exec.maturity.dimension.culture";
        };
    }

    static String auditArea(DefenseArea a) {
        return switch (a) {
            case BOUNDARY_DESIGN -> "exec.audit.area.boundaryDesign";
            case API_SCHEMA_DISCIPLINE -> "exec.audit.area.apiSchemaDiscipline";
            case TOKEN_MANAGEMENT -> "exec.audit.area.tokenManagement";
            case IDENTITY_FEDERATION -> "exec.audit.area.identityFederation";
            case OBSERVABILITY -> "exec.audit.area.observability";
            case INCIDENT_RESPONSE -> "exec.audit.area.incidentResponse";
            case VENDOR_RISK -> "exec.audit.area.vendorRisk";
            case DATA_GOVERNANCE -> "exec.audit.area.dataGovernance";
        };
    }

    static String auditStatus(ItemStatus s) {
        return switch (s) {
            case PASS -> "exec.audit.status.pass";
            case FAIL -> "exec.audit.status.fail";
            case OPEN -> "exec.audit.status.open";
        };
    }

    static String roiSource(ActualSource s) {
        return switch (s) {
            case MEASURED_FRAUD_LOSSES -> "exec.roi.source.measuredFraudLosses";
            case MEASURED_DOWNTIME -> "exec.roi.source.measuredDowntime";
            case ENTERED -> "exec.roi.source.entered";
        };
    }
}
