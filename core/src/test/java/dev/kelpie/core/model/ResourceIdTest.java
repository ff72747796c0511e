package dev.kelpie.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceIdTest {
    @Test
    void coreGroupIsEmptyAndApiVersionRoundTrips() {
        ResourceId svc = ResourceId.of("v1", "Service", "prod", "web");
        assertThat(svc.group()).isEmpty();
        assertThat(svc.version()).isEqualTo("v1");
        assertThat(svc.apiVersion()).isEqualTo("v1");
        ResourceId deploy = ResourceId.of("apps/v1", "Deployment", "prod", "web");
        assertThat(deploy.group()).isEqualTo("apps");
        assertThat(deploy.apiVersion()).isEqualTo("apps/v1");
    }

    @Test
    void identityIgnoresTheVersion() {
        ResourceId a = ResourceId.of("autoscaling/v1", "HorizontalPodAutoscaler", "ns", "x");
        ResourceId b = ResourceId.of("autoscaling/v2", "HorizontalPodAutoscaler", "ns", "x");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.withNamespace("other")).isNotEqualTo(b);
    }

    @Test
    void printsGroupKindNamespaceAndName() {
        assertThat(ResourceId.of("apps/v1", "Deployment", "prod", "web")).hasToString("Deployment.apps prod/web");
        assertThat(ResourceId.of("v1", "Namespace", "", "prod")).hasToString("Namespace/prod");
    }
}
