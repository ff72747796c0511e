package dev.kelpie.secrets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.secrets.ItemFailure;
import dev.kelpie.secrets.MalformedSealedSecretException;
import dev.kelpie.secrets.UnsealException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SealedSecret → Secret as the controller builds it: metadata from the template, name and
 * namespace forced to the SealedSecret's, an owner reference (unless the template opts out),
 * type and immutable from the template, every item opened (any failure fails all, no partial
 * Secret), then template data rendered over the items. Not thread-safe (one opener per call).
 */
public final class SecretUnsealer {
    public static final String SKIP_OWNER_REFERENCES = "sealedsecrets.bitnami.com/skip-set-owner-references";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretUnsealer() {
    }

    /**
     * Opens every item, in key order.
     *
     * @throws UnsealException listing every failing item
     */
    public static Map<String, byte[]> openItems(SealedSecretView view, ItemOpener opener) {
        if (view.legacyData().isPresent()) {
            return openLegacy(view, opener);
        }
        Map<String, byte[]> plain = new TreeMap<>();
        List<ItemFailure> failures = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : view.items().entrySet()) {
            if (!e.getValue().isTextual()) {
                failures.add(new ItemFailure(e.getKey(), ItemFailure.Reason.MALFORMED, "expected a base64 string"));
                continue;
            }
            try {
                plain.put(e.getKey(), opener.open(e.getValue().textValue(), view.scope(), view.namespace(), view.name()));
            } catch (ItemOpenException x) {
                failures.add(x.toFailure(e.getKey()));
            }
        }
        if (!failures.isEmpty()) {
            wipe(plain);
            throw UnsealException.of(view.object(), failures);
        }
        return plain;
    }

    /** The deprecated v1 format: the whole Secret JSON sealed as one blob in {@code spec.data}. */
    private static Map<String, byte[]> openLegacy(SealedSecretView view, ItemOpener opener) {
        byte[] json;
        try {
            json = opener.open(view.legacyData().orElseThrow(), view.scope(), view.namespace(), view.name());
        } catch (ItemOpenException x) {
            throw UnsealException.of(view.object(), List.of(x.toFailure("spec.data")));
        }
        try {
            JsonNode secret = JSON.readTree(json);
            Map<String, byte[]> plain = new TreeMap<>();
            var fields = secret.path("data").fields();
            while (fields.hasNext()) {
                var f = fields.next();
                plain.put(f.getKey(), Base64.getDecoder().decode(f.getValue().asText()));
            }
            return plain;
        } catch (IOException | IllegalArgumentException e) {
            throw MalformedSealedSecretException.of(view.object(), "spec.data does not hold a Secret in JSON");
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /**
     * The Secret tree for opened items (consumed: the caller must not reuse {@code plain}).
     *
     * @throws MalformedSealedSecretException when the template data cannot be rendered
     */
    public static ObjectNode buildSecret(SealedSecretView view, Map<String, byte[]> plain) {
        ObjectNode secret = JsonNodeFactory.instance.objectNode();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        JsonNode tm = view.templateMetadata();
        ObjectNode md = tm != null && tm.isObject() ? ((ObjectNode) tm).deepCopy() : JsonNodeFactory.instance.objectNode();
        md.put("name", view.name());
        if (view.namespace().isEmpty()) {
            md.remove("namespace");
        } else {
            md.put("namespace", view.namespace());
        }
        if (!"true".equals(md.path("annotations").path(SKIP_OWNER_REFERENCES).asText())) {
            ArrayNode refs = md.putArray("ownerReferences");
            ObjectNode ref = refs.addObject();
            ref.put("apiVersion", SealedSecretView.API_VERSION);
            ref.put("kind", SealedSecretView.KIND);
            ref.put("name", view.name());
            ref.put("uid", view.uid());
            ref.put("controller", true);
        }
        secret.set("metadata", md);
        ObjectNode template = view.template();
        if (template != null && template.path("immutable").isBoolean()) {
            secret.set("immutable", template.get("immutable"));
        }
        Map<String, byte[]> data = new TreeMap<>(plain);
        if (template != null && template.path("data").isObject() && !template.path("data").isEmpty()) {
            renderTemplateData(view, template.get("data"), plain, data);
        }
        ObjectNode dataNode = secret.putObject("data");
        for (Map.Entry<String, byte[]> e : data.entrySet()) {
            dataNode.put(e.getKey(), Base64.getEncoder().encodeToString(e.getValue()));
        }
        wipe(data);
        wipe(plain);
        if (template != null && template.path("type").isTextual() && !template.path("type").textValue().isEmpty()) {
            secret.put("type", template.get("type").textValue());
        }
        return secret;
    }

    private static void renderTemplateData(SealedSecretView view, JsonNode templates, Map<String, byte[]> plain,
                                           Map<String, byte[]> data) {
        Map<String, String> values = new HashMap<>();
        plain.forEach((k, v) -> values.put(k, new String(v, StandardCharsets.UTF_8)));
        var fields = templates.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (!f.getValue().isTextual()) {
                throw MalformedSealedSecretException.of(view.object(), "spec.template.data." + f.getKey() + ": expected a string");
            }
            try {
                data.put(f.getKey(), GoTemplate.render(f.getValue().textValue(), values).getBytes(StandardCharsets.UTF_8));
            } catch (GoTemplate.TemplateException e) {
                wipe(data);
                throw MalformedSealedSecretException.of(view.object(), "spec.template.data." + f.getKey() + ": " + e.getMessage());
            }
        }
        values.clear();
    }

    /** Zeroes every value. */
    public static void wipe(Map<String, byte[]> m) {
        m.values().forEach(v -> Arrays.fill(v, (byte) 0));
    }
}
