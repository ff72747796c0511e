package dev.kelpie.core.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Origin;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The parent object of an application's ApplySet (KEP-3659): a ConfigMap whose label
 * {@code applyset.kubernetes.io/id} holds the set's id and whose annotations list the member
 * group-kinds and extra namespaces. Members carry {@code applyset.kubernetes.io/part-of: <id>}.
 * The id is {@code applyset-<base64url(sha256(<name>.<namespace>.ConfigMap.))>-v1}, as kubectl
 * computes it, so kubectl's ApplySet pruning and Kelpie's agree. Immutable and thread-safe.
 */
public record ApplySetParent(String name, String namespace) {
    public static final String TOOLING = "kelpie/v1";

    public ApplySetParent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        if (name.isEmpty() || namespace.isEmpty()) {
            throw new IllegalArgumentException("an ApplySet parent ConfigMap needs a name and a namespace");
        }
    }

    /** The parent of application {@code app}: ConfigMap {@code kelpie-<app>} in {@code namespace}. */
    public static ApplySetParent forApplication(String app, String namespace) {
        return new ApplySetParent("kelpie-" + app, namespace);
    }

    /** The ApplySet id. */
    public String id() {
        String key = name + "." + namespace + ".ConfigMap.";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "applyset-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "-v1";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ResourceId resourceId() {
        return ResourceId.of("", "v1", "ConfigMap", namespace, name);
    }

    /** The parent object listing the group-kinds and namespaces of {@code members}. */
    public Resource toResource(Collection<ResourceId> members) {
        TreeSet<String> groupKinds = new TreeSet<>();
        TreeSet<String> namespaces = new TreeSet<>();
        for (ResourceId m : members) {
            groupKinds.add(m.groupKind());
            if (!m.namespace().isEmpty() && !m.namespace().equals(namespace)) {
                namespaces.add(m.namespace());
            }
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("apiVersion", "v1");
        o.put("kind", "ConfigMap");
        ObjectNode md = o.putObject("metadata");
        md.put("name", name);
        md.put("namespace", namespace);
        md.putObject("labels").put(SyncAnnotations.APPLYSET_ID, id());
        ObjectNode ann = md.putObject("annotations");
        ann.put(SyncAnnotations.APPLYSET_TOOLING, TOOLING);
        ann.put(SyncAnnotations.APPLYSET_GROUP_KINDS, String.join(",", groupKinds));
        if (!namespaces.isEmpty()) {
            ann.put(SyncAnnotations.APPLYSET_NAMESPACES, String.join(",", namespaces));
        }
        return Resource.adopt(o, Origin.of("applyset:" + namespace + "/" + name));
    }
}
