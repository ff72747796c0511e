package dev.kelpie.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code git} command, for tests that check interoperability with repositories it
 * made. Skip such tests when {@link #available()} is false. Stateless and thread-safe.
 */
public final class GitCli {
    private GitCli() {
    }

    /** Whether {@code git --version} runs here. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code git args…} in {@code dir} with a fixed author and returns its output trimmed.
     *
     * @throws IllegalStateException when git exits non-zero or takes over a minute
     */
    public static String run(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Kelpie Test", "-c", "user.email=test@kelpie.dev"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("git " + String.join(" ", args) + ": timed out in " + dir);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " in " + dir + " exited "
                        + p.exitValue() + ": " + out.trim());
            }
            return out.trim();
        } catch (IOException e) {
            throw new UncheckedIOException("git " + String.join(" ", args) + " in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }
}
