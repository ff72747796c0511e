package dev.kelpie.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kelpie demo} behaves as the README says: every step checks what it claims. */
class SeedDemoTest {
    @TempDir
    Path dir;

    @Test
    void everyStepOfTheSeedScenarioBehaves() {
        StringWriter text = new StringWriter();
        boolean ok = new SeedDemo(dir, new PrintWriter(text)).run();
        String out = text.toString();
        assertThat(ok).as(out).isTrue();
        assertThat(out).contains("All 7 steps behaved as described.")
                .contains("the rogue edit is detected and reverted")
                .contains("prune refused")
                .doesNotContain("correct-horse-battery-staple");
    }
}
