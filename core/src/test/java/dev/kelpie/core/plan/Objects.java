package dev.kelpie.core.plan;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;

/** Small builders of test objects. */
final class Objects {
    private Objects() {
    }

    static Resource yaml(String text) {
        return YamlCodec.defaults().readResources("test.yaml", text).get(0);
    }

    static Resource obj(String apiVersion, String kind, String namespace, String name) {
        return yaml("apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: " + name
                + (namespace.isEmpty() ? "" : "\n  namespace: " + namespace) + "\n");
    }

    static Resource cm(String name, String value) {
        return yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: app\ndata:\n  k: \""
                + value + "\"\n");
    }
}
