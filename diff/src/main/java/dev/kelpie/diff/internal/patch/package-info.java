/** Internal: JSON merge patch (RFC 7386) and JSON patch (RFC 6902) engines. Free to change in any release. */
package dev.kelpie.diff.internal.patch;
