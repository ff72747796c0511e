package dev.kelpie.kustomize.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransformerConfigTest {
    @Test
    void builtInTablesListEachEntryOnce() {
        // the defaults are loaded without de-duplication; that is only right while they hold no duplicates
        TransformerConfig fast = TransformerConfig.defaults();
        TransformerConfig merged = TransformerConfig.defaultsMerged();
        assertThat(fast.tables).isEqualTo(merged.tables);
        assertThat(fast.nameReference).isEqualTo(merged.nameReference);
        assertThat(fast.tables.get("commonLabels")).isNotEmpty();
        assertThat(fast.nameReference).isNotEmpty();
    }

    @Test
    void mergingTheDefaultsIntoACustomisedTableAddsNothing() {
        TransformerConfig custom = TransformerConfig.defaults();
        custom.addSpec("commonLabels", new FieldSpec(new Gvk("example.com", "v1", "Widget"), "spec/selector", true));
        TransformerConfig before = custom.copy();
        custom.merge(TransformerConfig.defaults());
        assertThat(custom.tables).isEqualTo(before.tables);
        TransformerConfig plain = TransformerConfig.defaults();
        plain.merge(before);
        assertThat(plain.tables.get("commonLabels")).contains(
                new FieldSpec(new Gvk("example.com", "v1", "Widget"), "spec/selector", true));
    }
}
