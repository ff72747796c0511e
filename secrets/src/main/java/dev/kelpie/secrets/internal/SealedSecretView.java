package dev.kelpie.secrets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.secrets.MalformedSealedSecretException;
import dev.kelpie.secrets.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What unsealing reads from a SealedSecret: the top-level name, namespace, uid and scope (the
 * label comes from here, never from the template), the items in key order, the template and
 * the deprecated {@code spec.data}. Shares the resource's tree read-only; holds no plaintext.
 */
public record SealedSecretView(String object, String name, String namespace, String uid, Scope scope,
                               Map<String, JsonNode> items, ObjectNode template, Optional<String> legacyData) {

    public static final String API_VERSION = "bitnami.com/v1alpha1";
    public static final String KIND = "SealedSecret";

    /** True for {@code bitnami.com/*} SealedSecrets. */
    public static boolean isSealedSecret(Resource r) {
        return r.kind().equals(KIND) && r.id().group().equals("bitnami.com");
    }

    /**
     * Reads a SealedSecret.
     *
     * @throws MalformedSealedSecretException when it is not one, or a field has the wrong shape
     */
    public static SealedSecretView of(Resource r) {
        String object = "SealedSecret " + (r.namespace().isEmpty() ? "" : r.namespace() + "/") + r.name();
        if (!isSealedSecret(r)) {
            throw MalformedSealedSecretException.of(r.id().toString(), "not a " + API_VERSION + " SealedSecret");
        }
        if (r.name().isEmpty()) {
            throw MalformedSealedSecretException.of(object, "metadata.name is missing");
        }
        ObjectNode tree = r.unsafeTree();
        Map<String, String> annotations = new LinkedHashMap<>();
        JsonNode a = tree.path("metadata").path("annotations");
        if (!a.isMissingNode() && !a.isNull() && !a.isObject()) {
            throw MalformedSealedSecretException.of(object, "metadata.annotations: expected a mapping");
        }
        // only string values can be "true"; a YAML boolean does not select a scope
        a.fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : ""));
        JsonNode uidNode = tree.path("metadata").path("uid");
        String uid = uidNode.isTextual() ? uidNode.textValue() : "";
        JsonNode spec = tree.path("spec");
        if (!spec.isObject()) {
            throw MalformedSealedSecretException.of(object, "spec: expected a mapping");
        }
        Map<String, JsonNode> items = new TreeMap<>();
        JsonNode ed = spec.path("encryptedData");
        if (ed.isObject()) {
            ed.fields().forEachRemaining(e -> items.put(e.getKey(), e.getValue()));
        } else if (!ed.isMissingNode() && !ed.isNull()) {
            throw MalformedSealedSecretException.of(object, "spec.encryptedData: expected a mapping");
        }
        JsonNode template = spec.path("template");
        if (!template.isMissingNode() && !template.isNull() && !template.isObject()) {
            throw MalformedSealedSecretException.of(object, "spec.template: expected a mapping");
        }
        JsonNode data = spec.path("data");
        Optional<String> legacy = Optional.empty();
        if (data.isTextual() && !data.textValue().isEmpty()) {
            if (!items.isEmpty()) {
                throw MalformedSealedSecretException.of(object, "both spec.data (deprecated) and spec.encryptedData are set");
            }
            legacy = Optional.of(data.textValue());
        } else if (!data.isMissingNode() && !data.isNull() && !data.isTextual()) {
            throw MalformedSealedSecretException.of(object, "spec.data: expected a base64 string");
        }
        return new SealedSecretView(object, r.name(), r.namespace(), uid, Scope.ofAnnotations(annotations), items,
                template.isObject() ? (ObjectNode) template : null, legacy);
    }

    /** The template's metadata, or null. */
    public JsonNode templateMetadata() {
        return template == null ? null : template.get("metadata");
    }

    @Override
    public String toString() {
        return object + " (" + items.size() + " items, " + scope.flag() + ")";
    }
}
