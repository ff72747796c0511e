package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.List;

/** What accumulating a kustomization yields: objects, transformer tables, vars. Not thread-safe. */
final class Accumulation {
    final ResourceList resources;
    final TransformerConfig config;
    final List<JsonNode> vars = new ArrayList<>();

    Accumulation(BuildContext ctx) {
        this(new ResourceList(ctx), TransformerConfig.defaults());
    }

    private Accumulation(ResourceList resources, TransformerConfig config) {
        this.resources = resources;
        this.config = config;
    }

    /** An independent deep copy: objects, their bookkeeping, tables and vars. */
    Accumulation copy() {
        ResourceList list = new ResourceList(resources.ctx);
        for (KResource r : resources.items) {
            list.items.add(r.copy());
        }
        Accumulation c = new Accumulation(list, config.copy());
        vars.forEach(v -> c.vars.add(v.deepCopy()));
        return c;
    }

    void absorb(Accumulation sub) {
        resources.appendAll(sub.resources);
        config.merge(sub.config);
        for (JsonNode v : sub.vars) {
            addVar(v, "");
        }
    }

    void addVar(JsonNode v, String file) {
        String name = Gvk.text(v, "name");
        for (JsonNode o : vars) {
            if (Gvk.text(o, "name").equals(name)) {
                throw new KustomizeException(file + ": var '" + name + "' already encountered");
            }
        }
        vars.add(v);
    }
}
