package dev.kelpie.core.app;

import dev.kelpie.core.plan.PlanSettings;
import dev.kelpie.core.plan.PrunePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One application: a name, where its desired state lives, where it deploys, and how it syncs.
 *
 * <pre>{@code
 * Application app = Application.builder()
 *         .name("production-norway")
 *         .source("https://git.example/infra.git", "main", "overlays/production-norway")
 *         .destinationNamespace("production")
 *         .syncPolicy(SyncPolicy.automated().prune(true).selfHeal(true))
 *         .build();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public record Application(String name, ApplicationSource source, Destination destination, SyncPolicy syncPolicy,
                          SyncOptions syncOptions, RetryPolicy retry, List<IgnoreRule> ignoreRules) {

    public Application {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(syncPolicy, "syncPolicy");
        Objects.requireNonNull(syncOptions, "syncOptions");
        Objects.requireNonNull(retry, "retry");
        ignoreRules = List.copyOf(ignoreRules);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.source = source;
        b.destination = destination;
        b.syncPolicy = syncPolicy;
        b.syncOptions = syncOptions;
        b.retry = retry;
        b.ignoreRules.addAll(ignoreRules);
        return b;
    }

    /** The planner settings this application implies. */
    public PlanSettings planSettings() {
        PrunePolicy prune = (syncPolicy.prune() ? PrunePolicy.on() : PrunePolicy.off())
                .withAllowEmpty(syncPolicy.allowEmpty())
                .withPruneLast(syncOptions.pruneLast());
        return new PlanSettings(name, prune, syncOptions.applyOutOfSyncOnly(), syncOptions.replace(),
                syncOptions.serverSideApply(), syncOptions.failOnSharedResource(), ignoreRules);
    }

    /** Collects an application's settings. Not thread-safe; confine to one thread. */
    public static final class Builder {
        private String name;
        private ApplicationSource source;
        private Destination destination = Destination.of("");
        private SyncPolicy syncPolicy = SyncPolicy.manual();
        private SyncOptions syncOptions = SyncOptions.defaults();
        private RetryPolicy retry = RetryPolicy.none();
        private final List<IgnoreRule> ignoreRules = new ArrayList<>();

        private Builder() {
        }

        public Builder name(String n) {
            this.name = n;
            return this;
        }

        public Builder source(ApplicationSource s) {
            this.source = s;
            return this;
        }

        public Builder source(String repoUrl, String revision, String path) {
            return source(ApplicationSource.of(repoUrl, revision, path));
        }

        public Builder destination(Destination d) {
            this.destination = d;
            return this;
        }

        public Builder destinationNamespace(String namespace) {
            this.destination = new Destination(namespace, destination.cluster());
            return this;
        }

        public Builder syncPolicy(SyncPolicy p) {
            this.syncPolicy = p;
            return this;
        }

        public Builder syncOptions(SyncOptions o) {
            this.syncOptions = o;
            return this;
        }

        public Builder retry(RetryPolicy r) {
            this.retry = r;
            return this;
        }

        public Builder ignore(IgnoreRule rule) {
            this.ignoreRules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the missing or bad field
         */
        public Application build() {
            if (name == null || !name.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
                throw new IllegalArgumentException("name: expected a DNS subdomain name, got '" + name + "'");
            }
            if (source == null) {
                throw new IllegalArgumentException("source: required");
            }
            if (source.repoUrl().isBlank()) {
                throw new IllegalArgumentException("source.repoURL: required");
            }
            return new Application(name, source, destination, syncPolicy, syncOptions, retry, ignoreRules);
        }
    }
}
