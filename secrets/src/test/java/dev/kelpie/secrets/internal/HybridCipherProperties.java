package dev.kelpie.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelpie.secrets.ItemFailure;
import dev.kelpie.secrets.Scope;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class HybridCipherProperties {
    private static final KeyPair PAIR = generate();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ItemOpener opener() {
        return new ItemOpener(List.of((RSAPrivateCrtKey) PAIR.getPrivate()), new LongAdder(), null);
    }

    @Property(tries = 40)
    void sealThenOpenIsIdentity(@ForAll @Size(max = 300) byte[] value, @ForAll @StringLength(min = 1, max = 20) String ns) throws Exception {
        byte[] blob = HybridCipher.seal((RSAPublicKey) PAIR.getPublic(), Scope.NAMESPACE_WIDE.label(ns, "x"), value, RANDOM);
        assertThat(blob.length).isEqualTo(2 + 256 + value.length + 16);
        String b64 = StrictBase64.encode(blob);
        assertThat(opener().open(b64, Scope.NAMESPACE_WIDE, ns, "other-name")).isEqualTo(value);
    }

    @Property(tries = 40)
    void anySingleBitFlipIsRefused(@ForAll @Size(min = 1, max = 64) byte[] value, @ForAll int position) {
        byte[] blob = HybridCipher.seal((RSAPublicKey) PAIR.getPublic(), new byte[0], value, RANDOM);
        int i = Math.floorMod(position, blob.length);
        blob[i] ^= 1;
        String b64 = StrictBase64.encode(blob);
        assertThatThrownBy(() -> opener().open(b64, Scope.CLUSTER_WIDE, "", "")).isInstanceOf(ItemOpenException.class);
    }

    @Example
    void base64IsDecodedAsGoDoes() {
        assertThat(StrictBase64.decode("QU\r\nJD")).containsExactly('A', 'B', 'C');
        assertThatThrownBy(() -> StrictBase64.decode("QUI")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrictBase64.decode("QU I=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrictBase64.decode("QU-_")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrictBase64.decode("QQ==QQ==")).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void anOversizedLengthPrefixIsMalformed() {
        byte[] blob = {(byte) 0xff, (byte) 0xff, 1, 2, 3};
        assertThatThrownBy(() -> opener().open(Base64.getEncoder().encodeToString(blob), Scope.CLUSTER_WIDE, "", ""))
                .isInstanceOfSatisfying(ItemOpenException.class, e -> assertThat(e.reason()).isEqualTo(ItemFailure.Reason.MALFORMED));
    }
}
