package dev.kelpie.examples.cli;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.secrets.ControllerKeySecret;
import dev.kelpie.secrets.InvalidKeyMaterialException;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.secrets.UnsealingKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Private keys given on the command line, as kubeseal's {@code --recovery-private-key}: PEM files
 * (PKCS#1 or PKCS#8) or backups of the controller's key Secrets (YAML or JSON, a Secret or a
 * {@code List}); each option may also hold a comma-separated list.
 */
final class KeyArguments {
    private KeyArguments() {
    }

    static KeyRing ring(List<String> args) {
        if (args == null || args.isEmpty()) {
            throw new ExitCodeException(2, "at least one --key is required");
        }
        List<UnsealingKey> keys = new ArrayList<>();
        for (String arg : args) {
            for (String file : arg.split(",")) {
                if (!file.isBlank()) {
                    keys.addAll(read(Path.of(file.strip())));
                }
            }
        }
        return KeyRing.of(keys);
    }

    private static List<UnsealingKey> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidKeyMaterialException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        if (contains(bytes, "-----BEGIN")) {
            return List.of(UnsealingKey.parsePem(bytes, file.toString()));
        }
        // a key Secret backup: the PEM is base64 inside the YAML/JSON tree
        List<Resource> resources = YamlCodec.defaults().readResources(file.toString(), new String(bytes, StandardCharsets.UTF_8));
        java.util.Arrays.fill(bytes, (byte) 0);
        return ControllerKeySecret.read(resources);
    }

    private static boolean contains(byte[] hay, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= hay.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (hay[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
