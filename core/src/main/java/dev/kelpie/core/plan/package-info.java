/**
 * API: the pure planner ({@link dev.kelpie.core.plan.Planner} to {@link dev.kelpie.core.plan.SyncPlan}), the prune planner and its guards, the ApplySet-compatible inventory, and the {@link dev.kelpie.core.plan.LiveComparison} SPI.
 */
package dev.kelpie.core.plan;
