package dev.kelpie.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the shared conformance corpora (system property {@code kelpie.shared.dir}). */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    /** The folder {@code conformance/<name>} when present. */
    public static Optional<Path> conformance(String name) {
        return conformance().map(c -> c.resolve(name)).filter(Files::isDirectory);
    }

    /** The folder {@code conformance} with every corpus, when present. */
    public static Optional<Path> conformance() {
        String dir = System.getProperty("kelpie.shared.dir", "../../shared");
        Path p = Path.of(dir).resolve("conformance");
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
}
