package dev.kelpie.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.secrets.Scope;
import dev.kelpie.secrets.SealOptions;
import dev.kelpie.secrets.SealedSecrets;
import dev.kelpie.secrets.SealingKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kelpie seal}: kubeseal offline. A Secret (YAML or JSON) on stdin becomes a SealedSecret
 * on stdout; {@code --raw} seals one value; {@code --merge-into} updates a SealedSecret file in place.
 */
@Command(name = "seal", description = "Seal a Secret into a SealedSecret (kubeseal-compatible flags).")
public final class SealCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cert", required = true, paramLabel = "CERT", description = "the controller's certificate (PEM)")
    Path cert;

    @Option(names = "--scope", defaultValue = "strict", description = "strict (default), namespace-wide or cluster-wide")
    String scope;

    @Option(names = {"-o", "--format"}, defaultValue = "json", description = "json (default) or yaml")
    String format;

    @Option(names = {"-n", "--namespace"}, description = "namespace: must match the Secret's, or fills a missing one")
    String namespace;

    @Option(names = "--name", description = "name: overrides the Secret's")
    String name;

    @Option(names = "--allow-empty-data", description = "seal a Secret without data")
    boolean allowEmptyData;

    @Option(names = "--merge-into", paramLabel = "FILE", description = "merge the sealed items into this SealedSecret file, in place")
    Path mergeInto;

    @Option(names = "--raw", description = "seal one value (from --from-file or stdin) and print the bare base64")
    boolean raw;

    @Option(names = "--from-file", paramLabel = "FILE", description = "with --raw: the value to seal")
    Path fromFile;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "read the Secret from FILE instead of stdin")
    Path secretFile;

    @Option(names = {"-w", "--sealed-secret-file"}, paramLabel = "FILE", description = "write the SealedSecret to FILE instead of stdout")
    Path sealedSecretFile;

    @Override
    public Integer call() throws IOException {
        SealingKey key = SealingKey.read(cert);
        Scope s = parseScope(scope);
        SealedSecrets ss = SealedSecrets.defaults();
        if (raw) {
            byte[] value = fromFile != null ? Files.readAllBytes(fromFile) : System.in.readAllBytes();
            try {
                spec.commandLine().getOut().print(ss.sealRaw(value, key, s, namespace == null ? "" : namespace, name == null ? "" : name));
            } finally {
                Arrays.fill(value, (byte) 0);
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
        // as kubeseal: --scope strict is the default and leaves the Secret's own scope annotations alone
        SealOptions.Builder options = SealOptions.builder().allowEmptyData(allowEmptyData);
        if (s != Scope.STRICT) {
            options.scope(s);
        }
        if (mergeInto != null) {
            return merge(ss, key, options.build());
        }
        if (namespace != null) {
            options.namespace(namespace);
        }
        if (name != null) {
            options.name(name);
        }
        List<JsonNode> out = new ArrayList<>();
        for (YamlDocument d : readInput(secretFile, System.in)) {
            out.add(ss.seal(d.tree(), key, options.build()).unsafeTree());
        }
        write(ObjectPrinter.print(out, sealedSecretFile == null ? format : ObjectPrinter.formatFor(sealedSecretFile.toString(), format)));
        return 0;
    }

    private int merge(SealedSecrets ss, SealingKey key, SealOptions options) throws IOException {
        String text = Files.readString(mergeInto, StandardCharsets.UTF_8);
        Resource existing = YamlCodec.defaults().readResources(mergeInto.toString(), text).get(0);
        Resource merged = existing;
        for (YamlDocument d : readInput(secretFile, System.in)) {
            merged = ss.mergeInto(merged, d.tree(), key, options);
        }
        String outFormat = ObjectPrinter.formatFor(mergeInto.toString(), format);
        Files.writeString(mergeInto, ObjectPrinter.print(merged.unsafeTree(), outFormat), StandardCharsets.UTF_8);
        return 0;
    }

    private void write(String text) throws IOException {
        if (sealedSecretFile != null) {
            Files.writeString(sealedSecretFile, text, StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
    }

    static Scope parseScope(String flag) {
        try {
            return Scope.parse(flag);
        } catch (IllegalArgumentException e) {
            throw new ExitCodeException(2, e.getMessage());
        }
    }

    /** The documents of a file, or of stdin when {@code file} is null. */
    static List<YamlDocument> readInput(Path file, InputStream stdin) throws IOException {
        String name = file == null ? "<stdin>" : file.toString();
        String text = file == null ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(file, StandardCharsets.UTF_8);
        List<YamlDocument> docs = YamlCodec.defaults().readDocuments(name, text);
        if (docs.isEmpty()) {
            throw new ExitCodeException(2, name + ": no object to read");
        }
        return docs;
    }
}
