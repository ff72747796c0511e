/**
 * API: testing GitOps tooling without a cluster. {@link dev.kelpie.testkit.InMemoryCluster} (the
 * core {@code Backend} in memory), {@link dev.kelpie.testkit.ManualClock},
 * {@link dev.kelpie.testkit.FaultRule}, {@link dev.kelpie.testkit.GitFixture},
 * {@link dev.kelpie.testkit.KelpieAssertions} and {@link dev.kelpie.testkit.KelpieArbitraries}.
 */
package dev.kelpie.testkit;
