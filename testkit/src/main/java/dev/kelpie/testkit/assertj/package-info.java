/**
 * API: the self-typed AssertJ assertion classes behind {@code KelpieAssertions}; extend the
 * {@code Abstract…Assert} classes to add your own assertions.
 */
package dev.kelpie.testkit.assertj;
