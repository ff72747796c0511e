/** Internal: the in-memory API server's state, verbs, controllers and faults. Free to change in any release. */
package dev.kelpie.testkit.internal.cluster;
