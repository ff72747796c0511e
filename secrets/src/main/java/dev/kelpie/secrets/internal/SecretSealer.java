package dev.kelpie.secrets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.secrets.Scope;
import dev.kelpie.secrets.SealOptions;
import dev.kelpie.secrets.SealRefusedException;
import dev.kelpie.secrets.SealRefusedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secret → SealedSecret as kubeseal's {@code Seal}: checks (empty data, name, namespace), scope
 * annotations, server-side fields cleared, template metadata copied without the
 * last-applied-configuration annotations (they would leak the plaintext) and owner references,
 * each {@code data} then {@code stringData} value sealed on its own. Produces kubeseal's JSON
 * field order. Stateless and thread-safe.
 */
public final class SecretSealer {
    private static final List<String> LEAKY_ANNOTATIONS = List.of(
            "kubectl.kubernetes.io/last-applied-configuration", "kubecfg.ksonnet.io/last-applied-configuration");
    private static final List<String> SERVER_FIELDS = List.of(
            "selfLink", "uid", "resourceVersion", "generation", "deletionTimestamp", "deletionGracePeriodSeconds");

    private SecretSealer() {
    }

    public static ObjectNode seal(JsonNode input, RSAPublicKey key, SealOptions options, SecureRandom random) {
        if (!input.isObject() || !"Secret".equals(input.path("kind").asText()) || !"v1".equals(input.path("apiVersion").asText())) {
            throw new SealRefusedException(Reason.NOT_A_SECRET, describe(input), "not a v1 Secret");
        }
        ObjectNode secret = ((ObjectNode) input).deepCopy();
        JsonNode mdNode = secret.path("metadata");
        if (!mdNode.isObject()) {
            mdNode = secret.putObject("metadata");
        }
        ObjectNode md = (ObjectNode) mdNode;
        Map<String, byte[]> plain = plaintexts(secret, describe(secret));
        try {
            if (plain.isEmpty() && !options.allowEmptyData()) {
                throw new SealRefusedException(Reason.EMPTY_DATA, describe(secret),
                        "data and stringData are empty; refusing to seal (use --allow-empty-data to seal anyway)");
            }
            options.name().ifPresent(n -> md.put("name", n));
            String name = md.path("name").asText("");
            if (name.isEmpty()) {
                throw new SealRefusedException(Reason.MISSING_NAME, describe(secret), "missing metadata.name in the input Secret");
            }
            options.scope().ifPresent(s -> rewriteScopeAnnotations(md, s));
            Scope scope = Scope.ofAnnotations(stringMap(md.path("annotations")));
            String namespace = md.path("namespace").asText("");
            if (scope != Scope.CLUSTER_WIDE) {
                if (options.namespace().isPresent() && !namespace.isEmpty() && !namespace.equals(options.namespace().get())) {
                    throw new SealRefusedException(Reason.NAMESPACE_MISMATCH, describe(secret), "namespace mismatch: the Secret is in namespace \""
                            + namespace + "\" but \"" + options.namespace().get() + "\" was given");
                }
                if (namespace.isEmpty()) {
                    namespace = options.namespace().or(options::defaultNamespace).orElse("");
                }
                if (namespace.isEmpty()) {
                    throw new SealRefusedException(Reason.MISSING_NAMESPACE, describe(secret),
                            "the Secret declares no namespace and none was given (--namespace); needed for " + scope.flag() + " scope");
                }
            } else if (options.namespace().isPresent()) {
                namespace = options.namespace().get();
            }
            if (namespace.isEmpty()) {
                md.remove("namespace");
            } else {
                md.put("namespace", namespace);
            }
            SERVER_FIELDS.forEach(md::remove);
            md.putNull("creationTimestamp");
            return build(secret, md, scope, name, namespace, plain, key, random);
        } finally {
            SecretUnsealer.wipe(plain);
        }
    }

    private static ObjectNode build(ObjectNode secret, ObjectNode md, Scope scope, String name, String namespace,
                                    Map<String, byte[]> plain, RSAPublicKey key, SecureRandom random) {
        byte[] label = scope.label(namespace, name);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", SealedSecretView.KIND);
        out.put("apiVersion", SealedSecretView.API_VERSION);
        ObjectNode top = out.putObject("metadata");
        top.put("name", name);
        if (!namespace.isEmpty()) {
            top.put("namespace", namespace);
        }
        top.putNull("creationTimestamp");
        if (scope != Scope.STRICT) {
            top.putObject("annotations").put(scope.annotation(), "true");
        }
        ObjectNode spec = out.putObject("spec");
        ObjectNode template = spec.putObject("template");
        template.set("metadata", templateMetadata(md));
        if (secret.path("type").isTextual() && !secret.path("type").textValue().isEmpty()) {
            template.set("type", secret.get("type"));
        }
        if (secret.path("immutable").isBoolean()) {
            template.set("immutable", secret.get("immutable"));
        }
        ObjectNode encrypted = spec.putObject("encryptedData");
        for (Map.Entry<String, byte[]> e : plain.entrySet()) {
            encrypted.put(e.getKey(), StrictBase64.encode(HybridCipher.seal(key, label, e.getValue(), random)));
        }
        return out;
    }

    /** Secret metadata minus leaky annotations and owner references; empty maps dropped as Go's omitempty does. */
    private static ObjectNode templateMetadata(ObjectNode md) {
        ObjectNode t = md.deepCopy();
        t.remove("ownerReferences");
        if (t.path("annotations").isObject()) {
            LEAKY_ANNOTATIONS.forEach(((ObjectNode) t.get("annotations"))::remove);
        }
        for (String m : List.of("annotations", "labels")) {
            if (t.has(m) && (t.get(m).isNull() || t.get(m).isEmpty())) {
                t.remove(m);
            }
        }
        return t;
    }

    /** Rewrites the scope annotations for a forced scope (remove both, add the chosen one). */
    public static void rewriteScopeAnnotations(ObjectNode md, Scope scope) {
        JsonNode a = md.path("annotations");
        if (a.isObject()) {
            ((ObjectNode) a).remove(Scope.NAMESPACE_WIDE_ANNOTATION);
            ((ObjectNode) a).remove(Scope.CLUSTER_WIDE_ANNOTATION);
        }
        if (scope != Scope.STRICT) {
            ObjectNode an = a.isObject() ? (ObjectNode) a : md.putObject("annotations");
            an.put(scope.annotation(), "true");
        } else if (a.isObject() && a.isEmpty()) {
            md.remove("annotations");
        }
    }

    private static Map<String, byte[]> plaintexts(ObjectNode secret, String object) {
        Map<String, byte[]> plain = new TreeMap<>();
        JsonNode data = secret.path("data");
        if (data.isObject()) {
            var it = data.fields();
            while (it.hasNext()) {
                var f = it.next();
                if (f.getValue().isNull()) {
                    plain.put(f.getKey(), new byte[0]);
                    continue;
                }
                try {
                    plain.put(f.getKey(), StrictBase64.decode(f.getValue().isTextual() ? f.getValue().textValue() : "!"));
                } catch (IllegalArgumentException e) {
                    SecretUnsealer.wipe(plain);
                    throw new SealRefusedException(Reason.BAD_DATA, object, "data." + f.getKey() + " is not valid base64");
                }
            }
        } else if (!data.isMissingNode() && !data.isNull()) {
            throw new SealRefusedException(Reason.NOT_A_SECRET, object, "data: expected a mapping");
        }
        JsonNode stringData = secret.path("stringData");
        if (stringData.isObject()) {
            var it = stringData.fields();
            while (it.hasNext()) {
                var f = it.next();
                byte[] prior = plain.put(f.getKey(), f.getValue().isNull() ? new byte[0] : f.getValue().asText().getBytes(StandardCharsets.UTF_8));
                if (prior != null) {
                    Arrays.fill(prior, (byte) 0);
                }
            }
        } else if (!stringData.isMissingNode() && !stringData.isNull()) {
            throw new SealRefusedException(Reason.NOT_A_SECRET, object, "stringData: expected a mapping");
        }
        return plain;
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> m = new TreeMap<>();
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : ""));
        }
        return m;
    }

    private static String describe(JsonNode secret) {
        String kind = secret.path("kind").asText("object");
        String ns = secret.path("metadata").path("namespace").asText("");
        String name = secret.path("metadata").path("name").asText("");
        return kind + " " + (ns.isEmpty() ? "" : ns + "/") + (name.isEmpty() ? "<unnamed>" : name);
    }
}
