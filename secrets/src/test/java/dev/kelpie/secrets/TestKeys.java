package dev.kelpie.secrets;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** Keys shared by the unit tests: generated once per JVM (2048 bits keeps the suite fast). */
final class TestKeys {
    private TestKeys() {
    }

    private static final class Holder {
        static final UnsealingKey OLD = UnsealingKey.generate(2048, "", Duration.ofDays(3650),
                Clock.offset(Clock.systemUTC(), Duration.ofDays(-60)), new SecureRandom());
        static final UnsealingKey NEW = UnsealingKey.generate(2048, "sealed-secrets-controller", Duration.ofDays(3650),
                Clock.systemUTC(), new SecureRandom());
    }

    /** The older key (certificate from 60 days ago). */
    static UnsealingKey old() {
        return Holder.OLD;
    }

    /** The newer key: the active one of {@link #both()}. */
    static UnsealingKey newer() {
        return Holder.NEW;
    }

    static KeyRing both() {
        return KeyRing.of(old(), newer());
    }

    static SealingKey oldCert() {
        return old().certificate().orElseThrow();
    }
}
