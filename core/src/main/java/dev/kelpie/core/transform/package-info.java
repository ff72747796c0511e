/**
 * API and SPI for transformations after render: the {@link dev.kelpie.core.transform.Transformer} SPI and the built-in namespace defaulting, tracking and API version check.
 */
package dev.kelpie.core.transform;
