package io.gatehouse.connectors.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import io.gatehouse.data.keys.token.ModuleInfo;
import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.keys.token.SlotInfo;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenFlag;
import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.data.keys.token.TokenPort;
import io.gatehouse.data.keys.token.TokenSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.Token;

/** A {@link TokenPort} over one loaded PKCS#11 module. Get one from {@link Pkcs11Modules#open}. */
final class Pkcs11TokenPort implements TokenPort {
    private static final Map<Long, TokenFlag> FLAGS = Map.of(
            CKF_TOKEN_INITIALIZED, TokenFlag.INITIALIZED,
            CKF_LOGIN_REQUIRED, TokenFlag.LOGIN_REQUIRED,
            CKF_USER_PIN_INITIALIZED, TokenFlag.USER_PIN_INITIALIZED,
            CKF_PROTECTED_AUTHENTICATION_PATH, TokenFlag.PROTECTED_AUTHENTICATION_PATH,
            CKF_WRITE_PROTECTED, TokenFlag.WRITE_PROTECTED,
            CKF_RNG, TokenFlag.RANDOM_NUMBER_GENERATOR,
            CKF_USER_PIN_COUNT_LOW, TokenFlag.USER_PIN_COUNT_LOW,
            CKF_USER_PIN_FINAL_TRY, TokenFlag.USER_PIN_FINAL_TRY,
            CKF_USER_PIN_LOCKED, TokenFlag.USER_PIN_LOCKED,
            CKF_USER_PIN_TO_BE_CHANGED, TokenFlag.USER_PIN_TO_BE_CHANGED);

    private final String path;
    private final PKCS11Module module;
    /** One lock per token serial: label and id checks and the generation that follows are atomic. */
    private final Map<String, ReentrantLock> writeLocks = new ConcurrentHashMap<>();
    private final Optional<DirectSigning> directSigning;

    Pkcs11TokenPort(String path, PKCS11Module module, Optional<DirectSigning> directSigning) {
        this.path = path;
        this.module = module;
        this.directSigning = directSigning;
    }

    @Override
    public ModuleInfo module() {
        try {
            org.xipki.pkcs11.wrapper.ModuleInfo info = module.getInfo();
            return new ModuleInfo(path, info.getManufacturerID(), info.getLibraryDescription(),
                    String.valueOf(info.getLibraryVersion()), String.valueOf(info.getCryptokiVersion()));
        } catch (org.xipki.pkcs11.wrapper.TokenException e) {
            throw TokenException.deviceError("reading the description of module " + path, e);
        }
    }

    @Override
    public List<SlotInfo> listSlots() {
        List<SlotInfo> slots = new ArrayList<>();
        for (Slot slot : slots()) {
            try {
                org.xipki.pkcs11.wrapper.SlotInfo info = slot.getSlotInfo();
                Optional<TokenInfo> token = info.isTokenPresent() ? Optional.of(tokenInfo(slot)) : Optional.empty();
                slots.add(new SlotInfo(slot.getSlotID(), info.getSlotDescription().strip(),
                        info.getManufacturerID().strip(), info.isRemovableDevice(), info.isHwSlot(), token));
            } catch (PKCS11Exception e) {
                if (e.getErrorCode() == CKR_SLOT_ID_INVALID || e.getErrorCode() == CKR_DEVICE_REMOVED) {
                    continue; // the slot went away while we listed
                }
                throw TokenException.deviceError("reading slot " + slot.getSlotID() + " of " + path, e);
            }
        }
        return List.copyOf(slots);
    }

    @Override
    public TokenSession openSession(String tokenLabel, PinSource pin) {
        if (tokenLabel == null || tokenLabel.isBlank()) {
            throw new IllegalArgumentException("a token label is required");
        }
        String wanted = tokenLabel.strip();
        for (SlotInfo slot : listSlots()) {
            if (slot.token().isPresent() && slot.token().get().label().equals(wanted)) {
                return open(slot.slotId(), slot.token().get(), pin);
            }
        }
        throw TokenException.noSuchToken(wanted, path);
    }

    /**
     * Opens a session on the token in this slot: for a token that has no label yet, right after
     * listing the slots. Slot ids change between runs; never store one.
     */
    TokenSession openSessionInSlot(long slotId, PinSource pin) {
        for (SlotInfo slot : listSlots()) {
            if (slot.slotId() == slotId) {
                return open(slotId, slot.token().orElseThrow(() -> TokenException.noSuchToken("(slot " + slotId + ")",
                        path)), pin);
            }
        }
        throw TokenException.noSuchToken("(slot " + slotId + ")", path);
    }

    private TokenSession open(long slotId, TokenInfo info, PinSource pinSource) {
        String label = info.label().isEmpty() ? "in slot " + slotId : info.label();
        if (!info.initialized()) {
            throw TokenException.notInitialized("slot " + slotId + " of " + path, null);
        }
        if (info.flags().contains(TokenFlag.USER_PIN_LOCKED)) {
            throw TokenException.pinLocked(label, null);
        }
        if (info.flags().contains(TokenFlag.LOGIN_REQUIRED) && !info.flags().contains(TokenFlag.USER_PIN_INITIALIZED)) {
            throw TokenException.notInitialized("slot " + slotId + " of " + path, null);
        }
        Token token = slot(slotId).getToken();
        Session session;
        try {
            session = token.openSession(true);
        } catch (PKCS11Exception e) {
            throw Pkcs11Faults.map(e, label, "opening a session");
        }
        try {
            login(session, info, label, pinSource);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
        ReentrantLock lock = writeLocks.computeIfAbsent(info.serial() + "/" + info.label(), k -> new ReentrantLock());
        return new Pkcs11Session(session, info, lock, directSigning.map(DirectSigning::buffersFor).orElse(null));
    }

    private static void login(Session session, TokenInfo info, String label, PinSource pinSource) {
        if (!info.flags().contains(TokenFlag.LOGIN_REQUIRED)) {
            return;
        }
        try {
            long state = session.getSessionInfo().getState();
            if (state == CKS_RW_USER_FUNCTIONS || state == CKS_RO_USER_FUNCTIONS) {
                // PKCS#11 shares a login among all sessions of a process: another open session
                // of this process already proved the PIN for this token
                return;
            }
            if (info.flags().contains(TokenFlag.PROTECTED_AUTHENTICATION_PATH)) {
                session.login(CKU_USER, null); // the PIN is entered on the reader's own keypad
                return;
            }
        } catch (PKCS11Exception e) {
            throw Pkcs11Faults.map(e, label, "logging in");
        }
        char[] pin = pinSource.pinFor(info);
        try {
            session.login(CKU_USER, pin);
        } catch (PKCS11Exception e) {
            if (e.getErrorCode() != CKR_USER_ALREADY_LOGGED_IN) {
                throw Pkcs11Faults.map(e, label, "logging in");
            }
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private TokenInfo tokenInfo(Slot slot) throws PKCS11Exception {
        Token token = slot.getToken();
        org.xipki.pkcs11.wrapper.TokenInfo info;
        try {
            info = token.getTokenInfo();
        } catch (PKCS11Exception e) {
            if (e.getErrorCode() == CKR_TOKEN_NOT_RECOGNIZED) {
                // a card with no PKCS#11 structure on it: present, but not initialized
                return new TokenInfo("", "", "", "", Set.of(), List.of());
            }
            throw e;
        }
        Set<TokenFlag> flags = EnumSet.noneOf(TokenFlag.class);
        FLAGS.forEach((bit, flag) -> {
            if (info.hasFlagBit(bit)) {
                flags.add(flag);
            }
        });
        List<String> mechanisms = new ArrayList<>();
        if (flags.contains(TokenFlag.INITIALIZED)) {
            for (long code : token.getMechanismList()) {
                String name = module.codeToName(Category.CKM, code);
                mechanisms.add(name == null ? "0x" + Long.toHexString(code) : name);
            }
            mechanisms.sort(null);
        }
        return new TokenInfo(strip(info.getLabel()), strip(info.getManufacturerID()), strip(info.getModel()),
                strip(info.getSerialNumber()), flags, mechanisms);
    }

    private List<Slot> slots() {
        try {
            return List.of(module.getSlotList(false));
        } catch (PKCS11Exception e) {
            throw TokenException.deviceError("listing the slots of " + path + " (" + e.getErrorName() + ")", e);
        }
    }

    private Slot slot(long slotId) {
        for (Slot slot : slots()) {
            if (slot.getSlotID() == slotId) {
                return slot;
            }
        }
        throw TokenException.noSuchToken("(slot " + slotId + ")", path);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static void closeQuietly(Session session) {
        try {
            session.closeSession();
        } catch (PKCS11Exception e) {
            // the failure that brought us here is the one to report
        }
    }
}
