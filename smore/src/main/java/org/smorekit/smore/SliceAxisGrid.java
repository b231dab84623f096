package org.smorekit.smore;

import org.smorekit.degrade.CubicInterpolation;

/**
 * The relation between a row of {@code lrWidth} thick-slice samples and the {@code hrWidth} output samples that
 * super-resolve it: output sample {@code i} sits at thick-slice coordinate {@code (phase + i) / scale}. Provides the
 * two fixed linear maps the network needs along the slice axis:
 * <ul>
 *   <li>{@link #interpolate}: Catmull-Rom cubic interpolation of the thick samples at the output positions (the
 *       global skip; whole-sample mirror boundary, as {@link CubicInterpolation});</li>
 *   <li>{@link #resizeMatrix}: linear interpolation from the sub-pixel grid (thick coordinate {@code q / r},
 *       {@code q = 0 .. lrWidth*r - 1}) to the output positions, as a {@code (lrWidth*r) x hrWidth} matrix; the
 *       identity selection when {@code r = scale} is an integer and the phase is 0.</li>
 * </ul>
 */
public final class SliceAxisGrid {
    private static final double EPS = 1e-9;

    private SliceAxisGrid() {
    }

    /** Output count for {@code m} thick slices: {@code floor((m - 1) * scale) + 1} (the project's grid convention). */
    public static int outputLength(int m, double scale) {
        return (int) Math.floor((m - 1) * scale + EPS) + 1;
    }

    /**
     * Cubic interpolation of {@code rows} rows of {@code lrWidth} samples ({@code src[row * lrWidth + j]}) at thick
     * coordinates {@code (phase[row / rowsPerPhase] + i) / scale}, written to {@code dst[row * hrWidth + i]}.
     */
    public static void interpolate(float[] src, int rows, int lrWidth, float[] dst, int hrWidth, double scale,
                                   double[] phase, int rowsPerPhase) {
        double[] line = new double[lrWidth];
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < lrWidth; j++) {
                line[j] = src[row * lrWidth + j];
            }
            double ph = phase == null ? 0 : phase[row / rowsPerPhase];
            for (int i = 0; i < hrWidth; i++) {
                double t = (ph + i) / scale;
                int base = (int) Math.floor(t + EPS);
                double frac = t - base;
                double v;
                if (frac < EPS) {
                    v = line[Math.min(base, lrWidth - 1)];
                } else {
                    v = CubicInterpolation.at(line, lrWidth, base, frac);
                }
                dst[row * hrWidth + i] = (float) v;
            }
        }
    }

    /**
     * The {@code (lrWidth * r) x hrWidth} row-major matrix {@code R} with {@code out[i] = sum_q sub[q] R[q][i]}:
     * linear interpolation of the sub-pixel samples (at thick coordinate {@code q / r}) at {@code (phase + i) / scale}.
     */
    public static float[] resizeMatrix(int lrWidth, int subPixels, int hrWidth, double scale, double phase) {
        int q = lrWidth * subPixels;
        float[] r = new float[q * hrWidth];
        for (int i = 0; i < hrWidth; i++) {
            double pos = (phase + i) / scale * subPixels;
            int base = (int) Math.floor(pos + EPS);
            double frac = pos - base;
            if (frac < EPS || base >= q - 1) {
                r[Math.min(base, q - 1) * hrWidth + i] = 1;
            } else {
                r[base * hrWidth + i] = (float) (1 - frac);
                r[(base + 1) * hrWidth + i] = (float) frac;
            }
        }
        return r;
    }
}
