package dev.kelpie.diff;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 1.5}, {@code 2e3}) by
 * value: {@code 1000m} equals {@code 1}, {@code 1Gi} equals {@code 1024Mi}, {@code 0.5} equals
 * {@code 500m}. Values below a nano are rounded up, as the API server does.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the exact value
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {
    private static final Pattern SYNTAX = Pattern.compile(
            "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");
    private static final String[] DECIMAL_SUFFIXES = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY_SUFFIXES = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigInteger KI = BigInteger.valueOf(1024);

    public Quantity {
        Objects.requireNonNull(value, "value");
        value = value.setScale(Math.max(0, Math.min(9, value.scale())), RoundingMode.CEILING).stripTrailingZeros();
    }

    /** Parses Kubernetes quantity syntax; empty when the text is not a quantity. */
    public static Optional<Quantity> parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1)
                : m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        BigDecimal v;
        if (suffix.endsWith("i")) {
            int power = indexOf(BINARY_SUFFIXES, suffix) + 1;
            v = number.multiply(new BigDecimal(KI.pow(power)));
        } else if (suffix.startsWith("e") || suffix.startsWith("E")) {
            v = number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        } else {
            v = number.scaleByPowerOfTen((indexOf(DECIMAL_SUFFIXES, suffix) - 3) * 3);
        }
        return Optional.of(new Quantity(v));
    }

    private static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(s)) {
                return i;
            }
        }
        throw new IllegalArgumentException(s);
    }

    /**
     * One text per value: binary suffixes for whole multiples of 1024 ({@code 1Gi},
     * {@code 1536Mi}), otherwise the largest exact decimal suffix ({@code 500m}, {@code 1},
     * {@code 2k}).
     */
    public String canonical() {
        if (value.signum() == 0) {
            return "0";
        }
        String sign = value.signum() < 0 ? "-" : "";
        BigDecimal abs = value.abs();
        if (abs.scale() <= 0) {
            BigInteger whole = abs.toBigIntegerExact();
            int power = 0;
            while (power < BINARY_SUFFIXES.length && whole.mod(KI).signum() == 0 && whole.signum() > 0) {
                whole = whole.divide(KI);
                power++;
            }
            if (power > 0) {
                return sign + whole + BINARY_SUFFIXES[power - 1];
            }
        }
        for (int i = DECIMAL_SUFFIXES.length - 1; i >= 0; i--) {
            BigDecimal scaled = abs.scaleByPowerOfTen(-(i - 3) * 3);
            if (scaled.stripTrailingZeros().scale() <= 0) {
                return sign + scaled.toBigIntegerExact() + DECIMAL_SUFFIXES[i];
            }
        }
        return sign + abs.toPlainString();
    }

    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return canonical();
    }
}
