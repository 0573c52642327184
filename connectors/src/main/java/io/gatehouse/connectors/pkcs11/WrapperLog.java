package io.gatehouse.connectors.pkcs11;

import org.xipki.pkcs11.wrapper.Logger;

/**
 * Sends the wrapper's own log lines to the platform logger at debug level or below. Without it
 * the wrapper prints them on standard output, which would corrupt machine-readable output.
 */
final class WrapperLog implements Logger {
    private static final System.Logger LOG = System.getLogger("io.gatehouse.connectors.pkcs11.wrapper");

    @Override
    public void info(String format, Object... args) {
        log(System.Logger.Level.DEBUG, format, args);
    }

    @Override
    public void warn(String format, Object... args) {
        log(System.Logger.Level.INFO, format, args);
    }

    @Override
    public void error(String format, Object... args) {
        log(System.Logger.Level.WARNING, format, args);
    }

    @Override
    public void debug(String format, Object... args) {
        log(System.Logger.Level.TRACE, format, args);
    }

    @Override
    public void trace(String format, Object... args) {
        log(System.Logger.Level.TRACE, format, args);
    }

    @Override
    public boolean isDebugEnabled() {
        return LOG.isLoggable(System.Logger.Level.TRACE);
    }

    @Override
    public boolean isInfoEnabled() {
        return LOG.isLoggable(System.Logger.Level.DEBUG);
    }

    @Override
    public boolean isWarnEnabled() {
        return LOG.isLoggable(System.Logger.Level.INFO);
    }

    @Override
    public boolean isTraceEnabled() {
        return LOG.isLoggable(System.Logger.Level.TRACE);
    }

    private static void log(System.Logger.Level level, String format, Object... args) {
        if (!LOG.isLoggable(level)) {
            return;
        }
        // the wrapper formats with {} placeholders
        StringBuilder out = new StringBuilder();
        int next = 0;
        int from = 0;
        for (int at = format.indexOf("{}"); at >= 0; at = format.indexOf("{}", from)) {
            out.append(format, from, at).append(args != null && next < args.length ? String.valueOf(args[next++]) : "{}");
            from = at + 2;
        }
        out.append(format.substring(from));
        LOG.log(level, out.toString());
    }
}
