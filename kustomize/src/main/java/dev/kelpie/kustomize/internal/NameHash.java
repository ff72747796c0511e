package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.diff.KubectlJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * kustomize's content hash for generated names: SHA-256 of the Go {@code json.Marshal} encoding
 * of the object's significant fields, first ten hex digits with {@code 0 1 3 a e} swapped for
 * {@code g h k m t}.
 */
final class NameHash {
    private static final String HEX = "0123456789abcdef";
    /** Looked up once: a provider lookup per hash showed in cold builds. Cloned per use (digests are stateful). */
    private static final MessageDigest SHA256 = lookUpSha256();

    private static MessageDigest lookUpSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return MessageDigest.getInstance("SHA-256");
        }
    }

    private NameHash() {
    }

    static String of(KResource r) {
        JsonNode o = r.obj;
        String kind = r.kind();
        if (kind.equals("ConfigMap") || kind.equals("Secret")) {
            ObjectNode m = JsonNodeFactory.instance.objectNode();
            m.put("kind", kind);
            if (kind.equals("Secret")) {
                m.set("type", value(o.get("type")));
            }
            m.put("name", ""); // kubectl v1.32's kustomize looks the name up as one field "metadata/name": never found
            m.set("data", value(o.get("data")));
            String extra = kind.equals("ConfigMap") ? "binaryData" : "stringData";
            if (o.path(extra).isObject()) {
                m.set(extra, value(o.get(extra)));
            }
            return encode(KubectlJson.compact(m));
        }
        return encode(KubectlJson.compact(o));
    }

    /** The field's node; a missing field is the empty string (as kustomize). */
    private static JsonNode value(JsonNode n) {
        return n == null || n.isMissingNode() ? TextNode.valueOf("") : n;
    }

    private static String encode(String json) {
        try {
            byte[] sum = sha256().digest(json.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                char c = HEX.charAt((sum[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf);
                out.append(switch (c) {
                    case '0' -> 'g';
                    case '1' -> 'h';
                    case '3' -> 'k';
                    case 'a' -> 'm';
                    case 'e' -> 't';
                    default -> c;
                });
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
