package dev.kelpie.core.yaml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.core.yaml.YamlLimits;
import java.util.Iterator;
import java.util.List;

/** Runs both readers on one text and checks that the fast one agrees wherever it answers. */
final class ReaderComparison {
    private ReaderComparison() {
    }

    static List<YamlDocument> fast(String text) {
        return FastBlockReader.read("t.yaml", text, YamlLimits.DEFAULT);
    }

    static List<YamlDocument> events(String text) {
        return new EventTreeReader("t.yaml", YamlLimits.DEFAULT).read(text);
    }

    /** True when the fast reader accepted the text (and then agreed); false when it declined. */
    static boolean agreesOrDeclines(String text) {
        List<YamlDocument> fast = fast(text);
        if (fast == null) {
            return false;
        }
        List<YamlDocument> events;
        try {
            events = events(text);
        } catch (RuntimeException e) {
            throw new AssertionError("fast reader accepted what the event reader refuses (" + e.getMessage() + "):\n" + text, e);
        }
        assertSameDocuments(fast, events, text);
        return true;
    }

    /** The fast reader must accept the text and agree. */
    static List<YamlDocument> accepted(String text) {
        assertThat(agreesOrDeclines(text)).as("the fast reader declined:\n%s", text).isTrue();
        return fast(text);
    }

    static void assertSameDocuments(List<YamlDocument> fast, List<YamlDocument> events, String text) {
        assertThat(fast).as("documents of\n%s", text).hasSameSizeAs(events);
        for (int i = 0; i < fast.size(); i++) {
            assertThat(fast.get(i).origin()).as("origin of document %d of\n%s", i, text).isEqualTo(events.get(i).origin());
            assertSameTree(fast.get(i).tree(), events.get(i).tree(), "", text);
        }
    }

    /** Equal trees with the same node classes everywhere and the same key order. */
    static void assertSameTree(JsonNode fast, JsonNode events, String path, String text) {
        if (fast.getClass() != events.getClass() || !fast.equals(events)) {
            fail("at '%s': fast %s (%s), events %s (%s), in\n%s", path, fast, fast.getClass().getSimpleName(),
                    events, events.getClass().getSimpleName(), text);
        }
        if (fast.isObject()) {
            Iterator<String> a = fast.fieldNames();
            Iterator<String> b = events.fieldNames();
            while (a.hasNext()) {
                String key = a.next();
                assertThat(key).as("key order at '%s' in\n%s", path, text).isEqualTo(b.next());
                assertSameTree(fast.get(key), events.get(key), path + "/" + key, text);
            }
        } else if (fast.isArray()) {
            for (int i = 0; i < fast.size(); i++) {
                assertSameTree(fast.get(i), events.get(i), path + "/" + i, text);
            }
        }
    }
}
