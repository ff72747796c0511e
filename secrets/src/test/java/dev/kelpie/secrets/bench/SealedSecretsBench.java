package dev.kelpie.secrets.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.secrets.SealOptions;
import dev.kelpie.secrets.SealedSecrets;
import dev.kelpie.secrets.SealedSecretsTransformer;
import dev.kelpie.secrets.SealingKey;
import dev.kelpie.secrets.UnsealingKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Throughput of sealing and unsealing against the raw JDK RSA-OAEP rate, scaling over threads, and
 * the cost of a second pass of the caching transformer over 1,000 unchanged SealedSecrets.
 * A plain main (JMH is not on this module's classpath); warm-up rounds, then timed rounds.
 * Not run by {@code mvn verify} (its name does not match the test patterns). Run it with
 * {@code secrets/bench/run.sh} from the repository root. Uses an RSA-4096 key: the vectors'
 * {@code key1} when {@code -Dkelpie.shared.dir} points at the shared folder, else a fresh one.
 */
public final class SealedSecretsBench {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        int transformerObjects = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        UnsealingKey key = loadKey();
        SealingKey cert = key.certificate().orElseThrow();
        KeyRing ring = KeyRing.of(key);
        SealedSecrets ss = SealedSecrets.defaults();
        log("machine: %d cores, %s %s", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));

        byte[] label = "team-a/db".getBytes(StandardCharsets.UTF_8);
        byte[] sessionKey = new byte[32];
        RANDOM.nextBytes(sessionKey);
        byte[] wrapped = rawEncrypt(cert, label, sessionKey);
        List<Resource> oneItem = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            oneItem.add(ss.seal(secret("db-" + i, 1), cert, SealOptions.defaults()));
        }
        int[] next = {0};
        JsonNode five = secret("db", 5);
        // rounds alternate between the raw JDK operation and ours, so load from other processes hits both alike
        double rawDec = 0;
        double unseal = 0;
        double rawEnc = 0;
        double seal = 0;
        for (int round = 0; round < 3; round++) {
            rawDec = Math.max(rawDec, rate("raw JDK RSA-OAEP decrypt", 20, 100, () -> rawDecrypt(key, label, wrapped)));
            unseal = Math.max(unseal, rate("unseal, 1-item SealedSecrets (items/s)", 20, 100,
                    () -> ss.unseal(oneItem.get(next[0]++ % oneItem.size()), ring)));
            rawEnc = Math.max(rawEnc, rate("raw JDK RSA-OAEP encrypt", 1_000, 5_000, () -> rawEncrypt(cert, label, sessionKey)));
            seal = Math.max(seal, 5 * rate("seal, 5-item Secrets (secrets/s)", 200, 1_000, () -> ss.seal(five, cert, SealOptions.defaults())));
        }
        log("BEST raw decrypt %.0f/s, unseal %.0f items/s = %.1f%% of raw", rawDec, unseal, 100 * unseal / rawDec);
        log("BEST raw encrypt %.0f/s, seal %.0f items/s = %.1f%% of raw", rawEnc, seal, 100 * seal / rawEnc);

        int threads = Runtime.getRuntime().availableProcessors();
        parallel("unseal, 1-item SealedSecrets", threads, 100, i -> ss.unseal(oneItem.get(i % oneItem.size()), ring));
        parallel("seal, 5-item Secrets (secrets)", threads, 2_000, i -> ss.seal(five, cert, SealOptions.defaults()));

        List<Resource> many = new ArrayList<>();
        for (int i = 0; i < transformerObjects; i++) {
            many.add(ss.seal(secret("app-" + i, 1), cert, SealOptions.defaults()));
        }
        Manifests manifests = Manifests.of(many);
        SealedSecretsTransformer t = SealedSecretsTransformer.builder(ring).build();
        long t0 = System.nanoTime();
        t.apply(manifests);
        long first = System.nanoTime() - t0;
        long opsAfterFirst = t.rsaPrivateOperations();
        for (int i = 0; i < 5; i++) {
            t.apply(manifests); // warm the cached path
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long s = System.nanoTime();
            t.apply(manifests);
            best = Math.min(best, System.nanoTime() - s);
        }
        log("transformer, %d unchanged 1-item SealedSecrets: first pass %.0f ms (%d RSA ops); cached pass best of 10: %.1f ms (%d RSA ops)",
                transformerObjects, first / 1e6, opsAfterFirst, best / 1e6, t.rsaPrivateOperations() - opsAfterFirst);
    }

    interface Op {
        void run() throws Exception;
    }

    interface IndexedOp {
        void run(int i) throws Exception;
    }

    private static double rate(String name, int warmup, int n, Op op) throws Exception {
        for (int i = 0; i < warmup; i++) {
            op.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            op.run();
        }
        double r = n / ((System.nanoTime() - t0) / 1e9);
        log("%-45s %10.0f ops/s (%d ops)", name, r, n);
        return r;
    }

    private static void parallel(String name, int threads, int perThread, IndexedOp op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int phase = 0; phase < 2; phase++) { // 0 = warm-up
                long t0 = System.nanoTime();
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int base = t * perThread;
                    fs.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            op.run(base + i);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                if (phase == 1) {
                    log("%-45s %10.0f ops/s on %d threads", name, threads * perThread / ((System.nanoTime() - t0) / 1e9), threads);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static JsonNode secret(String name, int items) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("apiVersion", "v1");
        s.put("kind", "Secret");
        s.putObject("metadata").put("name", name).put("namespace", "team-a");
        ObjectNode data = s.putObject("data");
        for (int i = 0; i < items; i++) {
            byte[] v = new byte[32];
            RANDOM.nextBytes(v);
            data.put("item-" + i, Base64.getEncoder().encodeToString(v));
        }
        return s;
    }

    private static byte[] rawEncrypt(SealingKey cert, byte[] label, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(Cipher.ENCRYPT_MODE, cert.publicKey(), oaep(label), RANDOM);
        return c.doFinal(data);
    }

    private static byte[] rawDecrypt(UnsealingKey key, byte[] label, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(Cipher.DECRYPT_MODE, key.privateKey(), oaep(label));
        return c.doFinal(data);
    }

    private static OAEPParameterSpec oaep(byte[] label) {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(label));
    }

    private static UnsealingKey loadKey() {
        String shared = System.getProperty("kelpie.shared.dir");
        if (shared != null) {
            Path keys = Path.of(shared, "conformance", "sealedsecrets", "vectors", "keys");
            if (Files.isRegularFile(keys.resolve("key1.key.pem"))) {
                try {
                    return UnsealingKey.parsePem(Files.readAllBytes(keys.resolve("key1.key.pem")),
                            Files.readAllBytes(keys.resolve("key1.cert.pem")), "key1");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return UnsealingKey.generate();
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
