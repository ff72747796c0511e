package dev.kelpie.examples.demo;

import dev.kelpie.core.health.Health;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.plan.SyncStep;
import dev.kelpie.core.reconcile.ReconcileResult;
import dev.kelpie.core.sync.StepOutcome;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints a plan and a resource table (kind, name, sync, health) the way Argo CD's CLI lays them out. */
public final class ResourceTable {
    private ResourceTable() {
    }

    public static void printPlan(ReconcileResult r, PrintWriter out) {
        r.plan().ifPresent(plan -> {
            out.println("    plan for " + r.app() + " at " + shortRev(r.revision()) + ":");
            for (SyncStep s : plan.steps()) {
                out.printf("      %-8s wave %-2d %-9s %-40s %s%n", s.phase().annotationValue(), s.wave(),
                        s.action().name().toLowerCase(), s.id(), s.reason());
            }
            plan.prune().refusal().ifPresent(ref -> out.println("      prune refused: " + ref.message()));
        });
    }

    public static void printTable(ReconcileResult r, PrintWriter out) {
        Map<ResourceId, String> sync = new LinkedHashMap<>();
        for (StepOutcome o : r.outcomes()) {
            sync.put(o.id(), switch (o.word()) {
                case "failed" -> "OutOfSync";
                case "pruned" -> "Pruned";
                case "skipped" -> "OutOfSync";
                default -> "Synced";
            });
        }
        r.health().objects().keySet().forEach(id -> sync.putIfAbsent(id, r.sync().displayName()));
        // Columns as wide as their widest cell, as kubectl prints tables.
        int kindW = "KIND".length();
        int nsW = "NAMESPACE".length();
        int nameW = "NAME".length();
        for (ResourceId id : sync.keySet()) {
            kindW = Math.max(kindW, id.groupKind().length());
            nsW = Math.max(nsW, Math.max(1, id.namespace().length()));
            nameW = Math.max(nameW, id.name().length());
        }
        String row = "    %-" + kindW + "s   %-" + nsW + "s   %-" + nameW + "s   %-10s %s%n";
        out.printf(row, "KIND", "NAMESPACE", "NAME", "SYNC", "HEALTH");
        for (Map.Entry<ResourceId, String> e : sync.entrySet()) {
            ResourceId id = e.getKey();
            Health h = r.health().objects().get(id);
            out.printf(row, id.groupKind(), id.namespace().isEmpty() ? "-" : id.namespace(),
                    id.name(), e.getValue(), h == null ? "" : h.status().displayName());
        }
        out.println("    application: " + r.sync().displayName() + ", " + r.healthStatus().displayName()
                + r.message().map(m -> " (" + m + ")").orElse(""));
    }

    static String shortRev(String rev) {
        return rev.length() > 7 ? rev.substring(0, 7) : rev;
    }
}
