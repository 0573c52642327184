package io.gatehouse.connectors.pkcs11;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;

/**
 * {@code C_SignInit} and {@code C_Sign} of a loaded module, called through the foreign function API
 * rather than the wrapper's JNI layer, for the raw ECDSA signatures the audit signer makes many of.
 *
 * <p>Why: on every call the wrapper's native code looks up Java classes and fields by name (with a
 * stack walk each time) and asks the module for the signature length with a first {@code C_Sign}
 * before the real one. On a software token that is about a sixth of the time of a signature. Here
 * the session handle the wrapper opened is used as is, the buffers are allocated once per session,
 * and one {@code C_Sign} call is made. Everything else (key generation, lookups, other mechanisms)
 * stays on the wrapper.
 *
 * <p>Only on 64-bit systems where {@code CK_ULONG} is 64 bits and PKCS#11 structures are naturally
 * aligned (Linux, macOS). Windows packs them to one byte and has a 32-bit {@code CK_ULONG}, so it
 * keeps the wrapper. {@code -Dgatehouse.pkcs11.directSigning=false} turns this off.
 */
final class DirectSigning {
    /** Positions in {@code CK_FUNCTION_LIST}, after the two-byte version padded to a pointer. */
    static final int SIGN_INIT_INDEX = 42;
    static final int SIGN_INDEX = 43;
    private static final int MAX_SIGNATURE = 1024;
    private static final int MAX_DIGEST = 64;

    private final MethodHandle signInit;
    private final MethodHandle sign;

    private DirectSigning(MethodHandle signInit, MethodHandle sign) {
        this.signInit = signInit;
        this.sign = sign;
    }

    /** The direct calls for the module at this path, or empty where they cannot be used safely. */
    static Optional<DirectSigning> forModule(Path library) {
        if (!Boolean.parseBoolean(System.getProperty("gatehouse.pkcs11.directSigning", "true"))
                || !supportedPlatform()) {
            return Optional.empty();
        }
        try {
            MemorySegment[] entries = functionList(library);
            return Optional.of(new DirectSigning(downcall(entries[SIGN_INIT_INDEX], FunctionDescriptor.of(
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG)),
                    downcall(entries[SIGN_INDEX], FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS))));
        } catch (RuntimeException | LinkageError e) {
            // native access refused, or a module without a usable function list: the wrapper still works
            return Optional.empty();
        }
    }

    private static boolean supportedPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return ValueLayout.ADDRESS.byteSize() == 8 && !os.contains("windows");
    }

    /**
     * The module's function pointers up to {@code C_Sign}, from {@code C_GetFunctionList}: the table the
     * standard defines, which every module has even when it exports no other symbol.
     */
    @SuppressWarnings("restricted")
    static MemorySegment[] functionList(Path library) {
        // the global arena keeps this handle for the life of the process, as Pkcs11Modules keeps the module
        SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
        MemorySegment getFunctionList = lookup.find("C_GetFunctionList").orElseThrow();
        MethodHandle get = downcall(getFunctionList,
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            long rv = (long) get.invokeExact(out);
            if (rv != PKCS11Constants.CKR_OK) {
                throw new IllegalStateException("C_GetFunctionList returned 0x" + Long.toHexString(rv));
            }
            int count = SIGN_INDEX + 1;
            MemorySegment table = out.get(ValueLayout.ADDRESS, 0).reinterpret(8L * (count + 1));
            int major = Byte.toUnsignedInt(table.get(ValueLayout.JAVA_BYTE, 0));
            if (major != 2 && major != 3) {
                throw new IllegalStateException("unknown function list version " + major);
            }
            MemorySegment[] entries = new MemorySegment[count];
            for (int i = 0; i < count; i++) {
                entries[i] = table.get(ValueLayout.ADDRESS, 8L * (i + 1));
                if (entries[i].equals(MemorySegment.NULL)) {
                    throw new IllegalStateException("function " + i + " is missing from the list");
                }
            }
            return entries;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("restricted")
    private static MethodHandle downcall(MemorySegment function, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(function, descriptor);
    }

    /** Buffers for one session, allocated once; the caller holds the session's lock. */
    Buffers buffersFor() {
        return new Buffers();
    }

    final class Buffers implements AutoCloseable {
        private final Arena arena = Arena.ofShared();
        private final MemorySegment mechanism = arena.allocate(24, 8); // CK_MECHANISM {type, pParameter, ulParameterLen}
        private final MemorySegment digest = arena.allocate(MAX_DIGEST, 8);
        private final MemorySegment signature = arena.allocate(MAX_SIGNATURE, 8);
        private final MemorySegment length = arena.allocate(ValueLayout.JAVA_LONG);

        private Buffers() {
            mechanism.set(ValueLayout.JAVA_LONG, 0, PKCS11Constants.CKM_ECDSA);
            mechanism.set(ValueLayout.ADDRESS, 8, MemorySegment.NULL);
            mechanism.set(ValueLayout.JAVA_LONG, 16, 0L);
        }

        /** {@code CKM_ECDSA} over a digest already made, in one {@code C_SignInit} and one {@code C_Sign}. */
        byte[] signEcdsa(long session, long key, byte[] hash) throws PKCS11Exception {
            if (hash.length > MAX_DIGEST) {
                throw new IllegalArgumentException("a digest of at most " + MAX_DIGEST + " bytes");
            }
            MemorySegment.copy(hash, 0, digest, ValueLayout.JAVA_BYTE, 0, hash.length);
            length.set(ValueLayout.JAVA_LONG, 0, MAX_SIGNATURE);
            try {
                check((long) signInit.invokeExact(session, mechanism, key));
                check((long) sign.invokeExact(session, digest, (long) hash.length, signature, length));
            } catch (PKCS11Exception | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            long produced = length.get(ValueLayout.JAVA_LONG, 0);
            if (produced < 0 || produced > MAX_SIGNATURE) {
                throw new PKCS11Exception(PKCS11Constants.CKR_GENERAL_ERROR);
            }
            return signature.asSlice(0, produced).toArray(ValueLayout.JAVA_BYTE);
        }

        private static void check(long rv) throws PKCS11Exception {
            if (rv != PKCS11Constants.CKR_OK) {
                throw new PKCS11Exception(rv);
            }
        }

        @Override
        public void close() {
            arena.close();
        }
    }
}
