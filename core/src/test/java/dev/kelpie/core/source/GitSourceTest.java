package dev.kelpie.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSourceTest {
    @TempDir
    Path tmp;

    private GitSource source(Path repo) {
        return GitSource.builder().path(repo).cacheDir(tmp.resolve("cache")).build();
    }

    /** A JGit-made repository: main with two commits, tags, a feature branch, symlinks. */
    private Path jgitRepo() throws Exception {
        Path repo = tmp.resolve("jgit-repo");
        try (Git git = GitFixture.initJGit(repo)) {
            GitFixture.write(repo, Map.of("apps/web/deploy.yaml", "kind: A\n", "README.md", "hello\n"));
            RevCommit first = GitFixture.commitAll(git, "first");
            git.tag().setName("v1.0.0").setObjectId(first).setAnnotated(true).setMessage("one").setSigned(false).call();
            GitFixture.write(repo, Map.of("apps/web/deploy.yaml", "kind: B\n", "apps/api/svc.yaml", "kind: S\n"));
            Files.createSymbolicLink(repo.resolve("apps/link.yaml"), Path.of("web/deploy.yaml"));
            Files.createSymbolicLink(repo.resolve("apps/webdir"), Path.of("web"));
            Files.createSymbolicLink(repo.resolve("escape"), Path.of("../outside"));
            Files.createSymbolicLink(repo.resolve("abs"), Path.of("/etc/passwd"));
            RevCommit second = GitFixture.commitAll(git, "second");
            git.tag().setName("v1.2.0").setObjectId(second).setAnnotated(false).call();
            git.tag().setName("v2.0.0-rc.1").setObjectId(second).setAnnotated(false).call();
            git.branchCreate().setName("feature").setStartPoint(first).call();
        }
        return repo;
    }

    @Nested
    class Resolving {
        @Test
        void resolvesBranchesTagsCommitsAndRanges() throws Exception {
            Path repo = jgitRepo();
            try (Git git = Git.open(repo.toFile()); GitSource src = source(repo)) {
                String head = git.getRepository().resolve("main").name();
                String first = git.getRepository().resolve("feature").name();
                assertThat(src.resolve("HEAD")).isEqualTo(head);
                assertThat(src.resolve("main")).isEqualTo(head);
                assertThat(src.resolve("refs/heads/feature")).isEqualTo(first);
                assertThat(src.resolve("v1.0.0")).as("annotated tag peeled").isEqualTo(first);
                assertThat(src.resolve(first)).isEqualTo(first);
                assertThat(src.resolve(head.substring(0, 8))).isEqualTo(head);
                assertThat(src.resolve(">=1.0.0 <2.0.0")).isEqualTo(head);
                assertThat(src.resolve("~1.0")).isEqualTo(first);
                assertThat(src.resolve("^1")).isEqualTo(head);
                assertThat(src.resolve(">=2.0.0-rc.0")).as("prerelease when asked").isEqualTo(head);
            }
        }

        @Test
        void unknownRevisionIsAnError() throws Exception {
            Path repo = jgitRepo();
            try (GitSource src = source(repo)) {
                assertThatThrownBy(() -> src.snapshot("no-such-branch"))
                        .isInstanceOf(UnknownRevisionException.class)
                        .hasMessageContaining("no-such-branch");
                assertThatThrownBy(() -> src.resolve(">=9.0.0"))
                        .isInstanceOf(UnknownRevisionException.class)
                        .hasMessageContaining("semver");
                assertThatThrownBy(() -> src.resolve("0123456789012345678901234567890123456789"))
                        .isInstanceOf(UnknownRevisionException.class);
            }
        }

        @Test
        void unreachableRemoteIsASourceError() {
            try (GitSource src = source(tmp.resolve("missing"))) {
                assertThatThrownBy(() -> src.snapshot("main")).isInstanceOf(SourceException.class)
                        .hasMessageContaining("missing");
            }
        }
    }

    @Nested
    class Snapshots {
        @Test
        void readsFilesStraightFromObjects() throws Exception {
            Path repo = jgitRepo();
            try (GitSource src = source(repo)) {
                Snapshot s = src.snapshot("main");
                FileTree t = s.tree();
                assertThat(t.readString("apps/web/deploy.yaml")).isEqualTo("kind: B\n");
                assertThat(t.list("apps")).containsExactly("api", "link.yaml", "web", "webdir");
                assertThat(t.isDirectory("apps/web")).isTrue();
                assertThat(t.isFile("apps/web")).isFalse();
                assertThat(t.readString("apps/link.yaml")).as("symlink inside the tree").isEqualTo("kind: B\n");
                assertThat(t.readString("apps/webdir/deploy.yaml")).isEqualTo("kind: B\n");
                assertThat(t.isDirectory("apps/webdir")).isTrue();
                assertThat(src.snapshot("v1.0.0").tree().readString("apps/web/deploy.yaml")).isEqualTo("kind: A\n");
                assertThatThrownBy(() -> t.read("apps/nope.yaml")).isInstanceOf(NoSuchPathException.class);
            }
        }

        @Test
        void refusesPathEscapes() throws Exception {
            Path repo = jgitRepo();
            try (GitSource src = source(repo)) {
                FileTree t = src.snapshot("main").tree();
                assertThatThrownBy(() -> t.read("../x")).isInstanceOf(PathEscapeException.class);
                assertThatThrownBy(() -> t.read("apps/../../x")).isInstanceOf(PathEscapeException.class);
                assertThatThrownBy(() -> t.read("/etc/passwd")).isInstanceOf(PathEscapeException.class);
                assertThatThrownBy(() -> t.read("escape")).isInstanceOf(PathEscapeException.class);
                assertThatThrownBy(() -> t.read("abs")).isInstanceOf(PathEscapeException.class);
                assertThatThrownBy(() -> t.isFile("escape/x")).isInstanceOf(PathEscapeException.class);
            }
        }

        @Test
        void changedPathsBetweenRevisions() throws Exception {
            Path repo = jgitRepo();
            try (GitSource src = source(repo)) {
                src.refresh();
                PathChanges ch = src.changedPaths("v1.0.0", "main");
                assertThat(ch.paths()).contains("apps/web/deploy.yaml", "apps/api/svc.yaml", "apps/link.yaml")
                        .doesNotContain("README.md");
                assertThat(ch.touches("apps/api")).isTrue();
                assertThat(ch.touches("apps/ap")).isFalse();
                assertThat(ch.touches("docs")).isFalse();
                assertThat(src.changedPaths("main", "main").paths()).isEmpty();
            }
        }
    }

    @Nested
    class Fetching {
        @Test
        void skipsTheFetchWhenTheRemoteDidNotMove() throws Exception {
            Path repo = jgitRepo();
            try (GitSource src = source(repo); Git git = Git.open(repo.toFile())) {
                assertThat(src.refresh().fetched()).isTrue();
                assertThat(src.refresh().fetched()).isFalse();
                GitFixture.write(repo, Map.of("apps/web/deploy.yaml", "kind: C\n"));
                RevCommit third = GitFixture.commitAll(git, "third");
                assertThat(src.refresh().fetched()).isTrue();
                Snapshot s = src.snapshot("main");
                assertThat(s.revision()).isEqualTo(third.name());
                assertThat(s.tree().readString("apps/web/deploy.yaml")).isEqualTo("kind: C\n");
            }
        }

        @Test
        void deletedBranchesDisappear() throws Exception {
            Path repo = jgitRepo();
            try (GitSource src = source(repo); Git git = Git.open(repo.toFile())) {
                src.resolve("feature");
                git.branchDelete().setBranchNames("feature").setForce(true).call();
                assertThatThrownBy(() -> src.resolve("feature")).isInstanceOf(UnknownRevisionException.class);
            }
        }

        @Test
        void corruptCacheIsRebuilt() throws Exception {
            Path repo = jgitRepo();
            Path mirror;
            try (GitSource src = source(repo)) {
                src.snapshot("main");
                mirror = src.mirrorDir();
            }
            // remove every object: refs now point to nothing
            try (var walk = Files.walk(mirror.resolve("objects"))) {
                walk.filter(Files::isRegularFile).forEach(p -> p.toFile().delete());
            }
            try (GitSource src = source(repo)) {
                assertThat(src.snapshot("main").tree().readString("README.md")).isEqualTo("hello\n");
            }
        }

        @Test
        void foreignOrGarbageCacheIsRebuilt() throws Exception {
            Path repo = jgitRepo();
            Path mirror;
            try (GitSource src = source(repo)) {
                mirror = src.mirrorDir();
            }
            Files.createDirectories(mirror);
            Files.writeString(mirror.resolve("HEAD"), "garbage");
            Files.writeString(mirror.resolve("config"), "[core]\n\tbare = true\n[kelpie]\n\turl = elsewhere\n");
            try (GitSource src = source(repo)) {
                assertThat(src.snapshot("main").tree().readString("README.md")).isEqualTo("hello\n");
            }
        }

        @Test
        void concurrentSnapshotsAndFetchesAgree() throws Exception {
            Path repo = jgitRepo();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try (GitSource a = source(repo); GitSource b = source(repo)) {
                List<Callable<String>> jobs = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    GitSource s = i % 2 == 0 ? a : b;
                    String rev = i % 3 == 0 ? "v1.0.0" : "main";
                    jobs.add(() -> s.snapshot(rev).tree().readString("apps/web/deploy.yaml"));
                }
                List<Future<String>> results = pool.invokeAll(jobs);
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i).get()).isEqualTo(i % 3 == 0 ? "kind: A\n" : "kind: B\n");
                }
            } finally {
                pool.shutdown();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Nested
    class WithTheGitCommand {
        @Test
        void readsRepositoriesWrittenByGit() throws Exception {
            Assumptions.assumeTrue(GitFixture.gitCliAvailable(), "git is not installed");
            Path repo = tmp.resolve("cli-repo");
            Files.createDirectories(repo);
            GitFixture.git(repo, "init", "-q", "-b", "trunk");
            GitFixture.write(repo, Map.of("base/cm.yaml", "kind: ConfigMap\n", "base/sub/x.json", "{}"));
            Files.createSymbolicLink(repo.resolve("base/alias.yaml"), Path.of("cm.yaml"));
            Files.createSymbolicLink(repo.resolve("base/out"), Path.of("../../etc"));
            GitFixture.git(repo, "add", "-A");
            GitFixture.git(repo, "commit", "-q", "-m", "one");
            GitFixture.git(repo, "tag", "-a", "v0.3.1", "-m", "release");
            GitFixture.write(repo, Map.of("base/cm.yaml", "kind: ConfigMap # 2\n"));
            GitFixture.git(repo, "commit", "-q", "-am", "two");
            GitFixture.git(repo, "gc", "-q");   // packed objects and packed refs
            String head = GitFixture.git(repo, "rev-parse", "HEAD");
            String tagged = GitFixture.git(repo, "rev-parse", "v0.3.1^{commit}");
            try (GitSource src = GitSource.builder().url("file://" + repo).cacheDir(tmp.resolve("c")).build()) {
                Snapshot s = src.snapshot("HEAD");
                assertThat(s.revision()).isEqualTo(head);
                assertThat(s.tree().readString("base/alias.yaml")).isEqualTo("kind: ConfigMap # 2\n");
                assertThat(s.tree().list("base")).containsExactly("alias.yaml", "cm.yaml", "out", "sub");
                assertThatThrownBy(() -> s.tree().list("base/out")).isInstanceOf(PathEscapeException.class);
                assertThat(src.resolve("trunk")).isEqualTo(head);
                assertThat(src.resolve("0.3.x")).isEqualTo(tagged);
                assertThat(src.snapshot(tagged.substring(0, 7)).tree().readString("base/cm.yaml"))
                        .isEqualTo("kind: ConfigMap\n");
            }
        }

        @Test
        void readsABareRepositoryClonedByGit() throws Exception {
            Assumptions.assumeTrue(GitFixture.gitCliAvailable(), "git is not installed");
            Path repo = jgitRepo();
            Path bare = tmp.resolve("bare.git");
            GitFixture.git(tmp, "clone", "-q", "--bare", repo.toString(), bare.toString());
            try (GitSource src = source(bare)) {
                assertThat(src.snapshot("v1.2.0").tree().readString("apps/api/svc.yaml")).isEqualTo("kind: S\n");
            }
        }
    }
}
