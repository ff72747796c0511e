package dev.kelpie.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kelpie} command line. Each subcommand lives in its own class; this one only
 * lists them and maps exceptions to exit codes.
 */
@Command(name = "kelpie",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "A GitOps reconciliation engine for the JVM.",
        subcommands = {
            VersionCommand.class,
            FmtCommand.class,
            SealCommand.class,
            UnsealCommand.class,
            KeygenCommand.class,
            ResealCommand.class,
            ValidateCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class KelpieCli implements Runnable {

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
        CommandLine cli = new CommandLine(new KelpieCli());
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
            cmd.getErr().println("error: " + ex.getMessage());
            if (System.getenv("KELPIE_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return ex instanceof ExitCodeException e ? e.exitCode() : 1;
        }
    }
}
