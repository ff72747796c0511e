package dev.kelpie.benchmarks;

/** Realistic manifests in bulk for benchmarks: Deployments with several containers, env and volumes. */
public final class SampleManifests {
    private SampleManifests() {
    }

    public static String deploymentYaml(int i) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app-%1$d
                  namespace: team-%2$d
                  labels: {app: app-%1$d, tier: backend}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: app-%1$d}}
                  template:
                    metadata: {labels: {app: app-%1$d}}
                    spec:
                      containers:
                      - name: app
                        image: registry.example/app:%1$d
                        ports: [{containerPort: 8080}]
                        env: [{name: A, value: "1"}, {name: B, value: two}]
                        resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {cpu: "1", memory: 1Gi}}
                        volumeMounts: [{name: data, mountPath: /data}]
                      - name: sidecar
                        image: registry.example/proxy:1.0
                        args: [--port, "9090"]
                      volumes: [{name: data, emptyDir: {}}]
                """.formatted(i, i % 20);
    }

    public static String deploymentsYaml(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("---\n").append(deploymentYaml(i));
        }
        return b.toString();
    }

    public static String deploymentsJson(int n) {
        var yaml = dev.kelpie.core.yaml.YamlCodec.defaults();
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(yaml.writeJson(yaml.readDocuments("d", deploymentYaml(i)).get(0).tree()));
        }
        return b.append("]").toString();
    }
}
