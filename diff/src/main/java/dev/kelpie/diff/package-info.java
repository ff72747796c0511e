/**
 * API of the Kelpie diff module: Kubernetes patch engines (strategic merge patch, JSON merge
 * patch, JSON patch), their patch metadata, and the three-way diff that decides whether a
 * live object matches the desired one. Works on Jackson trees; no Git and no cluster code.
 */
package dev.kelpie.diff;
