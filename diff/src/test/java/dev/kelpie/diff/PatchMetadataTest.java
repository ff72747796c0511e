package dev.kelpie.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatchMetadataTest {
    private final PatchMetadata metadata = PatchMetadata.builtIn();

    @Test
    void knowsBuiltInKindsOnly() {
        assertThat(metadata.kubernetesVersion()).isEqualTo("1.33");
        assertThat(metadata.kinds()).contains("apps/v1/Deployment", "core/v1/Pod", "batch/v1/CronJob");
        assertThat(metadata.schemaFor("apps/v1", "Deployment")).isPresent();
        assertThat(metadata.schemaFor("v1", "Service")).isPresent();
        assertThat(metadata.schemaFor("example.com/v1", "Widget")).isEmpty();
    }

    @Test
    void looksUpFieldsByPath() {
        assertThat(metadata.field("apps", "v1", "Deployment", "spec.template.spec.containers[].env"))
                .contains(new FieldPatchMetadata(List.of("merge"), "name", "map", List.of("name"), ""));
        assertThat(metadata.field("apps", "v1", "Deployment", "spec.template.spec.containers[].ports"))
                .contains(new FieldPatchMetadata(List.of("merge"), "containerPort", "map",
                        List.of("containerPort", "protocol"), ""));
        assertThat(metadata.field("apps", "v1", "Deployment", "spec.strategy"))
                .contains(new FieldPatchMetadata(List.of("retainKeys"), "", "", List.of(), ""));
        assertThat(metadata.field("", "v1", "Pod", "spec.tolerations"))
                .contains(new FieldPatchMetadata(List.of(), "", "atomic", List.of(), ""));
        assertThat(metadata.field("", "v1", "Pod", "spec.nodeSelector"))
                .contains(new FieldPatchMetadata(List.of(), "", "", List.of(), "atomic"));
        assertThat(metadata.field("", "v1", "Pod", "spec.nope")).isEmpty();
    }
}
