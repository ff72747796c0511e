/** SPI of the diff module: what users plug into the three-way diff. */
package dev.kelpie.diff.spi;
