/**
 * Internal: server-side apply's field ownership (field paths and sets, FieldsV1, typed merge,
 * comparison and pruning) after structured-merge-diff. Free to change in any release.
 */
package dev.kelpie.testkit.internal.ssa;
