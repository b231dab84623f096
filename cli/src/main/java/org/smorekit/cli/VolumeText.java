package org.smorekit.cli;

import java.util.Locale;

/** How shapes, spacings and numbers are printed for a person: {@code 181x217x46}, {@code 1x1x4}, {@code 3.2}. */
final class VolumeText {

    private VolumeText() {
    }

    static String shape(int[] shape) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return b.toString();
    }

    static String spacing(double[] spacingMm) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < spacingMm.length; i++) {
            b.append(i == 0 ? "" : "x").append(number(spacingMm[i]));
        }
        return b.toString();
    }

    /** Up to 4 decimals, trailing zeros dropped: 4 -> "4", 3.2 -> "3.2", 0.9375 -> "0.9375". */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
