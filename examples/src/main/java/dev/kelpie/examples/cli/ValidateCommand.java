package dev.kelpie.examples.cli;

import dev.kelpie.core.model.Resource;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.secrets.SealedSecrets;
import dev.kelpie.secrets.Validation;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kelpie validate}: kubeseal's {@code --validate}, offline. Exit 0 when every SealedSecret
 * unseals with the keys, 1 otherwise; values are never printed.
 */
@Command(name = "validate", description = "Check that SealedSecrets unseal with the keys, without printing values.")
public final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    KeyedInput input;

    @Override
    public Integer call() throws IOException {
        KeyRing ring = input.ring();
        SealedSecrets ss = SealedSecrets.defaults();
        int bad = 0;
        for (Resource r : input.sealedSecrets()) {
            Validation v = ss.validate(r, ring);
            if (v instanceof Validation.NotUnsealable n) {
                spec.commandLine().getErr().println("error: " + n.message());
                bad++;
            } else {
                spec.commandLine().getOut().println(v.object() + ": ok");
            }
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return bad == 0 ? 0 : 1;
    }
}
