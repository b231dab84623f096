package org.smorekit.volume;

/**
 * Moves a 2-D image by a sub-voxel displacement: {@code out(a, b) = in(a - tx, b - ty)}, with Keys' cubic convolution
 * (a = -0.5, exact for quadratics) separably along each axis, and the edge voxels repeated beyond the image.
 */
final class CubicShift {

    private CubicShift() {
    }

    /** The image {@code in} of {@code nu x nv} voxels ({@code in[a + nu * b]}) moved by {@code (tx, ty)} voxels. */
    static float[] shift(float[] in, int nu, int nv, double tx, double ty) {
        float[] along = new float[in.length];
        for (int b = 0; b < nv; b++) {
            line(in, b * nu, 1, nu, tx, along);
        }
        float[] out = new float[in.length];
        for (int a = 0; a < nu; a++) {
            line(along, a, nu, nv, ty, out);
        }
        return out;
    }

    /** One line of {@code length} samples from {@code start} in steps of {@code stride}, moved by {@code t}. */
    private static void line(float[] in, int start, int stride, int length, double t, float[] out) {
        int base = (int) Math.floor(-t);
        double f = -t - base;
        double w0 = keys(1 + f);
        double w1 = keys(f);
        double w2 = keys(1 - f);
        double w3 = keys(2 - f);
        for (int k = 0; k < length; k++) {
            int c = k + base;
            double v = w0 * at(in, start, stride, length, c - 1) + w1 * at(in, start, stride, length, c)
                    + w2 * at(in, start, stride, length, c + 1) + w3 * at(in, start, stride, length, c + 2);
            out[start + stride * k] = (float) v;
        }
    }

    private static float at(float[] in, int start, int stride, int length, int k) {
        return in[start + stride * Math.max(0, Math.min(length - 1, k))];
    }

    /** Keys' cubic convolution kernel with a = -0.5. */
    private static double keys(double x) {
        double s = Math.abs(x);
        if (s < 1) {
            return (1.5 * s - 2.5) * s * s + 1;
        }
        if (s < 2) {
            return ((-0.5 * s + 2.5) * s - 4) * s + 2;
        }
        return 0;
    }
}
