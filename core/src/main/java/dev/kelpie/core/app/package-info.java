/**
 * API: the {@link dev.kelpie.core.app.Application} spec and the reader of Argo CD Application manifests.
 */
package dev.kelpie.core.app;
