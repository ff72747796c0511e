package dev.kelpie.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kelpie} command line. Each subcommand lives in its own class; this one only
 * lists them and maps exceptions to exit codes.
 */
@Command(name = "kelpie",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "A GitOps reconciliation engine for the JVM.")
public final class KelpieCli implements Runnable {
    /**
     * The subcommands, in usage order. When the first argument names one, only that one is
     * registered: picocli reflects over every registered command at start-up, which a
     * short-lived {@code kelpie kustomize build} would otherwise pay for all of them.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("version", VersionCommand::new);
        SUBCOMMANDS.put("fmt", FmtCommand::new);
        SUBCOMMANDS.put("patch", PatchCommand::new);
        SUBCOMMANDS.put("diff", DiffCommand::new);
        SUBCOMMANDS.put("kustomize", KustomizeCommand::new);
        SUBCOMMANDS.put("seal", SealCommand::new);
        SUBCOMMANDS.put("unseal", UnsealCommand::new);
        SUBCOMMANDS.put("keygen", KeygenCommand::new);
        SUBCOMMANDS.put("reseal", ResealCommand::new);
        SUBCOMMANDS.put("validate", ValidateCommand::new);
        SUBCOMMANDS.put("render", RenderCommand::new);
        SUBCOMMANDS.put("plan", PlanCommand::new);
        SUBCOMMANDS.put("demo", DemoCommand::new);
        SUBCOMMANDS.put("sync", SyncCommand::new);
        SUBCOMMANDS.put("status", StatusCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the CLI with the given output streams and returns its exit code. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        if (args.length >= 2 && args[0].equals("kustomize") && args[1].equals("build")) {
            // the one command run in build scripts over and over: skip picocli's set-up when the line is plain
            var plain = KustomizeCommand.BuildCommand.parsePlain(java.util.List.of(args).subList(2, args.length));
            if (plain.isPresent()) {
                int code;
                try {
                    code = plain.get().build(out);
                } catch (RuntimeException e) {
                    code = ErrorHandler.report(e, err);
                }
                out.flush();
                err.flush();
                return code;
            }
        }
        CommandLine cli = new CommandLine(new KelpieCli());
        Supplier<Object> only = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
        if (only != null) {
            cli.addSubcommand(args[0], only.get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints a clear one-line error for Kelpie's own exceptions instead of a stack trace. */
    static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
            return report(ex, cmd.getErr());
        }

        /** Prints the error line (and the stack trace when KELPIE_DEBUG is set); returns the exit code. */
        static int report(Exception ex, java.io.PrintWriter err) {
            err.println("error: " + ex.getMessage());
            if (System.getenv("KELPIE_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return ex instanceof ExitCodeException e ? e.exitCode() : 1;
        }
    }
}
