package dev.kelpie.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceTest {
    @TempDir
    Path tmp;

    @Test
    void readsInsideAndRefusesEscapes() throws Exception {
        Path root = tmp.resolve("repo");
        Files.createDirectories(root.resolve("apps/web"));
        Files.writeString(root.resolve("apps/web/d.yaml"), "kind: A\n");
        Files.writeString(tmp.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("apps/link.yaml"), Path.of("web/d.yaml"));
        Files.createSymbolicLink(root.resolve("apps/out.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("apps/updir"), Path.of("../.."));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("../nowhere"));
        FileTree t = DirectorySource.of(root).snapshot("ignored").tree();
        assertThat(t.readString("apps/web/d.yaml")).isEqualTo("kind: A\n");
        assertThat(t.readString("apps/link.yaml")).isEqualTo("kind: A\n");
        assertThat(t.list("apps")).containsExactly("link.yaml", "out.txt", "updir", "web");
        assertThat(t.isDirectory("apps/web")).isTrue();
        assertThatThrownBy(() -> t.read("apps/out.txt")).isInstanceOf(PathEscapeException.class);
        assertThatThrownBy(() -> t.list("apps/updir")).isInstanceOf(PathEscapeException.class);
        assertThatThrownBy(() -> t.read("dangling")).isInstanceOf(PathEscapeException.class);
        assertThatThrownBy(() -> t.read("../secret.txt")).isInstanceOf(PathEscapeException.class);
        assertThatThrownBy(() -> t.read("/etc/passwd")).isInstanceOf(PathEscapeException.class);
        assertThatThrownBy(() -> t.read("apps/none.yaml")).isInstanceOf(NoSuchPathException.class);
        assertThatThrownBy(() -> DirectorySource.of(tmp.resolve("missing"))).isInstanceOf(NoSuchPathException.class);
    }
}
