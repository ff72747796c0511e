package dev.kelpie.examples.cli;

import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.secrets.ControllerKeySecret;
import dev.kelpie.secrets.UnsealingKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kelpie keygen}: a controller-style key pair: {@code tls.key} (PEM PKCS#1, mode 600),
 * {@code tls.crt} (self-signed, empty subject unless {@code --my-cn}) and
 * {@code sealed-secrets-key.yaml} (the controller's key Secret) in {@code --out}.
 */
@Command(name = "keygen", description = "Generate a sealed-secrets key pair like the controller's.")
public final class KeygenCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write tls.key, tls.crt and sealed-secrets-key.yaml")
    Path out;

    @Option(names = "--key-size", defaultValue = "4096", description = "RSA key size in bits (default 4096)")
    int bits;

    @Option(names = "--my-cn", defaultValue = "", description = "certificate common name (default empty, as the controller)")
    String commonName;

    @Option(names = "--key-ttl", defaultValue = "87600h", description = "certificate validity, e.g. 87600h (default) or 30d")
    String ttl;

    @Option(names = "--namespace", defaultValue = "kube-system", description = "namespace of the key Secret (default kube-system)")
    String namespace;

    @Override
    public Integer call() throws IOException {
        UnsealingKey key = UnsealingKey.generate(bits, commonName, parseDuration(ttl), Clock.systemUTC(), new SecureRandom());
        Files.createDirectories(out);
        byte[] pem = key.privateKeyPkcs1Pem();
        try {
            Path keyFile = out.resolve("tls.key");
            Files.deleteIfExists(keyFile);
            try {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(keyFile);
            }
            Files.write(keyFile, pem);
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
        Files.write(out.resolve("tls.crt"), key.certificate().orElseThrow().certificatePem());
        Files.writeString(out.resolve("sealed-secrets-key.yaml"),
                YamlCodec.defaults().write(ControllerKeySecret.write(key, namespace).unsafeTree()), StandardCharsets.UTF_8);
        spec.commandLine().getOut().println(key.fingerprint());
        spec.commandLine().getOut().flush();
        return 0;
    }

    static Duration parseDuration(String text) {
        try {
            if (text.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("d")) {
                return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new ExitCodeException(2, "bad --key-ttl \"" + text + "\" (e.g. 87600h, 30d or PT24H)");
        }
    }
}
