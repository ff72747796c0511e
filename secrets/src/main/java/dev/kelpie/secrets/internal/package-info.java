/** Internal: the sealed-secrets byte format, PEM, templates and caches. Free to change in any release. */
package dev.kelpie.secrets.internal;
