package io.gatehouse.views.common;

/** Every FXML file of the console, by name, so a typo fails at compile time rather than at run time. */
public enum FxmlView {
    MAIN_WINDOW("shell/MainWindow.fxml"),
    EMPTY_AREA("shell/EmptyArea.fxml"),
    STARTUP_FAILURE("shell/StartupFailure.fxml"),
    AUDIT_LOG("audit/AuditLog.fxml"),
    SETTINGS("settings/Settings.fxml"),
    CONNECTIONS("connections/Connections.fxml"),
    REVIEW_DESK("review/ReviewDesk.fxml"),
    DASHBOARDS("dashboard/Dashboards.fxml"),
    MATURITY("maturity/Maturity.fxml"),
    EXECUTIVE("executive/Executive.fxml"),
    KEY_CUSTODY("keys/KeyCustody.fxml"),
    ALERTS("incidents/Alerts.fxml");

    private final String path;

    FxmlView(String path) {
        this.path = path;
    }

    /** The resource path, from the root of the class path. */
    public String resource() {
        return "/io/gatehouse/views/" + path;
    }
}
