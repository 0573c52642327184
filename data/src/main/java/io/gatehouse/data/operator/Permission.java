package io.gatehouse.data.operator;

/** Something a service lets an operator do; every service method checks one. */
public enum Permission {
    /** See the review queue and case evidence. */
    VIEW_CASES,
    /** Approve, decline, hold, escalate or reverse a decline. */
    DECIDE_CASES,
    /** Decide every case of a filtered set at once; each decision is still audited on its own. */
    BULK_DECIDE,
    /** Be the checker of a four-eyes decision, or override a claim. */
    APPROVE_FOUR_EYES,
    /** See regional dashboards and alerts. */
    VIEW_TELEMETRY,
    /** Acknowledge and close alerts and incidents. */
    MANAGE_INCIDENTS,
    /** See the key inventory on a token. */
    VIEW_KEYS,
    /** Generate, activate, retire or destroy keys. */
    MANAGE_KEYS,
    /** See maturity assessments, the executive view and reports. */
    VIEW_EXECUTIVE,
    /** Record maturity assessments and audit answers. */
    EDIT_ASSESSMENTS,
    /** Read the audit log. */
    VIEW_AUDIT,
    /** Verify the audit chain. */
    VERIFY_AUDIT,
    /** Erase personal data referenced by audit entries. */
    ERASE_PERSONAL_DATA,
    /** Add, change or remove connections and their secrets. */
    MANAGE_CONNECTIONS,
    /** Approve or revoke the binding of an operator to their smartcard certificate. */
    ENROL_OPERATORS
}
