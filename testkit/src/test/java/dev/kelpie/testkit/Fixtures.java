package dev.kelpie.testkit;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;

/** Small YAML fixtures for the cluster tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Resource yaml(String text) {
        return YamlCodec.defaults().readResources("test.yaml", text).get(0);
    }

    static Resource deployment(String ns, String name, int replicas, String image) {
        return yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: %s
                  labels: {app: %s}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers:
                      - name: app
                        image: %s
                        ports: [{containerPort: 8080}]
                """.formatted(name, ns, name, replicas, name, name, image));
    }

    static Resource configMap(String ns, String name, String key, String value) {
        return yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: %s, namespace: %s}
                data: {%s: "%s"}
                """.formatted(name, ns, key, value));
    }
}
