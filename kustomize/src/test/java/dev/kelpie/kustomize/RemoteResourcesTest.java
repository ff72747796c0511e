package dev.kelpie.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.InMemoryFileTree;
import dev.kelpie.testkit.GitCli;
import dev.kelpie.testkit.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote Git entries: refused by default, fetched from local repositories through file:// URLs when enabled. */
class RemoteResourcesTest {
    @TempDir
    Path tmp;
    Path cache;
    Path upstream;
    String url;
    String v1;

    static String configMap(String name, String color) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  color: " + color + "\n";
    }

    /** A repository made with JGit: tag v1 has color blue, main (later) has green. */
    @BeforeEach
    void repository() {
        cache = tmp.resolve("cache");
        upstream = tmp.resolve("upstream.git");
        try (GitFixture git = GitFixture.fromMap(upstream, Map.of(
                "deploy/kustomization.yaml", "resources: [cm.yaml]\n",
                "deploy/cm.yaml", configMap("settings", "blue"),
                "shared/extra.yaml", configMap("extra", "red"),
                "escape/kustomization.yaml", "resources: [../shared/extra.yaml]\n",
                "component/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
                        + "commonAnnotations:\n  from: component\n"))) {
            git.tag("v1");
            v1 = git.resolveRef("v1^{commit}");
            git.commit("green", Map.of("deploy/cm.yaml", configMap("settings", "green")));
        }
        url = "file://" + upstream.toAbsolutePath();
    }

    static FileTree overlay(String... resources) {
        return InMemoryFileTree.builder()
                .file("app/kustomization.yaml", "namePrefix: app-\nresources:\n"
                        + String.join("", java.util.Arrays.stream(resources).map(r -> "- " + r + "\n").toList()))
                .build();
    }

    Kustomize enabled() {
        return Kustomize.builder().remoteResources(RemoteResources.git(cache)).build();
    }

    static String color(List<Resource> out, String name) {
        return out.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow()
                .unsafeTree().path("data").path("color").asText();
    }

    @Test
    void refusedByDefaultNamingFileUrlAndHowToEnable() {
        String entry = "https://github.com/org/repo//deploy?ref=v1.2.3";
        assertThatThrownBy(() -> Kustomize.defaults().build(overlay(entry), "app"))
                .isInstanceOf(RemoteResourceException.class)
                .hasMessageContaining("app/kustomization.yaml")
                .hasMessageContaining(entry)
                .hasMessageContaining("remote resources are not enabled")
                .hasMessageContaining("remoteResources(");
        FileTree component = InMemoryFileTree.builder()
                .file("app/kustomization.yaml", "components: [git@github.com:org/repo.git/c]\n").build();
        assertThatThrownBy(() -> Kustomize.defaults().build(component, "app"))
                .isInstanceOf(RemoteResourceException.class)
                .hasMessageContaining("components: 'git@github.com:org/repo.git/c'")
                .satisfies(e -> assertThat(((RemoteResourceException) e).url()).isEqualTo("git@github.com:org/repo.git/c"));
    }

    @Test
    void plainHttpFilesAndOddSchemesStayRefused() {
        assertThatThrownBy(() -> enabled().build(overlay("https://example.com/org/repo/main/pod.yaml"), "app"))
                .isInstanceOf(RemoteResourceException.class)
                .hasMessageContaining("https://example.com/org/repo/main/pod.yaml")
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> enabled().build(overlay("ftp://example.com/org/repo"), "app"))
                .isInstanceOf(RemoteResourceException.class)
                .hasMessageContaining("ftp://example.com/org/repo")
                .hasMessageContaining("unsupported scheme");
    }

    @Test
    void fetchesTheRefTheUrlNames() throws IOException {
        List<Resource> v1 = enabled().buildList(overlay(url + "//deploy?ref=v1"), "app");
        assertThat(color(v1, "app-settings")).isEqualTo("blue");
        List<Resource> main = enabled().buildList(overlay(url + "//deploy?version=main"), "app");
        assertThat(color(main, "app-settings")).isEqualTo("green");
        List<Resource> head = enabled().buildList(overlay(url + "/deploy"), "app");
        assertThat(color(head, "app-settings")).isEqualTo("green");
        assertThat(Files.list(cache).filter(p -> p.toString().endsWith(".git")).count()).isEqualTo(1);
    }

    @Test
    void aFullCommitIdIsReadFromTheMirrorAgain() {
        String entry = url + "//deploy?ref=" + v1;
        assertThat(color(enabled().buildList(overlay(entry), "app"), "app-settings")).isEqualTo("blue");
        assertThat(color(enabled().buildList(overlay(entry), "app"), "app-settings")).isEqualTo("blue");
    }

    @Test
    void remoteComponentsAndNestedRemotes() {
        FileTree tree = InMemoryFileTree.builder()
                .file("app/kustomization.yaml", "resources: ['" + url + "//deploy?ref=v1']\ncomponents: ['"
                        + url + "//component']\n")
                .build();
        List<Resource> out = enabled().buildList(tree, "app");
        assertThat(out).singleElement().satisfies(r -> assertThat(r.annotations()).containsEntry("from", "component"));

        Path second = tmp.resolve("second");
        GitFixture.fromMap(second, Map.of("kustomization.yaml", "nameSuffix: -x\nresources: ['" + url
                + "//deploy?ref=v1']\n")).close();
        List<Resource> nested = enabled().buildList(overlay("file://" + second.toAbsolutePath()), "app");
        assertThat(nested).extracting(Resource::name).containsExactly("app-settings-x");
    }

    @Test
    void aRemoteKustomizationReadsOnlyItsOwnRepository() {
        // ../shared is inside the repository but outside the kustomization's root
        assertThatThrownBy(() -> enabled().build(overlay(url + "//escape"), "app"))
                .isInstanceOf(RemoteResourceException.class)
                .hasMessageContaining(url + "//escape")
                .hasMessageContaining("not in or below 'escape'");
        Kustomize none = Kustomize.builder().remoteResources(RemoteResources.git(cache))
                .loadRestrictor(LoadRestrictor.NONE).build();
        assertThat(none.buildList(overlay(url + "//escape"), "app")).extracting(Resource::name).containsExactly("app-extra");
        // above the repository's root there is nothing to read, whatever the restrictor
        FileTree up = InMemoryFileTree.builder()
                .file("app/kustomization.yaml", "resources: ['" + url + "//deploy']\n").build();
        assertThat(none.buildList(up, "app")).hasSize(1);
        assertThatThrownBy(() -> none.build(overlay(url + "//deploy/../../x"), "app"))
                .isInstanceOf(RemoteResourceException.class)
                .hasMessageContaining("leaves the repository");
    }

    @Test
    void fetchErrorsNameTheUrl() {
        String unknownRef = url + "//deploy?ref=nope";
        assertThatThrownBy(() -> enabled().build(overlay(unknownRef), "app"))
                .isInstanceOf(RemoteResourceException.class)
                .hasMessageContaining("app/kustomization.yaml")
                .hasMessageContaining(unknownRef)
                .hasMessageContaining("unknown ref 'nope'");
        String missing = "file://" + tmp.resolve("missing.git").toAbsolutePath() + "//deploy";
        assertThatThrownBy(() -> enabled().build(overlay(missing), "app"))
                .isInstanceOf(RemoteResourceException.class)
                .hasMessageContaining(missing)
                .hasMessageContaining("cannot fetch");
        String noDir = url + "//nowhere?ref=v1";
        assertThatThrownBy(() -> enabled().build(overlay(noDir), "app"))
                .isInstanceOf(RemoteResourceException.class)
                .hasMessageContaining(noDir)
                .hasMessageContaining("no directory 'nowhere'");
    }

    @Test
    void originAnnotationsNameRepositoryAndRef() {
        FileTree tree = InMemoryFileTree.builder()
                .file("app/kustomization.yaml", "buildMetadata: [originAnnotations]\nresources: ['" + url
                        + "//deploy?ref=v1']\n")
                .build();
        Resource r = enabled().buildList(tree, "app").get(0);
        assertThat(r.annotations().get("config.kubernetes.io/origin"))
                .isEqualTo("path: deploy/cm.yaml\nrepo: " + url + "\nref: v1\n");
    }

    @Test
    void aRepositoryMadeWithTheGitCommandLine() throws IOException {
        assumeTrue(GitCli.available(), "git is not installed");
        Path repo = tmp.resolve("cli-repo");
        Files.createDirectories(repo.resolve("base"));
        Files.writeString(repo.resolve("base/kustomization.yaml"), "resources: [cm.yaml]\n");
        Files.writeString(repo.resolve("base/cm.yaml"), configMap("cli", "yellow"));
        GitCli.run(repo, "init", "-q", "-b", "trunk");
        GitCli.run(repo, "add", ".");
        GitCli.run(repo, "commit", "-q", "-m", "first");
        GitCli.run(repo, "tag", "v0.1.0");
        Path bare = tmp.resolve("cli-bare.git");
        GitCli.run(tmp, "clone", "-q", "--bare", repo.toString(), bare.toString());
        String entry = "file://" + bare.toAbsolutePath() + "/base?ref=v0.1.0&timeout=30s&submodules=false";
        assertThat(color(enabled().buildList(overlay(entry), "app"), "app-cli")).isEqualTo("yellow");
        assertThat(color(enabled().buildList(overlay("git::file://" + bare.toAbsolutePath() + "//base"), "app"), "app-cli"))
                .isEqualTo("yellow");
    }
}
