package dev.kelpie.core.yaml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.SharedCorpus;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.core.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every YAML file of the shared corpora and of this repository: the fast reader declines or
 * reads exactly what the event reader reads, and it does accept most of them.
 */
class FastBlockReaderCorpusTest {

    @Test
    void theFastReaderAgreesOnEveryCorpusFileAndAcceptsMostOfThem() throws IOException {
        var shared = SharedCorpus.conformance();
        Assumptions.assumeTrue(shared.isPresent(), "shared conformance corpus not found; skipping (set -Dkelpie.shared.dir)");
        List<Path> files = new ArrayList<>(yamlFiles(shared.get()));
        files.addAll(yamlFiles(Path.of("..").toAbsolutePath().normalize()));
        assertThat(files).hasSizeGreaterThan(1000);

        int readable = 0;
        int accepted = 0;
        List<String> declined = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            if (text.startsWith("\ufeff")) {
                text = text.substring(1); // as YamlCodec hands it over
            }
            List<YamlDocument> events;
            try {
                events = new EventTreeReader(file.toString(), YamlLimits.DEFAULT).read(text);
            } catch (RuntimeException e) {
                assertThat(ReaderComparison.fast(text)).as("fast reader accepted an invalid file %s", file).isNull();
                continue;
            }
            readable++;
            var fast = FastBlockReader.read(file.toString(), text, YamlLimits.DEFAULT);
            if (fast == null) {
                declined.add(file.toString());
                continue;
            }
            accepted++;
            ReaderComparison.assertSameDocuments(fast, events, file.toString());
        }
        double share = (double) accepted / readable;
        System.out.printf("fast YAML reader accepted %d of %d readable corpus files (%.1f%%); declined: %s%n",
                accepted, readable, 100 * share, declined);
        assertThat(share).as("share of the corpus the fast reader accepts").isGreaterThanOrEqualTo(0.8);
    }

    private static List<Path> yamlFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> {
                String name = p.getFileName().toString();
                return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(p) && !generated(root.relativize(p));
            }).sorted().toList();
        }
    }

    /** Build output and hidden folders (.git, editor state) are not sources. */
    private static boolean generated(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
