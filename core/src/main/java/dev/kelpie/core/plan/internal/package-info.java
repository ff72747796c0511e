/**
 * Internal: Argo CD's step order and kind order, and the comparison on the diff module.
 */
package dev.kelpie.core.plan.internal;
