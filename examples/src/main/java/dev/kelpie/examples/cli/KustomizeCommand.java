package dev.kelpie.examples.cli;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.source.DirectorySource;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.kustomize.Kustomize;
import dev.kelpie.kustomize.LoadRestrictor;
import dev.kelpie.kustomize.RemoteResources;
import dev.kelpie.kustomize.Reorder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kelpie kustomize build DIR}: prints what {@code kubectl kustomize DIR} prints. */
@Command(name = "kustomize", description = "Render kustomizations.", subcommands = {KustomizeCommand.BuildCommand.class})
public final class KustomizeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kelpie kustomize build}. */
    @Command(name = "build", description = "Build a kustomization directory and print the objects as YAML.")
    public static final class BuildCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;

        @Option(names = "--load-restrictor", paramLabel = "RESTRICTOR", defaultValue = "LoadRestrictionsRootOnly",
                description = "LoadRestrictionsRootOnly (default) or LoadRestrictionsNone")
        String loadRestrictor;

        @Option(names = "--reorder", paramLabel = "ORDER", defaultValue = "legacy", description = "legacy (default) or none")
        String reorder;

        @Option(names = "--enable-managedby-label", description = "add app.kubernetes.io/managed-by to every object")
        boolean managedBy;

        @Option(names = "--enable-remote-resources", description = "fetch remote Git resources and components "
                + "(off by default)")
        boolean remote;

        @Option(names = "--remote-cache", paramLabel = "DIR", description = "where fetched repositories are kept "
                + "(default: ~/.cache/kelpie/kustomize)")
        Path remoteCache;

        @Option(names = "--root", paramLabel = "DIR", description = "the folder files may come from (default: the working directory "
                + "when DIR is inside it, else the file system root)")
        Path root;

        @Parameters(index = "0", paramLabel = "DIR", defaultValue = ".", description = "the kustomization directory")
        Path dir;

        @Override
        public Integer call() {
            Kustomize k = Kustomize.builder()
                    .loadRestrictor(switch (loadRestrictor) {
                        case "LoadRestrictionsRootOnly", "rootOnly" -> LoadRestrictor.ROOT_ONLY;
                        case "LoadRestrictionsNone", "none" -> LoadRestrictor.NONE;
                        default -> throw new ExitCodeException(2, "unknown --load-restrictor \"" + loadRestrictor + "\"");
                    })
                    .reorder(switch (reorder) {
                        case "legacy" -> Reorder.LEGACY;
                        case "none" -> Reorder.NONE;
                        default -> throw new ExitCodeException(2, "unknown --reorder \"" + reorder + "\" (legacy or none)");
                    })
                    .managedByLabel(managedBy)
                    // one short-lived build in a cold JVM: worker threads compete with the JIT
                    // compiler for the cores and measured slightly slower than one thread
                    .parallel(false)
                    .remoteResources(remote ? RemoteResources.git(remoteCache != null ? remoteCache : defaultCache())
                            : RemoteResources.refused())
                    .build();
            Path target = dir.toAbsolutePath().normalize();
            Path base = root != null ? root.toAbsolutePath().normalize() : defaultRoot(target);
            if (!target.startsWith(base)) {
                throw new ExitCodeException(2, DIR_OUTSIDE + base);
            }
            List<Resource> out = k.buildList(DirectorySource.of(base).tree(), base.relativize(target).toString().replace('\\', '/'));
            var w = spec.commandLine().getOut();
            w.print(YamlCodec.defaults().preservingKeyOrder().write(out));
            w.flush();
            return 0;
        }

        private static final String DIR_OUTSIDE = "DIR is outside the root ";

        private static Path defaultCache() {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            return base.resolve("kelpie").resolve("kustomize");
        }

        private static Path defaultRoot(Path target) {
            Path cwd = Path.of("").toAbsolutePath().normalize();
            return target.startsWith(cwd) ? cwd : target.getRoot();
        }
    }
}
