/**
 * Internal: the built-in health rules.
 */
package dev.kelpie.core.health.internal;
