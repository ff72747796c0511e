package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The defaults the Kubernetes API server fills in for common kinds, so that live objects look
 * like real ones (and diff normalisation meets them): Deployment replicas, strategy,
 * revisionHistoryLimit and progressDeadlineSeconds; pod template and container defaults;
 * Service type, clusterIP, ports; Job, CronJob, StatefulSet, DaemonSet; Namespace finalizers;
 * Secret type and stringData. Edits the tree in place; stateless apart from the allocators given.
 */
final class Defaulting {
    private Defaulting() {
    }

    static void apply(String group, String kind, ObjectNode obj, Supplier<String> clusterIp, Supplier<Integer> nodePort) {
        ObjectNode spec;
        switch (group + "/" + kind) {
            case "apps/Deployment" -> {
                spec = ensure(obj, "spec");
                putIfAbsent(spec, "replicas", 1);
                putIfAbsent(spec, "revisionHistoryLimit", 10);
                putIfAbsent(spec, "progressDeadlineSeconds", 600);
                ObjectNode strategy = ensure(spec, "strategy");
                if (!strategy.has("type")) {
                    strategy.put("type", "RollingUpdate");
                }
                if (strategy.path("type").asText().equals("RollingUpdate")) {
                    ObjectNode ru = ensure(strategy, "rollingUpdate");
                    putIfAbsent(ru, "maxSurge", "25%");
                    putIfAbsent(ru, "maxUnavailable", "25%");
                }
                podTemplate(spec, "Always");
            }
            case "apps/ReplicaSet" -> {
                spec = ensure(obj, "spec");
                putIfAbsent(spec, "replicas", 1);
                podTemplate(spec, "Always");
            }
            case "apps/StatefulSet" -> {
                spec = ensure(obj, "spec");
                putIfAbsent(spec, "replicas", 1);
                putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
                putIfAbsent(spec, "revisionHistoryLimit", 10);
                ObjectNode us = ensure(spec, "updateStrategy");
                if (!us.has("type")) {
                    us.put("type", "RollingUpdate");
                }
                if (us.path("type").asText().equals("RollingUpdate")) {
                    putIfAbsent(ensure(us, "rollingUpdate"), "partition", 0);
                }
                ObjectNode retention = ensure(spec, "persistentVolumeClaimRetentionPolicy");
                putIfAbsent(retention, "whenDeleted", "Retain");
                putIfAbsent(retention, "whenScaled", "Retain");
                for (JsonNode pvc : spec.path("volumeClaimTemplates")) {
                    if (pvc instanceof ObjectNode p) {
                        putIfAbsent(ensure(p, "spec"), "volumeMode", "Filesystem");
                    }
                }
                podTemplate(spec, "Always");
            }
            case "apps/DaemonSet" -> {
                spec = ensure(obj, "spec");
                putIfAbsent(spec, "revisionHistoryLimit", 10);
                ObjectNode us = ensure(spec, "updateStrategy");
                if (!us.has("type")) {
                    us.put("type", "RollingUpdate");
                }
                if (us.path("type").asText().equals("RollingUpdate")) {
                    ObjectNode ru = ensure(us, "rollingUpdate");
                    putIfAbsent(ru, "maxUnavailable", 1);
                    putIfAbsent(ru, "maxSurge", 0);
                }
                podTemplate(spec, "Always");
            }
            case "batch/Job" -> {
                spec = ensure(obj, "spec");
                job(spec);
            }
            case "batch/CronJob" -> {
                spec = ensure(obj, "spec");
                putIfAbsent(spec, "concurrencyPolicy", "Allow");
                putIfAbsent(spec, "suspend", false);
                putIfAbsent(spec, "successfulJobsHistoryLimit", 3);
                putIfAbsent(spec, "failedJobsHistoryLimit", 1);
                job(ensure(ensure(spec, "jobTemplate"), "spec"));
            }
            case "/Pod" -> podSpec(ensure(obj, "spec"), "Always");
            case "/Service" -> service(ensure(obj, "spec"), clusterIp, nodePort);
            case "/Namespace" -> {
                ArrayNode fin = ensure(obj, "spec").withArray("finalizers");
                if (fin.isEmpty()) {
                    fin.add("kubernetes");
                }
                ObjectNode labels = ensure((ObjectNode) obj.get("metadata"), "labels");
                labels.put("kubernetes.io/metadata.name", obj.path("metadata").path("name").asText());
            }
            case "/Secret" -> secret(obj);
            case "/PersistentVolumeClaim" -> putIfAbsent(ensure(obj, "spec"), "volumeMode", "Filesystem");
            case "/ServiceAccount", "/ConfigMap" -> {
                // nothing: the server adds no fields
            }
            default -> {
                // other kinds keep what they were given
            }
        }
    }

    private static void job(ObjectNode spec) {
        putIfAbsent(spec, "backoffLimit", 6);
        putIfAbsent(spec, "completionMode", "NonIndexed");
        putIfAbsent(spec, "suspend", false);
        putIfAbsent(spec, "podReplacementPolicy", "TerminatingOrFailed");
        putIfAbsent(spec, "manualSelector", false);
        if (!spec.has("completions") && !spec.has("parallelism")) {
            spec.put("completions", 1);
            spec.put("parallelism", 1);
        } else {
            putIfAbsent(spec, "parallelism", 1);
        }
        podTemplate(spec, "Never");
    }

    private static void podTemplate(ObjectNode spec, String restartPolicy) {
        JsonNode template = spec.get("template");
        if (template instanceof ObjectNode t) {
            podSpec(ensure(t, "spec"), restartPolicy);
        }
    }

    static void podSpec(ObjectNode spec, String restartPolicy) {
        putIfAbsent(spec, "restartPolicy", restartPolicy);
        putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
        putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        putIfAbsent(spec, "schedulerName", "default-scheduler");
        if (!spec.has("securityContext")) {
            spec.putObject("securityContext");
        }
        for (String list : new String[] {"containers", "initContainers"}) {
            for (JsonNode c : spec.path(list)) {
                if (c instanceof ObjectNode container) {
                    container(container);
                }
            }
        }
    }

    private static void container(ObjectNode c) {
        putIfAbsent(c, "terminationMessagePath", "/dev/termination-log");
        putIfAbsent(c, "terminationMessagePolicy", "File");
        if (!c.has("imagePullPolicy")) {
            String image = c.path("image").asText("");
            String afterSlash = image.substring(image.lastIndexOf('/') + 1);
            boolean latest = !image.contains("@") && (!afterSlash.contains(":") || afterSlash.endsWith(":latest"));
            c.put("imagePullPolicy", latest ? "Always" : "IfNotPresent");
        }
        if (!c.has("resources")) {
            c.putObject("resources");
        }
        for (JsonNode p : c.path("ports")) {
            if (p instanceof ObjectNode port) {
                putIfAbsent(port, "protocol", "TCP");
            }
        }
        for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
            if (c.get(probe) instanceof ObjectNode p) {
                putIfAbsent(p, "timeoutSeconds", 1);
                putIfAbsent(p, "periodSeconds", 10);
                putIfAbsent(p, "successThreshold", 1);
                putIfAbsent(p, "failureThreshold", 3);
                if (p.get("httpGet") instanceof ObjectNode h) {
                    putIfAbsent(h, "scheme", "HTTP");
                }
            }
        }
        for (JsonNode e : c.path("env")) {
            JsonNode fieldRef = e.path("valueFrom").path("fieldRef");
            if (fieldRef instanceof ObjectNode f) {
                putIfAbsent(f, "apiVersion", "v1");
            }
        }
    }

    private static void service(ObjectNode spec, Supplier<String> clusterIp, Supplier<Integer> nodePort) {
        putIfAbsent(spec, "type", "ClusterIP");
        String type = spec.path("type").asText();
        putIfAbsent(spec, "sessionAffinity", "None");
        if (!type.equals("ExternalName")) {
            if (!spec.hasNonNull("clusterIP") || spec.path("clusterIP").asText().isEmpty()) {
                spec.put("clusterIP", clusterIp.get());
            }
            if (!spec.has("clusterIPs")) {
                spec.putArray("clusterIPs").add(spec.path("clusterIP").asText());
            }
            if (!spec.has("ipFamilies")) {
                spec.putArray("ipFamilies").add("IPv4");
            }
            putIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
            putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
        }
        boolean needsNodePort = type.equals("NodePort") || type.equals("LoadBalancer");
        if (needsNodePort) {
            putIfAbsent(spec, "externalTrafficPolicy", "Cluster");
        }
        if (type.equals("LoadBalancer")) {
            putIfAbsent(spec, "allocateLoadBalancerNodePorts", true);
        }
        for (JsonNode p : spec.path("ports")) {
            if (p instanceof ObjectNode port) {
                putIfAbsent(port, "protocol", "TCP");
                if (!port.has("targetPort") && port.has("port")) {
                    port.set("targetPort", port.get("port"));
                }
                if (needsNodePort && !port.has("nodePort")) {
                    port.put("nodePort", nodePort.get());
                }
            }
        }
    }

    private static void secret(ObjectNode obj) {
        putIfAbsent(obj, "type", "Opaque");
        if (obj.get("stringData") instanceof ObjectNode sd) {
            ObjectNode data = ensure(obj, "data");
            sd.fields().forEachRemaining(e -> data.put(e.getKey(),
                    Base64.getEncoder().encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
            obj.remove("stringData");
        }
    }

    static ObjectNode ensure(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    private static void putIfAbsent(ObjectNode o, String field, Object value) {
        if (o.hasNonNull(field)) {
            return;
        }
        if (value instanceof Integer i) {
            o.put(field, i);
        } else if (value instanceof Boolean b) {
            o.put(field, b);
        } else {
            o.put(field, value.toString());
        }
    }
}
