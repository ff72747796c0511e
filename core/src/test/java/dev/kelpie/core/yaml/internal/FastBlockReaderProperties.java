package dev.kelpie.core.yaml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.core.yaml.YamlDocument;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast reader against the event reader on generated streams: everything inside the subset
 * is accepted and read identically; edited streams are declined or read identically; streams
 * with a construct outside the subset are declined.
 */
class FastBlockReaderProperties {
    /** One root-level entry the fast reader must leave to the event reader (some are errors there). */
    private static final List<String> OUTSIDE = List.of(
            "zz: &anchor value\n", "zz: *alias\n", "zz: !!str 1\n", "zz: !custom x\n", "<<: {}\n", "? zz\n: value\n",
            "zz: plain\n  continued\n", "zz: \"quoted\n  continued\"\n", "zz: 'single\n\n  continued'\n", "zz: [1,\n  2]\n",
            "zz: {k: v}\n", "zz: [[1]]\n", "zz:\n\tk: v\n", "zz: 1\nzz: 2\n", "zz: @x\n", "zz: |\n    x\n  y\n",
            "zz: \"\\q\"\n", "zz: \"\\x4\"\n", "zz: a: b\n", "zz: - x\n", "zz: 1\n- zz\n", "zz: |\n  \u0001\n", "zz\n");

    @Property(tries = 1000)
    void streamsInsideTheSubsetReadExactlyAsTheEventReaderReadsThem(@ForAll("streams") String text) {
        Assume.that(!splitsASurrogatePairForSnakeyaml(text)); // a snakeyaml-engine crash the fast reader leaves alone
        List<YamlDocument> docs = ReaderComparison.accepted(text);
        Statistics.collect(docs.size());
    }

    @Property(tries = 1000)
    void editedStreamsAreDeclinedOrReadIdentically(@ForAll("editedStreams") String text) {
        Statistics.collect(ReaderComparison.agreesOrDeclines(text) ? "accepted" : "declined");
    }

    @Property(tries = 300)
    void constructsOutsideTheSubsetAreDeclined(@ForAll("documents") String document, @ForAll("outside") String construct,
            @ForAll boolean directive) {
        String text = (directive ? "%YAML 1.2\n---\n" : "") + document + construct;
        assertThat(ReaderComparison.fast(text)).as(text).isNull();
        // and the codec answers exactly as the event reader does, errors included
        Object viaCodec;
        Object viaEvents;
        try {
            viaCodec = YamlCodec.defaults().readDocuments("t.yaml", text);
        } catch (RuntimeException e) {
            viaCodec = e.getMessage();
        }
        try {
            viaEvents = ReaderComparison.events(text);
        } catch (RuntimeException e) {
            viaEvents = e.getMessage();
        }
        assertThat(viaCodec).isEqualTo(viaEvents);
    }

    private static boolean splitsASurrogatePairForSnakeyaml(String text) {
        for (int i = 1024; i < text.length(); i += 1025) {
            if (Character.isHighSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<String> streams() {
        return Arbitraries.randomValue(r -> new RandomBlockYaml(r).stream());
    }

    @Provide
    Arbitrary<String> editedStreams() {
        return Arbitraries.randomValue(r -> RandomBlockYaml.mutate(r, new RandomBlockYaml(r).stream()));
    }

    @Provide
    Arbitrary<String> documents() {
        return Arbitraries.randomValue(r -> new RandomBlockYaml(r).mappingDocument());
    }

    @Provide
    Arbitrary<String> outside() {
        return Arbitraries.of(OUTSIDE);
    }
}
