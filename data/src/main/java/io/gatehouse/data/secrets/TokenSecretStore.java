package io.gatehouse.data.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.data.files.ExportFailedException;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.keys.token.TokenCipher;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.secrets.SecretStoreException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Secrets encrypted with AES-256-GCM under a non-extractable AES key on a PKCS#11 token: the key never reaches
 * this process, so the file alone, or a copy of the disk, decrypts nothing. Each value is bound to its name as
 * associated data. A manifest, encrypted under the same key, holds a digest of every entry, so an entry
 * removed, added, or replaced by an older copy is detected when the store opens.
 *
 * <p>Values are decrypted on each {@link #get}, on the token, and handed out in a {@link Secret} the caller
 * closes; nothing is cached in plain text.
 */
public final class TokenSecretStore implements SecretStore {
    static final String FORMAT = "gatehouse-token-secrets-v1";
    private static final int NONCE_BYTES = 12;
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final byte[] MANIFEST_AAD = (FORMAT + " manifest").getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(byte[] nonce, byte[] ciphertext) {
    }

    private final Path file;
    private final TokenCipher cipher;
    private final String tokenLabel;
    private final String keyLabel;
    private final SafeFileWriter writer;
    private final SortedMap<String, Entry> entries;

    private TokenSecretStore(Path file, TokenCipher cipher, String tokenLabel, String keyLabel, SafeFileWriter writer,
            SortedMap<String, Entry> entries) {
        this.file = file;
        this.cipher = cipher;
        this.tokenLabel = tokenLabel;
        this.keyLabel = keyLabel;
        this.writer = writer;
        this.entries = entries;
    }

    /** Opens the store at {@code file}, or starts an empty one there when the file does not exist yet. */
    public static TokenSecretStore open(Path file, TokenCipher cipher, String tokenLabel, String keyLabel) {
        return open(file, cipher, tokenLabel, keyLabel, new SafeFileWriter());
    }

    static TokenSecretStore open(Path file, TokenCipher cipher, String tokenLabel, String keyLabel,
            SafeFileWriter writer) {
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(tokenLabel, "tokenLabel");
        Objects.requireNonNull(keyLabel, "keyLabel");
        if (!Files.exists(file)) {
            TokenSecretStore store = new TokenSecretStore(file, cipher, tokenLabel, keyLabel, writer, new TreeMap<>());
            store.save();
            return store;
        }
        JsonNode root = read(file);
        if (!FORMAT.equals(root.path("format").asText()) || !root.path("entries").isObject()) {
            throw corrupt(file, "it is not a Gatehouse token secret store");
        }
        if (!tokenLabel.equals(root.path("token").asText()) || !keyLabel.equals(root.path("key").asText())) {
            throw new SecretStoreException(Reason.WRONG_PASSPHRASE, "The secret store at " + file + " is encrypted with key '"
                    + root.path("key").asText() + "' on token '" + root.path("token").asText() + "', not with key '"
                    + keyLabel + "' on token '" + tokenLabel + "'. Insert that token, or configure its label.");
        }
        SortedMap<String, Entry> entries = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.get("entries").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            try {
                SecretStore.requireValidName(field.getKey());
            } catch (IllegalArgumentException e) {
                throw corrupt(file, "it holds an entry with an invalid name");
            }
            entries.put(field.getKey(), entry(file, field.getValue()));
        }
        TokenSecretStore store = new TokenSecretStore(file, cipher, tokenLabel, keyLabel, writer, entries);
        store.checkManifest(entry(file, root.path("manifest")));
        return store;
    }

    @Override
    public synchronized void put(String name, char[] value) {
        SecretStore.requireValidName(name);
        Objects.requireNonNull(value, "value");
        byte[] plain = utf8(value);
        try {
            byte[] nonce = nonce();
            Entry previous = entries.put(name, new Entry(nonce, cipher.encrypt(keyLabel, nonce, aad(name), plain)));
            try {
                save();
            } catch (RuntimeException e) {
                // the file was not replaced, so memory goes back to what the file still says
                if (previous == null) {
                    entries.remove(name);
                } else {
                    entries.put(name, previous);
                }
                throw e;
            }
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public synchronized Optional<Secret> get(String name) {
        SecretStore.requireValidName(name);
        Entry entry = entries.get(name);
        if (entry == null) {
            return Optional.empty();
        }
        byte[] plain;
        try {
            plain = cipher.decrypt(keyLabel, entry.nonce(), aad(name), entry.ciphertext());
        } catch (TokenException e) {
            throw new SecretStoreException(Reason.CORRUPT, "Secret '" + name + "' in " + file + " does not decrypt with key '"
                    + keyLabel + "' on token '" + tokenLabel + "'. The file was altered or belongs to another key; keep"
                    + " the file and enter the secret again.", e);
        }
        try {
            return Optional.of(Secret.adopt(chars(plain)));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public synchronized boolean delete(String name) {
        SecretStore.requireValidName(name);
        Entry removed = entries.remove(name);
        if (removed == null) {
            return false;
        }
        try {
            save();
        } catch (RuntimeException e) {
            entries.put(name, removed);
            throw e;
        }
        return true;
    }

    @Override
    public synchronized SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(entries.keySet()));
    }

    @Override
    public String toString() {
        return "TokenSecretStore[" + file + ", key '" + keyLabel + "' on token '" + tokenLabel + "', " + entries.size()
                + " secrets]";
    }

    private void save() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("token", tokenLabel);
        root.put("key", keyLabel);
        ObjectNode list = root.putObject("entries");
        Base64.Encoder b64 = Base64.getEncoder();
        entries.forEach((name, e) -> {
            ObjectNode node = list.putObject(name);
            node.put("nonce", b64.encodeToString(e.nonce()));
            node.put("ciphertext", b64.encodeToString(e.ciphertext()));
        });
        byte[] nonce = nonce();
        ObjectNode manifest = root.putObject("manifest");
        manifest.put("nonce", b64.encodeToString(nonce));
        manifest.put("ciphertext", b64.encodeToString(cipher.encrypt(keyLabel, nonce, MANIFEST_AAD, digest())));
        try {
            writer.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (ExportFailedException | IOException e) {
            throw new SecretStoreException(Reason.IO, "The secret store at " + file
                    + " could not be written, so the change was not saved; check free space and permissions.", e);
        }
    }

    private void checkManifest(Entry manifest) {
        byte[] stored;
        try {
            stored = cipher.decrypt(keyLabel, manifest.nonce(), MANIFEST_AAD, manifest.ciphertext());
        } catch (TokenException e) {
            throw corrupt(file, "its manifest does not decrypt with key '" + keyLabel + "'");
        }
        if (!MessageDigest.isEqual(stored, digest())) {
            throw corrupt(file, "its entries do not match its manifest: an entry was removed, added or replaced");
        }
    }

    /** SHA-256 over every entry in name order, with lengths, so no two listings hash alike. */
    private byte[] digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                for (byte[] part : new byte[][] {e.getKey().getBytes(StandardCharsets.UTF_8), e.getValue().nonce(),
                        e.getValue().ciphertext()}) {
                    sha.update(ByteBuffer.allocate(4).putInt(part.length).array());
                    sha.update(part);
                }
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw corrupt(file, "it is larger than a secret store can be");
            }
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                throw corrupt(file, "it is not valid JSON");
            }
            throw new SecretStoreException(Reason.IO, "The secret store at " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Entry entry(Path file, JsonNode node) {
        try {
            byte[] nonce = Base64.getDecoder().decode(node.path("nonce").asText(""));
            byte[] ciphertext = Base64.getDecoder().decode(node.path("ciphertext").asText(""));
            if (nonce.length != NONCE_BYTES || ciphertext.length < 16) {
                throw corrupt(file, "an entry has a malformed nonce or ciphertext");
            }
            return new Entry(nonce, ciphertext);
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "an entry is not valid base64");
        }
    }

    private static byte[] aad(String name) {
        return (FORMAT + " entry " + name).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private static byte[] utf8(char[] value) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(value));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The secret is not valid text (it holds a lone surrogate).", e);
        }
    }

    private static char[] chars(byte[] plain) {
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            if (decoded.hasArray()) {
                Arrays.fill(decoded.array(), '\0');
            }
            return chars;
        } catch (CharacterCodingException e) {
            throw new SecretStoreException(Reason.CORRUPT, "A secret decrypted to something that is not text.", e);
        }
    }

    private static SecretStoreException corrupt(Path file, String why) {
        return new SecretStoreException(Reason.CORRUPT, "The secret store at " + file + " cannot be used: " + why
                + ". The file was kept as it is; restore it from a backup or enter the secrets again.");
    }
}
