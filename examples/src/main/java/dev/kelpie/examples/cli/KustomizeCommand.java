package dev.kelpie.examples.cli;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.source.DirectorySource;
import dev.kelpie.core.yaml.OutputStyle;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.kustomize.Kustomize;
import dev.kelpie.kustomize.LoadRestrictor;
import dev.kelpie.kustomize.RemoteResources;
import dev.kelpie.kustomize.Reorder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

        /**
         * The options of a plain command line ({@code --name value}, {@code --name=value}, the
         * two switches, at most one DIR), read without picocli; empty for anything else (help,
         * unknown or repeated options, {@code --}, values that look like options), which picocli
         * then parses and reports as usual. Setting picocli up costs a short-lived run about
         * 0.15 s, a quarter of a whole 2,000-object build; {@code KustomizeCommandTest} checks
         * that both read the same command lines alike.
         */
        static Optional<BuildCommand> parsePlain(List<String> args) {
            BuildCommand c = new BuildCommand();
            c.loadRestrictor = "LoadRestrictionsRootOnly";
            c.reorder = "legacy";
            Set<String> seen = new HashSet<>();
            String positional = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (!a.startsWith("-")) {
                    if (positional != null) {
                        return Optional.empty();
                    }
                    positional = a;
                    continue;
                }
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                if (!seen.add(name)) {
                    return Optional.empty();
                }
                if (name.equals("--enable-managedby-label") || name.equals("--enable-remote-resources")) {
                    if (eq >= 0) {
                        return Optional.empty();
                    }
                    if (name.equals("--enable-managedby-label")) {
                        c.managedBy = true;
                    } else {
                        c.remote = true;
                    }
                    continue;
                }
                String value;
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    return Optional.empty();
                }
                if (value.isEmpty() || value.startsWith("-")) {
                    return Optional.empty();
                }
                switch (name) {
                    case "--load-restrictor" -> c.loadRestrictor = value;
                    case "--reorder" -> c.reorder = value;
                    case "--remote-cache" -> c.remoteCache = Path.of(value);
                    case "--root" -> c.root = Path.of(value);
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            c.dir = Path.of(positional == null ? "." : positional);
            return Optional.of(c);
        }

        @Override
        public Integer call() {
            return build(spec.commandLine().getOut());
        }

        /** Builds and prints to {@code w}; returns the exit code. */
        int build(PrintWriter w) {
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
            w.print(YamlCodec.defaults().withStyle(OutputStyle.KUSTOMIZE).write(out));
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
