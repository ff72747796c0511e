package dev.kelpie.examples.cli;

import dev.kelpie.core.yaml.YamlCodec;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code kelpie render}: renders a path of a repository at a revision (kustomize where a
 * kustomization file exists, plain manifests otherwise) and prints the YAML, as
 * {@code kubectl kustomize} prints it for a checkout of that revision.
 */
@Command(name = "render", description = "Render a repository path at a revision and print the manifests.")
public final class RenderCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SourceOptions source;

    @Override
    public Integer call() {
        SourceOptions.Rendered r = source.render(false);
        r.result().warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        var out = spec.commandLine().getOut();
        out.print(YamlCodec.defaults().write(r.result().manifests()));
        out.flush();
        return 0;
    }
}
