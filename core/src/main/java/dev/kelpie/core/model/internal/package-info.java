/** Internals of the resource model; not an API. */
package dev.kelpie.core.model.internal;
