package io.gatehouse.data.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A digest of everything a loaded configuration was made from: this build, the operating-system user whose defaults
 * apply, and the file's text (or its absence). Two loads with the same digest give the same configuration, so the
 * change audit can skip flattening and comparing it, which cost a tenth to a sixth of a second of every start (Jackson
 * builds a serializer for every configuration class). The build's stamp stands for the code that fills in defaults;
 * a build without one (resources not filtered) gives no digest, and every load is compared in full.
 */
final class ConfigInput {
    private static final String STAMP = stamp();

    private ConfigInput() {
    }

    /** The digest of a load for {@code osUser} from {@code text}, null for the built-in defaults; null without a stamp. */
    static String digest(String osUser, String text) {
        if (STAMP == null) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // each part is length-prefixed, so that no two different inputs run together into the same bytes
            for (String part : new String[] {STAMP, String.valueOf(osUser), text == null ? "" : "file:" + text}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static boolean stamped() {
        return STAMP != null;
    }

    private static String stamp() {
        try (InputStream in = ConfigInput.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String stamp = properties.getProperty("stamp");
            return stamp == null || stamp.isBlank() || stamp.contains("${") ? null : stamp;
        } catch (IOException e) {
            return null;
        }
    }
}
