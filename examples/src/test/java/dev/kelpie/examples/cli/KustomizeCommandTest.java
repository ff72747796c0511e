package dev.kelpie.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.testkit.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

/** {@code kelpie kustomize build} with remote resources off (the default) and on. */
class KustomizeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void remoteResourcesAreOffUnlessTheFlagIsGiven() throws Exception {
        Path repo = tmp.resolve("remote");
        GitFixture.fromMap(repo, Map.of("base/kustomization.yaml", "resources: [cm.yaml]\n",
                "base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n")).close();
        Path overlay = tmp.resolve("overlay");
        Files.createDirectories(overlay);
        String url = "file://" + repo.toAbsolutePath() + "//base?ref=main";
        Files.writeString(overlay.resolve("kustomization.yaml"), "namePrefix: x-\nresources: ['" + url + "']\n");

        CliRun refused = CliRun.of("kustomize", "build", overlay.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("kustomization.yaml").contains(url).contains("--enable-remote-resources");

        CliRun built = CliRun.of("kustomize", "build", "--enable-remote-resources",
                "--remote-cache", tmp.resolve("cache").toString(), overlay.toString());
        assertThat(built.err()).isEmpty();
        assertThat(built.exitCode()).isZero();
        assertThat(built.out()).contains("name: x-cm");
    }

    @Test
    void helpListsTheRemoteFlag() {
        CliRun help = CliRun.of("kustomize", "build", "--help");
        assertThat(help.out()).contains("--enable-remote-resources").contains("--remote-cache=DIR");
    }

    @Test
    void plainCommandLinesReadTheSameWithoutPicocli() {
        List<List<String>> plain = List.of(
                List.of(), List.of("dir"), List.of("--reorder", "none", "dir"), List.of("--reorder=none", "dir"),
                List.of("dir", "--load-restrictor", "LoadRestrictionsNone"),
                List.of("--load-restrictor=LoadRestrictionsNone", "--enable-managedby-label", "a/b"),
                List.of("--enable-remote-resources", "--remote-cache", "c", "--root", "/r", "/r/x"),
                List.of("--root=/", "--reorder", "legacy", "--enable-managedby-label", "--enable-remote-resources"));
        for (List<String> args : plain) {
            Optional<KustomizeCommand.BuildCommand> quick = KustomizeCommand.BuildCommand.parsePlain(args);
            assertThat(quick).as("read without picocli: %s", args).isPresent();
            KustomizeCommand.BuildCommand viaPicocli = new KustomizeCommand.BuildCommand();
            new CommandLine(viaPicocli).parseArgs(args.toArray(String[]::new));
            assertThat(quick.get()).as("%s", args).usingRecursiveComparison()
                    .comparingOnlyFields("loadRestrictor", "reorder", "managedBy", "remote", "remoteCache", "root", "dir")
                    .isEqualTo(viaPicocli);
        }
        // everything else is left to picocli, which prints its usual help and errors
        for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("a", "b"), List.of("--reorder"),
                List.of("--reorder", "none", "--reorder", "legacy"), List.of("--unknown"), List.of("--", "dir"),
                List.of("--enable-managedby-label=false"), List.of("--root", "--reorder"))) {
            assertThat(KustomizeCommand.BuildCommand.parsePlain(args)).as("%s", args).isEmpty();
        }
    }

    @Test
    void errorsOfAPlainCommandLineAreReportedAsPicocliWouldReportThem() {
        CliRun badOrder = CliRun.of("kustomize", "build", "--reorder", "sideways", tmp.toString());
        assertThat(badOrder.exitCode()).isEqualTo(2);
        assertThat(badOrder.err()).isEqualTo("error: unknown --reorder \"sideways\" (legacy or none)" + System.lineSeparator());
        CliRun missing = CliRun.of("kustomize", "build", tmp.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: ").contains("nowhere");
        CliRun unknown = CliRun.of("kustomize", "build", "--sideways", tmp.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--sideways'");
    }
}
