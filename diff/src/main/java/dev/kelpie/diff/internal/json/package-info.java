/** Internal: JSON tree helpers shared by the engines. Free to change in any release. */
package dev.kelpie.diff.internal.json;
