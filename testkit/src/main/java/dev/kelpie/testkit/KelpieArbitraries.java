package dev.kelpie.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of realistic Kubernetes objects: Deployments, Services, ConfigMaps, Secrets,
 * Ingresses, and whole {@link Manifests} of them with unique ids. Names are valid DNS labels,
 * images look like registry images, ports and replicas are in range; objects live in a small set
 * of namespaces ({@link #NAMESPACES}) so tests can create those first. Stateless and thread-safe.
 *
 * <pre>{@code
 * @Provide Arbitrary<Resource> deployments() { return KelpieArbitraries.deployments(); }
 * @Property void applyIsIdempotent(@ForAll("deployments") Resource d) { ... }
 * }</pre>
 */
public final class KelpieArbitraries {
    /** The namespaces generated objects use. */
    public static final List<String> NAMESPACES = List.of("default", "staging", "production");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private KelpieArbitraries() {
    }

    /** DNS-1123 labels of 1 to 20 characters: a letter, then letters, digits and inner dashes. */
    public static Arbitrary<String> names() {
        Arbitrary<String> head = Arbitraries.strings().withCharRange('a', 'z').ofLength(1);
        Arbitrary<String> tail = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-')
                .ofMinLength(0).ofMaxLength(18);
        Arbitrary<String> end = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(0).ofMaxLength(1);
        return Combinators.combine(head, tail, end).as((h, t, e) -> h + t + e);
    }

    public static Arbitrary<String> namespaces() {
        return Arbitraries.of(NAMESPACES);
    }

    /** Images such as {@code registry.gitlab.com/my-org/api:v1.2.3}. */
    public static Arbitrary<String> images() {
        Arbitrary<String> registry = Arbitraries.of("registry.gitlab.com/my-org", "ghcr.io/acme", "docker.io/library", "quay.io/team");
        Arbitrary<String> repo = Arbitraries.of("app", "api", "worker", "nginx", "redis", "frontend");
        Arbitrary<String> tag = Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 20)).as((a, b, c) -> "v" + a + "." + b + "." + c);
        return Combinators.combine(registry, repo, tag).as((r, n, t) -> r + "/" + n + ":" + t);
    }

    private static Arbitrary<Map<String, String>> labels() {
        return Arbitraries.maps(Arbitraries.of("tier", "team", "env", "version", "component"), names()).ofMaxSize(3);
    }

    public static Arbitrary<Resource> deployments() {
        return Combinators.combine(names(), namespaces(), Arbitraries.integers().between(0, 10), images(),
                Arbitraries.integers().between(1024, 65535), labels(), Arbitraries.of("100m", "250m", "500m", "1"),
                Arbitraries.of("64Mi", "128Mi", "256Mi", "1Gi"))
                .as((name, ns, replicas, image, port, extra, cpu, memory) -> {
                    ObjectNode d = object("apps/v1", "Deployment", name, ns, extra);
                    ObjectNode spec = d.putObject("spec");
                    spec.put("replicas", replicas);
                    spec.putObject("selector").putObject("matchLabels").put("app", name);
                    ObjectNode template = spec.putObject("template");
                    template.putObject("metadata").putObject("labels").put("app", name);
                    ObjectNode c = template.putObject("spec").putArray("containers").addObject();
                    c.put("name", "app").put("image", image);
                    c.putArray("ports").addObject().put("name", "http").put("containerPort", port);
                    ObjectNode res = c.putObject("resources");
                    res.putObject("requests").put("cpu", cpu).put("memory", memory);
                    res.putObject("limits").put("memory", memory);
                    return Resource.adopt(d, dev.kelpie.core.model.Origin.UNKNOWN);
                });
    }

    public static Arbitrary<Resource> services() {
        return Combinators.combine(names(), namespaces(), Arbitraries.integers().between(1, 65535),
                Arbitraries.integers().between(1024, 65535), Arbitraries.of("ClusterIP", "NodePort", "LoadBalancer"), labels())
                .as((name, ns, port, target, type, extra) -> {
                    ObjectNode s = object("v1", "Service", name, ns, extra);
                    ObjectNode spec = s.putObject("spec");
                    spec.put("type", type);
                    spec.putObject("selector").put("app", name);
                    spec.putArray("ports").addObject().put("name", "http").put("port", port).put("targetPort", target);
                    return Resource.adopt(s, dev.kelpie.core.model.Origin.UNKNOWN);
                });
    }

    public static Arbitrary<Resource> configMaps() {
        Arbitrary<Map<String, String>> data = Arbitraries.maps(
                Arbitraries.strings().withCharRange('a', 'z').withChars('.', '_').ofMinLength(1).ofMaxLength(12)
                        .filter(k -> Character.isLetter(k.charAt(0))),
                Arbitraries.strings().ascii().ofMaxLength(40)).ofMaxSize(5);
        return Combinators.combine(names(), namespaces(), data, labels()).as((name, ns, d, extra) -> {
            ObjectNode cm = object("v1", "ConfigMap", name, ns, extra);
            ObjectNode dataNode = cm.putObject("data");
            d.forEach(dataNode::put);
            return Resource.adopt(cm, dev.kelpie.core.model.Origin.UNKNOWN);
        });
    }

    public static Arbitrary<Resource> secrets() {
        Arbitrary<Map<String, String>> data = Arbitraries.maps(Arbitraries.of("password", "token", "username", "tls.key", "api-key"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(32)).ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(names(), namespaces(), data).as((name, ns, d) -> {
            ObjectNode s = object("v1", "Secret", name, ns, Map.of());
            s.put("type", "Opaque");
            ObjectNode dataNode = s.putObject("data");
            d.forEach((k, v) -> dataNode.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
            return Resource.adopt(s, dev.kelpie.core.model.Origin.UNKNOWN);
        });
    }

    public static Arbitrary<Resource> ingresses() {
        Arbitrary<String> hosts = Combinators.combine(names(), Arbitraries.of("example.no", "example.com", "kelpie.dev"))
                .as((n, d) -> n + "." + d);
        return Combinators.combine(names(), namespaces(), hosts, Arbitraries.of("/", "/api", "/static"),
                Arbitraries.integers().between(1, 65535)).as((name, ns, host, path, port) -> {
                    ObjectNode i = object("networking.k8s.io/v1", "Ingress", name, ns, Map.of());
                    ObjectNode spec = i.putObject("spec");
                    spec.put("ingressClassName", "nginx");
                    ObjectNode rule = spec.putArray("rules").addObject();
                    rule.put("host", host);
                    ObjectNode p = rule.putObject("http").putArray("paths").addObject();
                    p.put("path", path).put("pathType", "Prefix");
                    p.putObject("backend").putObject("service").put("name", name).putObject("port").put("number", port);
                    return Resource.adopt(i, dev.kelpie.core.model.Origin.UNKNOWN);
                });
    }

    /** Any of the kinds above. */
    public static Arbitrary<Resource> resources() {
        return Arbitraries.oneOf(deployments(), services(), configMaps(), secrets(), ingresses());
    }

    /** Up to {@code maxSize} objects with unique ids. */
    public static Arbitrary<Manifests> manifests(int maxSize) {
        return resources().list().ofMaxSize(maxSize).uniqueElements(Resource::id).map(Manifests::of);
    }

    public static Arbitrary<Manifests> manifests() {
        return manifests(15);
    }

    private static ObjectNode object(String apiVersion, String kind, String name, String ns, Map<String, String> extraLabels) {
        ObjectNode o = F.objectNode();
        o.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode md = o.putObject("metadata");
        md.put("name", name).put("namespace", ns);
        ObjectNode labels = md.putObject("labels");
        labels.put("app", name);
        extraLabels.forEach(labels::put);
        return o;
    }

}
