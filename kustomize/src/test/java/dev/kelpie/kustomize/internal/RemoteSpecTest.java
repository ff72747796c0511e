package dev.kelpie.kustomize.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** URL forms as kustomize's repo spec reads them (repository URL, path in it, ref). */
class RemoteSpecTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://github.com/org/repo//some/path?ref=v1.2.3   | https://github.com/org/repo             | some/path      | v1.2.3",
        "https://github.com/org/repo.git/some/path?ref=main  | https://github.com/org/repo.git         | some/path      | main",
        "https://github.com/org/repo/some/path               | https://github.com/org/repo             | some/path      | ''",
        "https://github.com/org/repo                         | https://github.com/org/repo             | ''             | ''",
        "https://GitHub.com/org/repo?ref=x                   | https://github.com/org/repo             | ''             | x",
        "github.com/org/repo/path?ref=x                      | https://github.com/org/repo             | path           | x",
        "github.com:org/repo/path                            | https://github.com/org/repo             | path           | ''",
        "git@github.com:org/repo.git/path?ref=x              | git@github.com:org/repo.git             | path           | x",
        "git@github.com:org/repo                             | git@github.com:org/repo                 | ''             | ''",
        "ssh://git@github.com/org/repo//path                 | git@github.com:org/repo                 | path           | ''",
        "ssh://git@host/org/repo.git//path                   | ssh://git@host/org/repo.git             | path           | ''",
        "ssh://host:2222/org/repo.git/a/b?ref=v2             | ssh://host:2222/org/repo.git            | a/b            | v2",
        "git@gitlab.com:org/repo.git                         | git@gitlab.com:org/repo.git             | ''             | ''",
        "git@gitlab.com:group/sub/repo.git/deploy            | git@gitlab.com:group/sub/repo.git       | deploy         | ''",
        "git@host/org/repo                                   | git@host/org/repo                       | ''             | ''",
        "git::https://gitlab.com/org/repo//path?ref=v1       | https://gitlab.com/org/repo             | path           | v1",
        "GIT::HTTPS://Host.example/org/repo                  | https://Host.example/org/repo           | ''             | ''",
        "http://host/org/repo/path                           | http://host/org/repo                    | path           | ''",
        "https://host:8443/org/repo//p                       | https://host:8443/org/repo              | p              | ''",
        "https://user@host/org/repo//p                       | https://user@host/org/repo              | p              | ''",
        "https://host/group/sub/repo//deploy/base            | https://host/group/sub/repo             | deploy/base    | ''",
        "https://dev.azure.com/org/project/_git/repo/path/to | https://dev.azure.com/org/project/_git/repo | path/to    | ''",
        "https://dev.azure.com/org/project/_git/repo         | https://dev.azure.com/org/project/_git/repo | ''         | ''",
        "file:///abs/path/to/repo.git//path?ref=x            | file:///abs/path/to/repo.git            | path           | x",
        "file:///abs/path/to/repo.git/path                   | file:///abs/path/to/repo.git            | path           | ''",
        "file:///abs/path/to/repo                            | file:///abs/path/to/repo                | ''             | ''",
        "file:///abs/repo//a/./b/../c                        | file:///abs/repo                        | a/c            | ''",
        "https://github.com/org/site.github.io/deploy        | https://github.com/org/site.github.io   | deploy         | ''",
        "https://github.com/org/repo?version=v2              | https://github.com/org/repo             | ''             | v2",
        "https://github.com/org/repo?ref=a&version=b         | https://github.com/org/repo             | ''             | a",
        "https://github.com/org/repo?ref=&version=b          | https://github.com/org/repo             | ''             | b",
        "https://github.com/org/repo?ref=feature%2Fx         | https://github.com/org/repo             | ''             | feature/x",
    })
    void parsesUrlForms(String url, String repo, String path, String ref) {
        RemoteSpec s = RemoteSpec.parse(url).orElseThrow();
        assertThat(s.repoUrl()).isEqualTo(repo);
        assertThat(s.path()).isEqualTo(path);
        assertThat(s.ref()).isEqualTo(ref);
        assertThat(s.raw()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "../base", "./overlays/prod", "/abs/path", "deployment.yaml", "github.company/x",
        "my.github.com/org/repo"})
    void localPathsAreNotRemote(String entry) {
        assertThat(RemoteSpec.parse(entry)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://example.com/org          | org/repo",
        "https://github.com/org           | org/repo",
        "https:///org/repo                | no host",
        "https://github.com/org/repo//../x | leaves the repository",
        "ftp://host/org/repo              | unsupported scheme 'ftp://'",
        "git::host.example/org/repo       | no scheme",
    })
    void refusesMalformedUrls(String url, String message) {
        assertThatThrownBy(() -> RemoteSpec.parse(url)).isInstanceOf(RemoteSpec.Invalid.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "query \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "''                       | 27000",
        "?timeout=61              | 61000",
        "?timeout=1m30s           | 90000",
        "?timeout=1.5s            | 1500",
        "?timeout=250ms           | 250",
        "?timeout=2h              | 7200000",
        "?timeout=0               | 27000",
        "?timeout=-5s             | 27000",
        "?timeout=soon            | 27000",
        "?timeout=10x             | 27000",
        "?ref=v1&timeout=5        | 5000",
    })
    void readsTimeouts(String query, long millis) {
        assertThat(RemoteSpec.parse("https://github.com/org/repo" + query).orElseThrow().timeout())
                .isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "query \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "''                   | true",
        "?submodules=false    | false",
        "?submodules=0        | false",
        "?submodules=F        | false",
        "?submodules=true     | true",
        "?submodules=maybe    | true",
    })
    void readsSubmodules(String query, boolean submodules) {
        assertThat(RemoteSpec.parse("https://github.com/org/repo" + query).orElseThrow().submodules()).isEqualTo(submodules);
    }

    @Test
    void aMalformedQueryGivesDefaultsAsInKustomize() {
        RemoteSpec s = RemoteSpec.parse("https://github.com/org/repo?ref=v1;timeout=5").orElseThrow();
        assertThat(s.ref()).isEmpty();
        assertThat(s.timeout()).isEqualTo(RemoteSpec.DEFAULT_TIMEOUT);
        assertThat(RemoteSpec.parse("https://github.com/org/repo?ref=%zz").orElseThrow().ref()).isEmpty();
    }

    @Test
    void recognisesPlainHttpFiles() {
        assertThat(RemoteSpec.parse("https://raw.githubusercontent.com/org/repo/main/deploy.yaml").orElseThrow()
                .looksLikeHttpFile()).isTrue();
        assertThat(RemoteSpec.parse("https://example.com/org/repo/x.json?ref=1").orElseThrow().looksLikeHttpFile()).isTrue();
        assertThat(RemoteSpec.parse("https://github.com/org/repo//deploy.yaml").orElseThrow().looksLikeHttpFile()).isFalse();
        assertThat(RemoteSpec.parse("https://github.com/org/repo/deploy").orElseThrow().looksLikeHttpFile()).isFalse();
        assertThat(RemoteSpec.parse("file:///r/x.yaml").orElseThrow().looksLikeHttpFile()).isFalse();
    }

    @Test
    void writesKustomizesOriginFields() {
        RemoteSpec s = RemoteSpec.parse("https://github.com/org/repo//app?ref=v1").orElseThrow();
        assertThat(s.origin("app/pod.yaml")).isEqualTo("path: app/pod.yaml\nrepo: https://github.com/org/repo\nref: v1\n");
    }
}
