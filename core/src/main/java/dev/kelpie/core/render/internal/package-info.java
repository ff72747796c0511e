/**
 * Internal: glob matching for directory include and exclude patterns.
 */
package dev.kelpie.core.render.internal;
