/**
 * Internal: the table of deprecated and removed Kubernetes API versions.
 */
package dev.kelpie.core.transform.internal;
