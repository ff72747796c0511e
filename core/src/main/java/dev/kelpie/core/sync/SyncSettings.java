package dev.kelpie.core.sync;

import dev.kelpie.core.backend.WriteOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a sync writes and waits. Defaults: server-side apply as field manager {@code kelpie},
 * forcing conflicts (Git wins over a manual edit, as Argo CD's {@code --force-conflicts} and
 * Flux's forced apply: that is the contract of self-heal), waves wait up to five minutes for
 * health.
 * Immutable and thread-safe.
 *
 * @param applyMode       server-side or client-side apply (an application's {@code ServerSideApply}
 *                        option turns client-side into server-side)
 * @param fieldManager    the field manager for server-side apply
 * @param forceConflicts  take over fields other managers own
 * @param dryRun          ask the server to validate every write without persisting it
 * @param waitForHealth   wait for each wave to be healthy before the next one
 * @param waveTimeout     how long to wait for one wave
 * @param pollInterval    how often to look while waiting
 * @param clock           time for timeouts
 * @param sleeper         how to wait between looks
 */
public record SyncSettings(ApplyMode applyMode, String fieldManager, boolean forceConflicts, boolean dryRun,
                           boolean waitForHealth, Duration waveTimeout, Duration pollInterval, Clock clock,
                           Sleeper sleeper) {

    public SyncSettings {
        Objects.requireNonNull(applyMode, "applyMode");
        Objects.requireNonNull(fieldManager, "fieldManager");
        Objects.requireNonNull(waveTimeout, "waveTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        if (fieldManager.isBlank()) {
            throw new IllegalArgumentException("fieldManager must not be blank");
        }
        if (waveTimeout.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("waveTimeout must be >= 0 and pollInterval > 0");
        }
    }

    public static SyncSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().applyMode(applyMode).fieldManager(fieldManager).forceConflicts(forceConflicts)
                .dryRun(dryRun).waitForHealth(waitForHealth).waveTimeout(waveTimeout).pollInterval(pollInterval)
                .clock(clock).sleeper(sleeper);
    }

    /** The write options of this sync. */
    public WriteOptions writeOptions() {
        return new WriteOptions(fieldManager, forceConflicts, dryRun);
    }

    /** Builds {@link SyncSettings}. Not thread-safe. */
    public static final class Builder {
        private ApplyMode applyMode = ApplyMode.SERVER_SIDE;
        private String fieldManager = WriteOptions.DEFAULT_MANAGER;
        private boolean forceConflicts = true;
        private boolean dryRun;
        private boolean waitForHealth = true;
        private Duration waveTimeout = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        public Builder applyMode(ApplyMode m) {
            this.applyMode = m;
            return this;
        }

        public Builder fieldManager(String m) {
            this.fieldManager = m;
            return this;
        }

        public Builder forceConflicts(boolean f) {
            this.forceConflicts = f;
            return this;
        }

        public Builder dryRun(boolean d) {
            this.dryRun = d;
            return this;
        }

        public Builder waitForHealth(boolean w) {
            this.waitForHealth = w;
            return this;
        }

        public Builder waveTimeout(Duration d) {
            this.waveTimeout = d;
            return this;
        }

        public Builder pollInterval(Duration d) {
            this.pollInterval = d;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder sleeper(Sleeper s) {
            this.sleeper = s;
            return this;
        }

        public SyncSettings build() {
            return new SyncSettings(applyMode, fieldManager, forceConflicts, dryRun, waitForHealth, waveTimeout,
                    pollInterval, clock, sleeper);
        }
    }
}
