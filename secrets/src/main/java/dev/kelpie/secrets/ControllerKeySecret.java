package dev.kelpie.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Origin;
import dev.kelpie.core.model.Resource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The controller's key Secret: type {@code kubernetes.io/tls}, {@code tls.key} = PEM PKCS#1,
 * {@code tls.crt} = PEM certificate, label {@code sealedsecrets.bitnami.com/sealed-secrets-key:
 * active}, {@code generateName: sealed-secrets-key}. Reads backups ({@code kubectl get secret
 * -o yaml}, a {@code List} of them) and writes new ones.
 *
 * <p>Limit: a Secret is a Jackson tree, so the base64 of the PEM is a String while the tree
 * lives; keep such trees short-lived. Stateless and thread-safe.
 */
public final class ControllerKeySecret {
    /** The label the controller puts on its key Secrets. */
    public static final String KEY_LABEL = "sealedsecrets.bitnami.com/sealed-secrets-key";
    /** The controller's default {@code --key-prefix}. */
    public static final String KEY_PREFIX = "sealed-secrets-key";

    private ControllerKeySecret() {
    }

    /**
     * The keys of every Secret in {@code resources} that holds a {@code tls.key}.
     *
     * @throws InvalidKeyMaterialException when a {@code tls.key} or {@code tls.crt} cannot be read,
     *     or no Secret holds a key
     */
    public static List<UnsealingKey> read(Iterable<Resource> resources) {
        List<UnsealingKey> out = new ArrayList<>();
        for (Resource r : resources) {
            if (!r.kind().equals("Secret") || !r.unsafeTree().path("data").has("tls.key")) {
                continue;
            }
            out.add(read(r));
        }
        if (out.isEmpty()) {
            throw new InvalidKeyMaterialException("<key secrets>", "no Secret with a data.tls.key");
        }
        return out;
    }

    /**
     * The key of one controller key Secret.
     *
     * @throws InvalidKeyMaterialException when {@code data.tls.key} is missing or unreadable
     */
    public static UnsealingKey read(Resource secret) {
        String source = secret.id() + " (" + secret.origin() + ")";
        JsonNode data = secret.unsafeTree().path("data");
        byte[] key = decode(data.path("tls.key"), source, "data.tls.key");
        try {
            if (data.path("tls.crt").isTextual()) {
                byte[] cert = decode(data.path("tls.crt"), source, "data.tls.crt");
                return UnsealingKey.parsePem(key, cert, source);
            }
            return UnsealingKey.parsePem(key, source);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] decode(JsonNode n, String source, String field) {
        if (!n.isTextual()) {
            throw new InvalidKeyMaterialException(source, field + " is missing or not a string");
        }
        try {
            return Base64.getMimeDecoder().decode(n.textValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyMaterialException(source, field + " is not valid base64");
        }
    }

    /** The key as a controller key Secret in {@code namespace} (the controller's is {@code kube-system}). */
    public static Resource write(UnsealingKey key, String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        SealingKey cert = key.certificate().orElseThrow(() ->
                new IllegalArgumentException("key " + key.fingerprint() + " has no certificate; the controller needs tls.crt"));
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("apiVersion", "v1");
        t.put("kind", "Secret");
        ObjectNode md = t.putObject("metadata");
        md.put("generateName", KEY_PREFIX);
        md.put("namespace", namespace);
        md.putObject("labels").put(KEY_LABEL, "active");
        ObjectNode data = t.putObject("data");
        data.put("tls.crt", Base64.getEncoder().encodeToString(cert.certificatePem()));
        byte[] pem = key.privateKeyPkcs1Pem();
        try {
            data.put("tls.key", Base64.getEncoder().encodeToString(pem));
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
        t.put("type", "kubernetes.io/tls");
        return Resource.adopt(t, Origin.UNKNOWN);
    }
}
