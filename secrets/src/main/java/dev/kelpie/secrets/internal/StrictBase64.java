package dev.kelpie.secrets.internal;

import java.util.Base64;

/**
 * Base64 as the controller decodes {@code encryptedData} values (Go's {@code StdEncoding}):
 * standard alphabet, padding required, CR and LF skipped anywhere, every other character
 * (spaces, URL-safe {@code -}/{@code _}) refused. The JDK's basic decoder does the opposite on
 * two counts (it refuses CR/LF and accepts missing padding), hence this wrapper.
 */
public final class StrictBase64 {
    private StrictBase64() {
    }

    /**
     * Decodes {@code text}.
     *
     * @throws IllegalArgumentException with a reason that quotes no input
     */
    public static byte[] decode(String text) {
        String clean = text;
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            StringBuilder b = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '\r' && c != '\n') {
                    b.append(c);
                }
            }
            clean = b.toString();
        }
        if (clean.length() % 4 != 0) {
            throw new IllegalArgumentException("illegal base64 data: length " + clean.length() + " is not a multiple of 4");
        }
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
            if (!ok) {
                throw new IllegalArgumentException("illegal base64 data at input byte " + i);
            }
        }
        try {
            return Base64.getDecoder().decode(clean);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("illegal base64 data: misplaced padding", e);
        }
    }

    /** Standard, padded, no line breaks (what kubeseal writes). */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
