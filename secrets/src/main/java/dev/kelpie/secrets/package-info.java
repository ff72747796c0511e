/**
 * API: Bitnami Sealed Secrets in Java, byte-compatible with kubeseal and the sealed-secrets
 * controller. Entry points: {@link dev.kelpie.secrets.SealedSecrets} (seal, unseal, reseal,
 * validate, merge-into), {@link dev.kelpie.secrets.KeyRing}, {@link dev.kelpie.secrets.SealingKey},
 * {@link dev.kelpie.secrets.UnsealingKey} and {@link dev.kelpie.secrets.SealedSecretsTransformer}.
 */
package dev.kelpie.secrets;
