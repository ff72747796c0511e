package dev.kelpie.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Converts between {@link Resource} and fabric8's model types, for users of the fabric8 client.
 *
 * <p>fabric8 8 serialises its model with Jackson 3 while Kelpie's trees are Jackson 2, so the
 * bridge goes through JSON bytes: exact, and cheap next to any API call. Thread-safe.
 */
public final class Fabric8Resources {
    private static final ObjectMapper KELPIE = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final tools.jackson.databind.ObjectMapper FABRIC8 = tools.jackson.databind.json.JsonMapper.builder().build();

    private Fabric8Resources() {
    }

    /** A resource from any fabric8 model object (Deployment, ConfigMap, GenericKubernetesResource, …). */
    public static Resource fromFabric8(HasMetadata object) {
        Objects.requireNonNull(object, "object");
        byte[] json = FABRIC8.writeValueAsBytes(object);
        try {
            JsonNode tree = KELPIE.readTree(json);
            return Resource.of(tree, Origin.of("fabric8:" + object.getClass().getSimpleName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resource as fabric8's schemaless {@link GenericKubernetesResource}. */
    public static GenericKubernetesResource toGeneric(Resource resource) {
        return toFabric8(resource, GenericKubernetesResource.class);
    }

    /** The resource as a typed fabric8 model class, e.g. {@code Deployment.class}. */
    public static <T extends HasMetadata> T toFabric8(Resource resource, Class<T> type) {
        Objects.requireNonNull(resource, "resource");
        try {
            byte[] json = KELPIE.writeValueAsBytes(resource.unsafeTree());
            return FABRIC8.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
