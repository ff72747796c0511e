package dev.kelpie.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed repository layout of Kelpie's examples and tests, as plain files that
 * {@code kubectl kustomize} builds: {@code base/} (Deployment and Service {@code app-backend},
 * image {@code registry.gitlab.com/my-org/app:v2.4.1}), {@code overlays/staging} (namespace
 * staging, 2 replicas) and {@code overlays/production-norway} (namespace production,
 * 3 replicas, an Ingress for {@code app.example.no}). Immutable.
 */
public final class SeedLayout {
    public static final String IMAGE = "registry.gitlab.com/my-org/app:v2.4.1";

    private SeedLayout() {
    }

    /** Path to content, in a stable order. */
    public static Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                labels:
                - pairs:
                    app.kubernetes.io/part-of: app
                resources:
                - deployment.yaml
                - service.yaml
                """);
        f.put("base/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app-backend
                  labels:
                    app: app-backend
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: app-backend
                  template:
                    metadata:
                      labels:
                        app: app-backend
                    spec:
                      containers:
                      - name: app
                        image: %s
                        ports:
                        - name: http
                          containerPort: 8080
                        resources:
                          requests:
                            cpu: 250m
                            memory: 256Mi
                          limits:
                            cpu: 500m
                            memory: 512Mi
                """.formatted(IMAGE));
        f.put("base/service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: app-backend
                  labels:
                    app: app-backend
                spec:
                  selector:
                    app: app-backend
                  ports:
                  - name: http
                    port: 80
                    targetPort: 8080
                """);
        f.put("overlays/staging/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: staging
                resources:
                - ../../base
                patches:
                - path: replicas.yaml
                """);
        f.put("overlays/staging/replicas.yaml", replicas(2));
        f.put("overlays/production-norway/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: production
                resources:
                - ../../base
                - ingress.yaml
                patches:
                - path: replicas.yaml
                """);
        f.put("overlays/production-norway/replicas.yaml", replicas(3));
        f.put("overlays/production-norway/ingress.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: app-backend
                  labels:
                    app: app-backend
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: app.example.no
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: app-backend
                            port:
                              number: 80
                """);
        return f;
    }

    private static String replicas(int n) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app-backend
                spec:
                  replicas: %d
                """.formatted(n);
    }
}
