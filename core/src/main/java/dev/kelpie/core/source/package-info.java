/**
 * API and SPI for desired-state sources: {@link dev.kelpie.core.source.Source} (SPI), {@link dev.kelpie.core.source.GitSource} on JGit, {@link dev.kelpie.core.source.DirectorySource}, and the read-only, root-confined {@link dev.kelpie.core.source.FileTree} a {@link dev.kelpie.core.source.Snapshot} holds.
 */
package dev.kelpie.core.source;
