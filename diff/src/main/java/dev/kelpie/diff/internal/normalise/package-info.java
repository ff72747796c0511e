/** Internal: normalisation, ignore rules and rendering for the three-way diff. Free to change in any release. */
package dev.kelpie.diff.internal.normalise;
