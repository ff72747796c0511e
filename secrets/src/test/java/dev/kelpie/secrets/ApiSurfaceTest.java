package dev.kelpie.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No public API signature of {@code dev.kelpie.secrets} mentions an {@code internal} type. */
class ApiSurfaceTest {

    @Test
    void publicSignaturesMentionNoInternalType() throws Exception {
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : apiClasses()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            List<Executable> members = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
            members.addAll(Arrays.asList(c.getDeclaredConstructors()));
            for (Executable m : members) {
                if (!Modifier.isPublic(m.getModifiers()) && !Modifier.isProtected(m.getModifiers())) {
                    continue;
                }
                List<Type> types = new ArrayList<>(Arrays.asList(m.getGenericParameterTypes()));
                if (m instanceof Method method) {
                    types.add(method.getGenericReturnType());
                }
                types.addAll(Arrays.asList(m.getGenericExceptionTypes()));
                types.stream().filter(t -> t.getTypeName().contains(".internal.")).forEach(t -> offenders.add(c.getName() + "." + name(m) + ": " + t));
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && f.getGenericType().getTypeName().contains(".internal.")) {
                    offenders.add(c.getName() + "." + f.getName());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static String name(Executable m) {
        return m instanceof Constructor<?> ? "<init>" : m.getName();
    }

    private static List<Class<?>> apiClasses() throws URISyntaxException, java.io.IOException, ClassNotFoundException {
        Path dir = Path.of(SealedSecrets.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dev/kelpie/secrets");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String simple = f.getFileName().toString().replace(".class", "");
                out.add(Class.forName("dev.kelpie.secrets." + simple.replace('/', '.')));
            }
        }
        assertThat(out).contains(SealedSecrets.class, KeyRing.class);
        return out;
    }
}
