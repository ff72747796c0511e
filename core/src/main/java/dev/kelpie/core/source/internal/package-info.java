/**
 * Internal: Git mirror cache, revision resolution, semver ranges, file trees over Git objects and folders. Free to change in any release.
 */
package dev.kelpie.core.source.internal;
