package dev.kelpie.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kelpie version}: the Kelpie version and the Java runtime. */
@Command(name = "version", description = "Print the Kelpie version.")
public final class VersionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static String version() {
        String v = KelpieCli.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("kelpie " + version() + " (Java " + System.getProperty("java.version") + ")");
        return 0;
    }

    /** Feeds {@code kelpie --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kelpie " + version()};
        }
    }
}
