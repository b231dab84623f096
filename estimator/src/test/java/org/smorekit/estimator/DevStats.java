package org.smorekit.estimator;

import org.smorekit.volume.Volume;

public final class DevStats {
    public static void main(String[] a) throws Exception {
        Volume lr = SimulatedColin27.thickSlices(SimulatedColin27.isotropic(), SimulatedColin27.gaussian(4, 21), 4);
        PatchDegradation deg = new PatchDegradation(21, 4);
        PatchSampler s = new PatchSampler(IntensityScaling.scaled(lr.toArray()), lr.shape(), deg.patchLength());
        int batch = 256, rows = batch * 16;
        float[] p = new float[rows * deg.patchLength()], g = new float[rows * 16];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        s.sample(r, batch, p);
        for (double fw : new double[] {0.01, 2, 4, 6}) {
            double[] k = SimulatedColin27.gaussian(Math.max(fw, 0.01), 21).values();
            deg.forward(p, rows, k, g);
            double dh = 0, dv = 0, m = 0;
            for (int b = 0; b < batch; b++) for (int i = 0; i < 16; i++) for (int j = 0; j < 15; j++) {
                int base = b * 256;
                double x = g[base + i * 16 + j + 1] - g[base + i * 16 + j];
                double y = g[base + (j + 1) * 16 + i] - g[base + j * 16 + i];
                dh += x * x; dv += y * y; m += g[base + i * 16 + j];
            }
            System.out.printf("k fwhm %.1f: horizontal (fake) msd %.1f  vertical (real) msd %.1f mean %.1f%n", fw, dh / (batch * 240), dv / (batch * 240), m / (batch*240));
        }
    }
}
