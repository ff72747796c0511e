package dev.kelpie.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every reference.yaml of the kustomize corpus reads, writes and reads back as the same documents. */
class CorpusRoundTripTest {
    private final YamlCodec yaml = YamlCodec.defaults();

    @TestFactory
    Stream<DynamicTest> everyReferenceOutputRoundTrips() throws IOException {
        var cases = SharedCorpus.conformance("kustomize");
        Assumptions.assumeTrue(cases.isPresent(), "shared conformance corpus not found; skipping (set -Dkelpie.shared.dir)");
        List<Path> refs;
        try (Stream<Path> s = Files.walk(cases.get().resolve("cases"), 2)) {
            refs = s.filter(p -> p.getFileName().toString().equals("reference.yaml")).sorted().toList();
        }
        assertThat(refs).isNotEmpty();
        return refs.stream().map(ref -> DynamicTest.dynamicTest(ref.getParent().getFileName().toString(), () -> {
            var docs = yaml.readDocuments(ref);
            var written = new StringBuilder();
            for (YamlDocument d : docs) {
                if (written.length() > 0) {
                    written.append("---\n");
                }
                written.append(yaml.write(d.tree()));
            }
            var back = yaml.readDocuments("rewritten", written.toString());
            assertThat(back).hasSameSizeAs(docs);
            for (int i = 0; i < docs.size(); i++) {
                assertThat(back.get(i).tree()).isEqualTo(docs.get(i).tree());
            }
        }));
    }
}
