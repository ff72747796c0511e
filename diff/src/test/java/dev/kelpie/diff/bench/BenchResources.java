package dev.kelpie.diff.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic realistic resources for the benchmark: Deployments with several containers,
 * env, ports, probes, resources and volumes; Services; ConfigMaps. Each comes as desired,
 * last-applied and live (server-defaulted: status, managedFields, uid, defaults, rewritten
 * quantities), with one in ten drifted.
 */
public final class BenchResources {
    /** One resource's three documents. */
    public record Triple(ObjectNode lastApplied, ObjectNode desired, ObjectNode live) {
    }

    private BenchResources() {
    }

    public static List<Triple> generate(int count, long seed) {
        Random rnd = new Random(seed);
        List<Triple> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode desired = switch (i % 4) {
                case 0, 1 -> deployment(i, rnd);
                case 2 -> service(i);
                default -> configMap(i, rnd);
            };
            ObjectNode live = serverSide(desired, i);
            if (i % 10 == 0 && desired.path("kind").asText().equals("Deployment")) {
                ((ObjectNode) live.at("/spec")).put("replicas", 9);
            }
            out.add(new Triple(desired.deepCopy(), desired, live));
        }
        return out;
    }

    private static ObjectNode meta(ObjectNode o, String apiVersion, String kind, int i) {
        o.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode md = o.putObject("metadata").put("name", "svc-" + i).put("namespace", "team-" + (i % 17));
        md.putObject("labels").put("app.kubernetes.io/name", "svc-" + i).put("app.kubernetes.io/part-of", "shop")
                .put("env", "prod");
        md.putObject("annotations").put("kelpie.dev/revision", "abc" + i);
        return o;
    }

    private static ObjectNode deployment(int i, Random rnd) {
        ObjectNode d = meta(JsonValues.NODES.objectNode(), "apps/v1", "Deployment", i);
        ObjectNode spec = d.putObject("spec").put("replicas", 2 + i % 3);
        spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/name", "svc-" + i);
        ObjectNode tpl = spec.putObject("template");
        tpl.putObject("metadata").putObject("labels").put("app.kubernetes.io/name", "svc-" + i);
        ObjectNode pod = tpl.putObject("spec");
        pod.put("serviceAccountName", "svc-" + i);
        ArrayNode containers = pod.putArray("containers");
        int n = 2 + rnd.nextInt(3);
        for (int c = 0; c < n; c++) {
            ObjectNode co = containers.addObject().put("name", c == 0 ? "app" : "side-" + c)
                    .put("image", "registry.example/team/svc-" + i + ":1." + rnd.nextInt(50));
            co.putArray("args").add("--port=" + (8080 + c)).add("--log-level=info");
            ArrayNode env = co.putArray("env");
            for (int e = 0; e < 6; e++) {
                env.addObject().put("name", "VAR_" + e).put("value", "value-" + e + "-" + i);
            }
            env.addObject().put("name", "POD_NAME").putObject("valueFrom").putObject("fieldRef")
                    .put("fieldPath", "metadata.name");
            co.putArray("ports").addObject().put("containerPort", 8080 + c).put("name", "http-" + c);
            ObjectNode res = co.putObject("resources");
            res.putObject("requests").put("cpu", "100m").put("memory", "128Mi");
            res.putObject("limits").put("cpu", "1").put("memory", "512Mi");
            co.putObject("readinessProbe").put("periodSeconds", 5).putObject("httpGet").put("path", "/ready")
                    .put("port", 8080 + c);
            co.putArray("volumeMounts").addObject().put("name", "config").put("mountPath", "/etc/svc");
        }
        ArrayNode volumes = pod.putArray("volumes");
        volumes.addObject().put("name", "config").putObject("configMap").put("name", "svc-" + i);
        volumes.addObject().put("name", "cache").putObject("emptyDir");
        return d;
    }

    private static ObjectNode service(int i) {
        ObjectNode s = meta(JsonValues.NODES.objectNode(), "v1", "Service", i);
        ObjectNode spec = s.putObject("spec").put("type", "ClusterIP");
        spec.putObject("selector").put("app.kubernetes.io/name", "svc-" + i);
        spec.putArray("ports").addObject().put("name", "http").put("port", 80).put("targetPort", "http");
        return s;
    }

    private static ObjectNode configMap(int i, Random rnd) {
        ObjectNode c = meta(JsonValues.NODES.objectNode(), "v1", "ConfigMap", i);
        ObjectNode data = c.putObject("data");
        for (int k = 0; k < 8; k++) {
            data.put("key-" + k, "value " + rnd.nextInt(1000) + " for svc-" + i);
        }
        return c;
    }

    private static ObjectNode serverSide(ObjectNode desired, int i) {
        ObjectNode live = desired.deepCopy();
        ObjectNode md = (ObjectNode) live.get("metadata");
        md.put("uid", "7c1d1a3e-" + i).put("resourceVersion", Integer.toString(1000 + i)).put("generation", 2)
                .put("creationTimestamp", "2026-01-01T00:00:00Z");
        ((ObjectNode) md.get("annotations")).put("kubectl.kubernetes.io/last-applied-configuration", desired.toString());
        ObjectNode mf = md.putArray("managedFields").addObject().put("manager", "kubectl-client-side-apply")
                .put("operation", "Update").put("apiVersion", live.get("apiVersion").asText())
                .put("fieldsType", "FieldsV1");
        mf.putObject("fieldsV1").putObject("f:metadata").putObject("f:labels").putObject("f:env");
        String kind = live.get("kind").asText();
        if (kind.equals("Deployment")) {
            ObjectNode spec = (ObjectNode) live.get("spec");
            spec.put("revisionHistoryLimit", 10).put("progressDeadlineSeconds", 600);
            spec.putObject("strategy").put("type", "RollingUpdate").putObject("rollingUpdate")
                    .put("maxSurge", "25%").put("maxUnavailable", "25%");
            ObjectNode pod = (ObjectNode) spec.at("/template/spec");
            pod.put("restartPolicy", "Always").put("dnsPolicy", "ClusterFirst").put("schedulerName", "default-scheduler")
                    .put("terminationGracePeriodSeconds", 30).putObject("securityContext");
            for (var c : pod.get("containers")) {
                ObjectNode co = (ObjectNode) c;
                co.put("imagePullPolicy", "IfNotPresent").put("terminationMessagePath", "/dev/termination-log")
                        .put("terminationMessagePolicy", "File");
                ((ObjectNode) co.at("/ports/0")).put("protocol", "TCP");
                ((ObjectNode) co.at("/resources/limits")).put("cpu", "1000m");
                ((ObjectNode) co.at("/readinessProbe")).put("timeoutSeconds", 1).put("successThreshold", 1)
                        .put("failureThreshold", 3);
                ((ObjectNode) co.at("/readinessProbe/httpGet")).put("scheme", "HTTP");
            }
            ((ObjectNode) pod.at("/volumes/0/configMap")).put("defaultMode", 420);
            live.putObject("status").put("observedGeneration", 2).put("replicas", 3).put("readyReplicas", 3)
                    .putArray("conditions").addObject().put("type", "Available").put("status", "True");
        } else if (kind.equals("Service")) {
            ObjectNode spec = (ObjectNode) live.get("spec");
            spec.put("clusterIP", "10.0.0." + (i % 250)).put("sessionAffinity", "None");
            spec.putArray("clusterIPs").add("10.0.0." + (i % 250));
            ((ObjectNode) spec.at("/ports/0")).put("protocol", "TCP");
            live.putObject("status").putObject("loadBalancer");
        }
        return live;
    }
}
