package dev.kelpie.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.plan.DesiredState;
import dev.kelpie.core.plan.Inventory;
import dev.kelpie.core.plan.PlanSettings;
import dev.kelpie.core.plan.Planner;
import dev.kelpie.core.plan.PruneDecision;
import dev.kelpie.core.plan.PrunePolicy;
import dev.kelpie.core.plan.PruneRefusal;
import dev.kelpie.core.plan.SyncAnnotations;
import dev.kelpie.core.plan.SyncPlan;
import dev.kelpie.core.plan.SyncStep;
import dev.kelpie.core.render.RenderException;
import dev.kelpie.core.yaml.YamlCodec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kelpie plan}: renders desired state, compares it with live objects read from files,
 * and prints the ordered sync plan, the prune plan and any guard that refused. Exits 3 when a
 * guard refused (a failed render included), 0 otherwise.
 */
@Command(name = "plan", description = "Show the ordered sync plan and prune plan against live objects.")
public final class PlanCommand implements Callable<Integer> {
    static final int REFUSED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SourceOptions source;

    @Option(names = "--live", required = true, paramLabel = "FILE|DIR", description = "live objects (YAML/JSON files or folders)")
    List<String> live;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "ApplySet parent object, or a list of the objects applied last time (default: empty)")
    String inventory;

    @Option(names = "--prune", description = "enable pruning")
    boolean prune;

    @Option(names = "--allow-empty", description = "allow a prune that empties the application")
    boolean allowEmpty;

    @Option(names = "--prune-last", description = "prune after every other step")
    boolean pruneLast;

    @Option(names = "--max-deletions", paramLabel = "N", description = "refuse a prune of more than N objects")
    Integer maxDeletions;

    @Option(names = "--confirm", description = "confirm prunes of objects marked Prune=confirm")
    boolean confirm;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text (default) or json")
    String output;

    @Override
    public Integer call() {
        if (!output.equals("text") && !output.equals("json")) {
            throw new ExitCodeException(2, "unknown output format \"" + output + "\" (text or json)");
        }
        YamlCodec codec = YamlCodec.defaults();
        Manifests liveObjects = Manifests.of(ManifestInput.read(live, System.in, codec));
        Inventory inv = readInventory(codec, liveObjects);
        String revision = "";
        String renderer = "";
        DesiredState desired;
        List<String> warnings = List.of();
        try {
            SourceOptions.Rendered r = source.render(true);
            revision = r.revision();
            renderer = r.result().renderer();
            warnings = r.result().warnings();
            desired = DesiredState.rendered(r.result().manifests());
        } catch (RenderException e) {
            desired = DesiredState.failed(e.getMessage());
        }
        PrunePolicy policy = (prune ? PrunePolicy.on() : PrunePolicy.off()).withAllowEmpty(allowEmpty)
                .withPruneLast(pruneLast).withConfirmed(confirm);
        if (maxDeletions != null) {
            policy = policy.withMaxDeletions(maxDeletions);
        }
        SyncPlan plan = Planner.create().plan(desired, liveObjects, inv, PlanSettings.of(source.appName()).withPrune(policy));
        warnings.forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        PrintWriter out = spec.commandLine().getOut();
        if (output.equals("json")) {
            out.print(codec.writeJson(json(plan, revision, renderer, desired)));
        } else {
            printText(out, plan, revision, renderer, desired);
        }
        out.flush();
        return plan.isRefused() || desired instanceof DesiredState.RenderFailed ? REFUSED : 0;
    }

    private Inventory readInventory(YamlCodec codec, Manifests liveObjects) {
        if (inventory == null) {
            return Inventory.empty();
        }
        List<Resource> objs = ManifestInput.read(List.of(inventory), System.in, codec);
        if (objs.size() == 1 && objs.get(0).labels().containsKey(SyncAnnotations.APPLYSET_ID)) {
            return Inventory.fromApplySet(objs.get(0), liveObjects);
        }
        return Inventory.of(objs.stream().map(Resource::id).toList());
    }

    private void printText(PrintWriter out, SyncPlan plan, String revision, String renderer, DesiredState desired) {
        out.println("Application " + plan.app() + (revision.isEmpty() ? "" : " at " + revision)
                + (renderer.isEmpty() ? "" : " (" + renderer + ")"));
        if (desired instanceof DesiredState.RenderFailed f) {
            out.println("render failed: " + f.error());
        }
        out.printf(Locale.ROOT, "%-9s %5s  %-10s %-50s %s%n", "PHASE", "WAVE", "ACTION", "OBJECT", "REASON");
        for (SyncStep s : plan.steps()) {
            out.printf(Locale.ROOT, "%-9s %5d  %-10s %-50s %s%n", s.phase().annotationValue(), s.wave(),
                    s.action().name().toLowerCase(Locale.ROOT), s.id(), s.reason());
        }
        out.println();
        out.println("Prune plan: " + plan.prune().toPrune().size() + " to prune, " + plan.prune().kept().size() + " kept");
        for (PruneDecision d : plan.prune().decisions()) {
            out.println("  " + (d.prunes() ? "prune " : "keep  ") + d.id() + ": " + d.reason());
        }
        for (PruneRefusal r : plan.prune().refusals()) {
            out.println("REFUSED (" + r.guard() + "): " + r.message());
        }
        plan.problems().stream().filter(p -> !p.startsWith("prune refused")).forEach(p -> out.println("PROBLEM: " + p));
        StringBuilder counts = new StringBuilder("Summary:");
        plan.counts().forEach((a, n) -> counts.append(' ').append(a.name().toLowerCase(Locale.ROOT)).append('=').append(n));
        out.println(counts);
    }

    private static ObjectNode json(SyncPlan plan, String revision, String renderer, DesiredState desired) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("app", plan.app());
        root.put("revision", revision);
        root.put("renderer", renderer);
        if (desired instanceof DesiredState.RenderFailed f) {
            root.put("renderError", f.error());
        }
        ArrayNode steps = root.putArray("steps");
        for (SyncStep s : plan.steps()) {
            ObjectNode o = steps.addObject();
            o.put("phase", s.phase().annotationValue());
            o.put("wave", s.wave());
            o.put("action", s.action().name().toLowerCase(Locale.ROOT));
            o.put("apiVersion", s.id().apiVersion());
            o.put("kind", s.id().kind());
            o.put("namespace", s.id().namespace());
            o.put("name", s.id().name());
            o.put("reason", s.reason());
            o.put("hook", s.hook());
        }
        ObjectNode prune = root.putObject("prune");
        ArrayNode decisions = prune.putArray("decisions");
        for (PruneDecision d : plan.prune().decisions()) {
            ObjectNode o = decisions.addObject();
            o.put("object", d.id().toString());
            o.put("verdict", d.verdict().name());
            o.put("reason", d.reason());
        }
        ArrayNode refusals = prune.putArray("refusals");
        for (PruneRefusal r : plan.prune().refusals()) {
            refusals.addObject().put("guard", r.guard().name()).put("message", r.message());
        }
        ArrayNode problems = root.putArray("problems");
        plan.problems().forEach(problems::add);
        ObjectNode counts = root.putObject("counts");
        plan.counts().forEach((a, n) -> counts.put(a.name().toLowerCase(Locale.ROOT), n));
        root.put("refused", plan.isRefused());
        return root;
    }
}
