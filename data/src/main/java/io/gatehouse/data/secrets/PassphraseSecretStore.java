package io.gatehouse.data.secrets;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.data.secrets.SecretStoreException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * A {@link SecretStore} kept in one JSON file, encrypted under a key derived from a passphrase.
 *
 * <ul>
 *   <li>Argon2id (parameters stored in the file) turns the passphrase and a random salt into a
 *       32-byte master key; HKDF-SHA256 (expand only) splits it into an encryption key, a file
 *       authentication key and a passphrase verifier.</li>
 *   <li>Each value is encrypted with AES-256-GCM under a fresh 96-bit random nonce on every write,
 *       with the secret's name as additional data, so a value moved to another name fails to
 *       decrypt.</li>
 *   <li>An HMAC-SHA256 over the parameters, salt, verifier and all entries lets {@link #open} notice
 *       a removed, added or rolled-back entry.</li>
 *   <li>Every change rewrites the file atomically (temporary file in the same folder, then an atomic
 *       move) with owner-only permissions where the file system has POSIX permissions. A failed
 *       open never writes.</li>
 * </ul>
 *
 * <p>The store keeps only ciphertext in memory, plus the derived keys until {@link #close()}.
 * Passphrase bytes, derived key material and plaintext buffers are overwritten after use; copies
 * made inside the JDK's and BouncyCastle's crypto classes are beyond its reach. All methods are
 * thread-safe. See {@code docs/secrets.md} for the file format.
 */
public final class PassphraseSecretStore implements SecretStore, AutoCloseable {

    /** The only file format version this class reads and writes. */
    static final int FORMAT_VERSION = 1;
    static final String FORMAT_NAME = "gatehouse-secret-store";
    /** The largest store file {@link #open} accepts. */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] INFO_ENCRYPTION = ascii("gatehouse secret store v1 encryption key");
    private static final byte[] INFO_FILE_MAC = ascii("gatehouse secret store v1 file mac key");
    private static final byte[] INFO_VERIFIER = ascii("gatehouse secret store v1 passphrase verifier");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;
    private KdfParameters params;
    private byte[] salt;
    private byte[] verifier;
    private byte[] encryptionKey;
    private byte[] macKey;
    private TreeMap<String, Sealed> entries;
    private boolean closed;

    private PassphraseSecretStore(Path file, KdfParameters params, byte[] salt, Keys keys,
                                  TreeMap<String, Sealed> entries) {
        this.file = file;
        this.params = params;
        this.salt = salt;
        this.verifier = keys.verifier();
        this.encryptionKey = keys.encryption();
        this.macKey = keys.mac();
        this.entries = entries;
    }

    /** Whether something already exists at {@code file}, so {@link #create} would refuse it. */
    public static boolean exists(Path file) {
        return Files.exists(Objects.requireNonNull(file, "file"));
    }

    /**
     * Creates an empty store at {@code file}, protected by {@code passphrase}. The caller wipes its
     * passphrase array afterwards.
     *
     * @throws IllegalArgumentException if the passphrase is empty or not valid Unicode
     * @throws SecretStoreException     ({@code IO}) if the file already exists or cannot be written
     */
    public static PassphraseSecretStore create(Path file, char[] passphrase, KdfParameters params) {
        Objects.requireNonNull(file, "file");
        requirePassphrase(passphrase);
        Objects.requireNonNull(params, "params");
        if (exists(file)) {
            throw new SecretStoreException(Reason.IO, "A file already exists at " + file
                    + ", so no new secret store was created there; open it instead or choose another file.");
        }
        byte[] salt = randomBytes(params.saltLength());
        Keys keys = derive(passphrase, salt, params);
        PassphraseSecretStore store = new PassphraseSecretStore(file, params, salt, keys, new TreeMap<>());
        try {
            store.persist(store.entries, params, salt, keys.verifier(), keys.mac());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /**
     * Opens the store at {@code file} with {@code passphrase}. The file is only read.
     *
     * @throws SecretStoreException {@code WRONG_PASSPHRASE} if the passphrase does not unlock it,
     *                              {@code CORRUPT} if it is damaged, altered or of an unknown
     *                              version, {@code IO} if it is missing or unreadable
     */
    public static PassphraseSecretStore open(Path file, char[] passphrase) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(passphrase, "passphrase");
        StoredFile stored = parse(file, read(file));
        Keys keys = derive(passphrase, stored.salt(), stored.params());
        try {
            if (!MessageDigest.isEqual(keys.verifier(), stored.verifier())) {
                throw new SecretStoreException(Reason.WRONG_PASSPHRASE, "The passphrase does not unlock the"
                        + " secret store at " + file + "; check it and try again.");
            }
            byte[] expectedMac = fileMac(keys.mac(), stored.params(), stored.salt(), stored.verifier(), stored.entries());
            if (!MessageDigest.isEqual(expectedMac, stored.mac())) {
                throw corrupt(file, "its contents were altered after it was written");
            }
            for (Map.Entry<String, Sealed> entry : stored.entries().entrySet()) {
                Arrays.fill(unseal(file, keys.encryption(), entry.getKey(), entry.getValue()), '\0');
            }
        } catch (RuntimeException e) {
            keys.wipe();
            throw e;
        }
        return new PassphraseSecretStore(file, stored.params(), stored.salt(), keys, stored.entries());
    }

    @Override
    public synchronized void put(String name, char[] value) {
        SecretStore.requireValidName(name);
        Objects.requireNonNull(value, "value");
        requireOpen();
        TreeMap<String, Sealed> next = new TreeMap<>(entries);
        next.put(name, seal(encryptionKey, name, value));
        persist(next, params, salt, verifier, macKey);
        entries = next;
    }

    @Override
    public synchronized Optional<Secret> get(String name) {
        SecretStore.requireValidName(name);
        requireOpen();
        Sealed sealed = entries.get(name);
        return sealed == null ? Optional.empty() : Optional.of(Secret.adopt(unseal(file, encryptionKey, name, sealed)));
    }

    @Override
    public synchronized boolean delete(String name) {
        SecretStore.requireValidName(name);
        requireOpen();
        if (!entries.containsKey(name)) {
            return false;
        }
        TreeMap<String, Sealed> next = new TreeMap<>(entries);
        next.remove(name);
        persist(next, params, salt, verifier, macKey);
        entries = next;
        return true;
    }

    @Override
    public synchronized SortedSet<String> names() {
        requireOpen();
        return Collections.unmodifiableSortedSet(new TreeSet<>(entries.keySet()));
    }

    /** The key derivation parameters the store currently uses. */
    public synchronized KdfParameters kdfParameters() {
        return params;
    }

    /**
     * Whether {@code candidate} is this store's passphrase, for proving the operator is still
     * present. Runs a full key derivation and compares the derived verifier in constant time. The
     * caller wipes {@code candidate} afterwards.
     */
    public boolean verifyPassphrase(char[] candidate) {
        Objects.requireNonNull(candidate, "candidate");
        byte[] saltNow;
        byte[] verifierNow;
        KdfParameters paramsNow;
        synchronized (this) {
            requireOpen();
            saltNow = salt.clone();
            verifierNow = verifier.clone();
            paramsNow = params;
        }
        Keys keys = derive(candidate, saltNow, paramsNow);
        try {
            return MessageDigest.isEqual(keys.verifier(), verifierNow);
        } finally {
            keys.wipe();
        }
    }

    /** Changes the passphrase, keeping the current key derivation parameters. */
    public void changePassphrase(char[] oldPassphrase, char[] newPassphrase) {
        KdfParameters current;
        synchronized (this) {
            requireOpen();
            current = params;
        }
        changePassphrase(oldPassphrase, newPassphrase, current);
    }

    /**
     * Changes the passphrase and the key derivation parameters (to raise them, for example). Every
     * value is re-encrypted under keys derived with a fresh salt. If writing fails, the store and
     * its file keep the old passphrase.
     *
     * @throws SecretStoreException ({@code WRONG_PASSPHRASE}) if {@code oldPassphrase} is wrong
     */
    public synchronized void changePassphrase(char[] oldPassphrase, char[] newPassphrase, KdfParameters newParams) {
        Objects.requireNonNull(oldPassphrase, "oldPassphrase");
        requirePassphrase(newPassphrase);
        Objects.requireNonNull(newParams, "newParams");
        requireOpen();
        Keys old = derive(oldPassphrase, salt, params);
        boolean matches;
        try {
            matches = MessageDigest.isEqual(old.verifier(), verifier);
        } finally {
            old.wipe();
        }
        if (!matches) {
            throw new SecretStoreException(Reason.WRONG_PASSPHRASE,
                    "The current passphrase is wrong, so the passphrase was not changed; check it and try again.");
        }
        byte[] newSalt = randomBytes(newParams.saltLength());
        Keys fresh = derive(newPassphrase, newSalt, newParams);
        try {
            TreeMap<String, Sealed> next = new TreeMap<>();
            for (Map.Entry<String, Sealed> entry : entries.entrySet()) {
                char[] plain = unseal(file, encryptionKey, entry.getKey(), entry.getValue());
                try {
                    next.put(entry.getKey(), seal(fresh.encryption(), entry.getKey(), plain));
                } finally {
                    Arrays.fill(plain, '\0');
                }
            }
            persist(next, newParams, newSalt, fresh.verifier(), fresh.mac());
            wipeKeys();
            params = newParams;
            salt = newSalt;
            verifier = fresh.verifier();
            encryptionKey = fresh.encryption();
            macKey = fresh.mac();
            entries = next;
        } catch (RuntimeException e) {
            fresh.wipe();
            throw e;
        }
    }

    /** Wipes the derived keys from memory; the store cannot be used afterwards. */
    @Override
    public synchronized void close() {
        if (!closed) {
            wipeKeys();
            entries = new TreeMap<>();
            closed = true;
        }
    }

    @Override
    public String toString() {
        return "PassphraseSecretStore[" + file + "]";
    }

    // ---- keys -------------------------------------------------------------------------------

    private record Keys(byte[] encryption, byte[] mac, byte[] verifier) {
        void wipe() {
            Arrays.fill(encryption, (byte) 0);
            Arrays.fill(mac, (byte) 0);
            Arrays.fill(verifier, (byte) 0);
        }
    }

    private static Keys derive(char[] passphrase, byte[] salt, KdfParameters params) {
        byte[] secret = encode(passphrase);
        byte[] master = new byte[KEY_BYTES];
        Argon2Parameters argon = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(params.memoryKiB())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .build();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(argon);
            generator.generateBytes(secret, master);
            return new Keys(expand(master, INFO_ENCRYPTION), expand(master, INFO_FILE_MAC), expand(master, INFO_VERIFIER));
        } finally {
            argon.clear();
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(master, (byte) 0);
        }
    }

    /** HKDF-SHA256 expand; the Argon2 output is already uniformly random, so extraction is skipped. */
    private static byte[] expand(byte[] master, byte[] info) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(HKDFParameters.skipExtractParameters(master, info));
        byte[] out = new byte[KEY_BYTES];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    private void wipeKeys() {
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(macKey, (byte) 0);
        Arrays.fill(verifier, (byte) 0);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This secret store has been closed; open it again to use it.");
        }
    }

    private static void requirePassphrase(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("The passphrase must not be empty.");
        }
    }

    // ---- entries ----------------------------------------------------------------------------

    record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    private static Sealed seal(byte[] key, String name, char[] value) {
        byte[] plain = encode(value);
        try {
            byte[] nonce = randomBytes(NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new Sealed(nonce, cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is not available in this Java runtime.", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static char[] unseal(Path file, byte[] key, String name, Sealed sealed) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            plain = cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw corrupt(file, "the secret " + name + " does not decrypt under its own name");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption is not available in this Java runtime.", e);
        }
        try {
            return decode(file, plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** UTF-8 bytes of {@code chars} without going through a String; the buffer used is wiped. */
    private static byte[] encode(char[] chars) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(chars.length, (int) encoder.maxBytesPerChar()));
        try {
            CoderResult result = encoder.encode(CharBuffer.wrap(chars), out, true);
            if (result.isUnderflow()) {
                result = encoder.flush(out);
            }
            if (!result.isUnderflow()) {
                throw new IllegalArgumentException("The text contains an unpaired surrogate character and cannot be stored.");
            }
            return Arrays.copyOf(out.array(), out.position());
        } finally {
            Arrays.fill(out.array(), (byte) 0);
        }
    }

    private static char[] decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        try {
            CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, true);
            if (result.isUnderflow()) {
                result = decoder.flush(out);
            }
            if (!result.isUnderflow()) {
                throw corrupt(file, "a decrypted value is not valid UTF-8");
            }
            return Arrays.copyOf(out.array(), out.position());
        } finally {
            Arrays.fill(out.array(), '\0');
        }
    }

    // ---- file -------------------------------------------------------------------------------

    private record StoredFile(KdfParameters params, byte[] salt, byte[] verifier, TreeMap<String, Sealed> entries,
                              byte[] mac) {
    }

    private static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw corrupt(file, "it is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new SecretStoreException(Reason.IO, "There is no secret store at " + file
                    + "; check the path or create a new store.", e);
        } catch (IOException e) {
            throw new SecretStoreException(Reason.IO, "The secret store at " + file
                    + " could not be read; check that the file is accessible and try again.", e);
        }
    }

    private static StoredFile parse(Path file, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw corrupt(file, "it is not valid JSON", e);
        }
        if (root == null || !root.isObject() || !FORMAT_NAME.equals(root.path("format").textValue())) {
            throw corrupt(file, "it is not a Gatehouse secret store");
        }
        JsonNode version = root.path("version");
        if (!version.isInt()) {
            throw corrupt(file, "its format version is missing");
        }
        if (version.intValue() != FORMAT_VERSION) {
            throw new SecretStoreException(Reason.CORRUPT, "The secret store at " + file + " uses format version "
                    + version.intValue() + ", which this version of Gatehouse cannot read; use a Gatehouse"
                    + " version that supports it or restore a backup.");
        }
        JsonNode kdf = root.path("kdf");
        if (!"argon2id".equals(kdf.path("algorithm").textValue())) {
            throw corrupt(file, "its key derivation algorithm is missing or unknown");
        }
        byte[] salt = base64(file, kdf, "salt", -1);
        KdfParameters params;
        try {
            params = new KdfParameters(intField(file, kdf, "memoryKiB"), intField(file, kdf, "iterations"),
                    intField(file, kdf, "parallelism"), salt.length);
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "its key derivation parameters are out of range", e);
        }
        byte[] verifier = base64(file, root, "verifier", KEY_BYTES);
        JsonNode entriesNode = root.path("entries");
        if (!entriesNode.isObject()) {
            throw corrupt(file, "its entries are missing");
        }
        TreeMap<String, Sealed> entries = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : entriesNode.properties()) {
            if (!NAME.matcher(field.getKey()).matches() || !field.getValue().isObject()) {
                throw corrupt(file, "it has an entry with an invalid name or shape");
            }
            byte[] nonce = base64(file, field.getValue(), "nonce", NONCE_BYTES);
            byte[] ciphertext = base64(file, field.getValue(), "ciphertext", -1);
            if (ciphertext.length < TAG_BITS / 8) {
                throw corrupt(file, "an entry's ciphertext is too short");
            }
            entries.put(field.getKey(), new Sealed(nonce, ciphertext));
        }
        byte[] mac = base64(file, root, "mac", KEY_BYTES);
        return new StoredFile(params, salt, verifier, entries, mac);
    }

    private static int intField(Path file, JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isInt()) {
            throw corrupt(file, "its field " + field + " is missing or not a whole number");
        }
        return node.intValue();
    }

    private static byte[] base64(Path file, JsonNode parent, String field, int expectedLength) {
        JsonNode node = parent.path(field);
        if (!node.isTextual()) {
            throw corrupt(file, "its field " + field + " is missing");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "its field " + field + " is not valid base64", e);
        }
        if (expectedLength >= 0 && bytes.length != expectedLength) {
            throw corrupt(file, "its field " + field + " has the wrong length");
        }
        return bytes;
    }

    private static SecretStoreException corrupt(Path file, String detail) {
        return corrupt(file, detail, null);
    }

    private static SecretStoreException corrupt(Path file, String detail, Throwable cause) {
        return new SecretStoreException(Reason.CORRUPT, "The secret store at " + file + " is damaged or was altered ("
                + detail + "); restore it from a backup.", cause);
    }

    /** HMAC-SHA256 over everything in the file except the MAC itself, in a fixed binary layout. */
    private static byte[] fileMac(byte[] key, KdfParameters params, byte[] salt, byte[] verifier,
                                  TreeMap<String, Sealed> entries) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(FORMAT_VERSION);
            out.writeInt(params.memoryKiB());
            out.writeInt(params.iterations());
            out.writeInt(params.parallelism());
            writeBytes(out, salt);
            writeBytes(out, verifier);
            out.writeInt(entries.size());
            for (Map.Entry<String, Sealed> entry : entries.entrySet()) {
                writeBytes(out, entry.getKey().getBytes(StandardCharsets.UTF_8));
                writeBytes(out, entry.getValue().nonce());
                writeBytes(out, entry.getValue().ciphertext());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(buffer.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime.", e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private void persist(TreeMap<String, Sealed> newEntries, KdfParameters newParams, byte[] newSalt,
                         byte[] newVerifier, byte[] newMacKey) {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT_NAME);
        root.put("version", FORMAT_VERSION);
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("algorithm", "argon2id");
        kdf.put("memoryKiB", newParams.memoryKiB());
        kdf.put("iterations", newParams.iterations());
        kdf.put("parallelism", newParams.parallelism());
        kdf.put("salt", b64.encodeToString(newSalt));
        root.put("verifier", b64.encodeToString(newVerifier));
        ObjectNode entriesNode = root.putObject("entries");
        for (Map.Entry<String, Sealed> entry : newEntries.entrySet()) {
            ObjectNode e = entriesNode.putObject(entry.getKey());
            e.put("nonce", b64.encodeToString(entry.getValue().nonce()));
            e.put("ciphertext", b64.encodeToString(entry.getValue().ciphertext()));
        }
        root.put("mac", b64.encodeToString(fileMac(newMacKey, newParams, newSalt, newVerifier, newEntries)));
        try {
            writeAtomically(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new SecretStoreException(Reason.IO, "The secret store at " + file
                    + " could not be written, so the change was not saved; check free space and permissions.", e);
        }
    }

    private void writeAtomically(byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        String prefix = "." + target.getFileName() + ".";
        Path temp = posix
                ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, prefix, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temp, OWNER_ONLY);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        if (posix) {
            syncDirectory(dir);
        }
    }

    /** Makes the rename durable; best effort, since not every platform can open a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // The file itself is already on disk; only the rename's durability is at stake.
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
