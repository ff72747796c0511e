/** Internal: the strategic merge patch engine and its schema. Free to change in any release. */
package dev.kelpie.diff.internal.smp;
