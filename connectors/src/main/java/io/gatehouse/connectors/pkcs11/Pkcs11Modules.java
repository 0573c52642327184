package io.gatehouse.connectors.pkcs11;

import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenPort;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.StaticLogger;

/**
 * Loads PKCS#11 modules: one instance per library file for the whole process, initialized once.
 * A module keeps its state (logins, sessions) per process, so loading a library twice would make
 * two callers step on each other. Modules stay loaded until the JVM exits. Thread-safe.
 */
public final class Pkcs11Modules {
    private static final Map<Path, Pkcs11TokenPort> LOADED = new ConcurrentHashMap<>();

    static {
        StaticLogger.setLogger(new WrapperLog());
    }

    private Pkcs11Modules() {
    }

    /**
     * The port for the PKCS#11 library at this path, loading and initializing it on first use.
     *
     * @throws TokenException {@code LIBRARY_MISSING} when the file does not exist or cannot be
     *     read, {@code NOT_A_PKCS11_LIBRARY} when it is not a PKCS#11 module
     */
    public static TokenPort open(Path library) {
        Path absolute = library.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute) || !Files.isReadable(absolute)) {
            throw TokenException.libraryMissing(absolute.toString(), null);
        }
        Path key;
        try {
            key = absolute.toRealPath();
        } catch (IOException e) {
            throw TokenException.libraryMissing(absolute.toString(), e);
        }
        // computeIfAbsent runs the load once per path; a failed load leaves nothing behind
        return LOADED.computeIfAbsent(key, p -> new Pkcs11TokenPort(absolute.toString(), load(p, absolute.toString()),
                DirectSigning.forModule(p)));
    }

    private static PKCS11Module load(Path path, String shownPath) {
        requirePkcs11EntryPoint(path, shownPath);
        PKCS11Module module;
        try {
            module = PKCS11Module.getInstance(path.toString());
        } catch (IOException | UnsatisfiedLinkError | RuntimeException e) {
            // the file exists and is readable (checked above), so the loader refused its content:
            // no C_GetFunctionList, not a shared library, or built for another architecture
            throw TokenException.notAPkcs11Library(shownPath, e);
        }
        try {
            module.initialize();
        } catch (PKCS11Exception e) {
            if (e.getErrorCode() != PKCS11Constants.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                throw TokenException.deviceError("starting the PKCS#11 module " + shownPath + " (" + e.getErrorName() + ")", e);
            }
            // another component of this process (SunPKCS11, for one) initialized it already
        }
        return module;
    }

    /**
     * Refuses a library without the PKCS#11 entry point before the wrapper sees it: the wrapper's
     * native loader reports that failure with an unterminated message and can crash the JVM.
     * Looking up a library's symbols is a restricted method: the launcher grants native access.
     */
    @SuppressWarnings("restricted")
    private static void requirePkcs11EntryPoint(Path path, String shownPath) {
        try (Arena arena = Arena.ofConfined()) {
            if (SymbolLookup.libraryLookup(path, arena).find("C_GetFunctionList").isEmpty()) {
                throw TokenException.notAPkcs11Library(shownPath, null);
            }
        } catch (IllegalArgumentException | IllegalCallerException e) {
            // not a shared library the dynamic loader accepts
            throw TokenException.notAPkcs11Library(shownPath, e);
        }
    }
}
