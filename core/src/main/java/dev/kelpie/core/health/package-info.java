/**
 * API and SPI for health: {@link dev.kelpie.core.health.HealthAssessor} with built-in rules as Argo CD and kstatus judge them, and the {@link dev.kelpie.core.health.HealthCheck} SPI per kind.
 */
package dev.kelpie.core.health;
