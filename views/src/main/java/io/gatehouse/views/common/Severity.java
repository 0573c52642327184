package io.gatehouse.views.common;

/** How much a message to the operator matters; decides its colour and its icon. */
public enum Severity {
    INFO, WARNING, ERROR
}
