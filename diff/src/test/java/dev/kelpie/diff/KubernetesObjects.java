package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonValues;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of valid built-in objects (unique merge keys, no duplicate set items). */
final class KubernetesObjects {
    private KubernetesObjects() {
    }

    private static <T> Arbitrary<List<T>> subsetOf(List<T> pool) {
        return Arbitraries.of(pool).list().uniqueElements().ofMaxSize(pool.size());
    }

    static Arbitrary<ObjectNode> deployments() {
        Arbitrary<List<String>> containerNames = subsetOf(List.of("app", "sidecar", "proxy", "init")).filter(l -> !l.isEmpty());
        Arbitrary<ObjectNode> labels = subsetOf(List.of("app", "tier", "team", "env"))
                .map(keys -> {
                    ObjectNode o = JsonValues.NODES.objectNode();
                    keys.forEach(k -> o.put(k, k + "-v"));
                    return o;
                });
        Arbitrary<List<String>> finalizers = subsetOf(List.of("a.example/x", "b.example/y", "c.example/z"));
        Arbitrary<Integer> replicas = Arbitraries.integers().between(0, 5);
        Arbitrary<List<ObjectNode>> containers = containerNames.flatMap(names -> Combinators.combine(
                names.stream().map(KubernetesObjects::container).toList()).as(l -> l));
        Arbitrary<List<String>> volumes = subsetOf(List.of("config", "cache", "data"));
        Arbitrary<String> image = Arbitraries.of("img:1", "img:2", "other:3");
        return Combinators.combine(labels, finalizers, replicas, containers, volumes, image)
                .as((l, f, r, c, v, img) -> {
                    ObjectNode d = JsonValues.NODES.objectNode();
                    d.put("apiVersion", "apps/v1").put("kind", "Deployment");
                    ObjectNode md = d.putObject("metadata").put("name", "web").put("namespace", "shop");
                    if (!l.isEmpty()) {
                        md.set("labels", l);
                    }
                    if (!f.isEmpty()) {
                        ArrayNode fa = md.putArray("finalizers");
                        f.forEach(fa::add);
                    }
                    ObjectNode spec = d.putObject("spec").put("replicas", r);
                    spec.putObject("selector").putObject("matchLabels").put("app", "web");
                    ObjectNode pod = spec.putObject("template").putObject("spec");
                    ArrayNode ca = pod.putArray("containers");
                    c.forEach(ca::add);
                    if (!v.isEmpty()) {
                        ArrayNode va = pod.putArray("volumes");
                        for (String name : v) {
                            ObjectNode vol = va.addObject().put("name", name);
                            if (name.equals("cache")) {
                                vol.putObject("emptyDir").put("medium", "Memory");
                            } else {
                                vol.putObject("configMap").put("name", name + "-" + img.charAt(4));
                            }
                        }
                    }
                    return d;
                });
    }

    static Arbitrary<ObjectNode> container(String name) {
        Arbitrary<List<String>> env = subsetOf(List.of("LOG_LEVEL", "DB_HOST", "FEATURE_X", "DEBUG"));
        Arbitrary<List<Integer>> ports = subsetOf(List.of(8080, 9090, 15001));
        Arbitrary<List<String>> args = Arbitraries.of("--a", "--b", "--c").list().ofMaxSize(3);
        Arbitrary<String> image = Arbitraries.of("img:1", "img:2");
        Arbitrary<String> cpu = Arbitraries.of("100m", "1", "250m");
        return Combinators.combine(env, ports, args, image, cpu).as((e, p, a, img, c) -> {
            ObjectNode o = JsonValues.NODES.objectNode().put("name", name).put("image", img);
            if (!e.isEmpty()) {
                ArrayNode ea = o.putArray("env");
                e.forEach(n -> ea.addObject().put("name", n).put("value", n.toLowerCase(java.util.Locale.ROOT) + img));
            }
            if (!p.isEmpty()) {
                ArrayNode pa = o.putArray("ports");
                p.forEach(n -> pa.addObject().put("containerPort", n).put("name", "p" + n));
            }
            if (!a.isEmpty()) {
                ArrayNode aa = o.putArray("args");
                a.forEach(aa::add);
            }
            o.putObject("resources").putObject("requests").put("cpu", c);
            return o;
        });
    }

    /** What an API server would add to an object, and how it would rewrite quantities. */
    static ObjectNode serverDefaulted(ObjectNode desired) {
        ObjectNode live = desired.deepCopy();
        ObjectNode md = (ObjectNode) live.get("metadata");
        md.put("uid", "0000-1111").put("resourceVersion", "42").put("generation", 3)
                .put("creationTimestamp", "2026-01-01T00:00:00Z");
        md.putArray("managedFields").addObject().put("manager", "kubectl").put("operation", "Update");
        md.putObject("annotations").put("deployment.kubernetes.io/revision", "3");
        ObjectNode spec = (ObjectNode) live.get("spec");
        spec.put("revisionHistoryLimit", 10).put("progressDeadlineSeconds", 600);
        ObjectNode pod = (ObjectNode) spec.get("template").get("spec");
        pod.put("restartPolicy", "Always").put("dnsPolicy", "ClusterFirst").putObject("securityContext");
        for (JsonNode c : pod.get("containers")) {
            ObjectNode co = (ObjectNode) c;
            co.put("imagePullPolicy", "IfNotPresent").put("terminationMessagePath", "/dev/termination-log");
            for (JsonNode p : co.path("ports")) {
                ((ObjectNode) p).put("protocol", "TCP");
            }
            ObjectNode requests = (ObjectNode) co.get("resources").get("requests");
            String cpu = requests.get("cpu").asText();
            requests.put("cpu", cpu.equals("1") ? "1000m" : cpu.equals("100m") ? "0.1" : cpu);
        }
        live.putObject("status").put("replicas", 1);
        return live;
    }
}
