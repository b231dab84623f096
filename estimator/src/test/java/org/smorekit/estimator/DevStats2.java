package org.smorekit.estimator;

import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/** Row statistics of real (transposed) and fake branches against the candidate k's FWHM. args: colin|noise truth scale [rect] */
public final class DevStats2 {
    public static void main(String[] a) throws Exception {
        Volume iso;
        if (a[0].equals("noise")) {
            int n = 128;
            float[] d = new float[n * n * n];
            java.util.SplittableRandom r = new java.util.SplittableRandom(7);
            for (int i = 0; i < d.length; i++) d[i] = (float) r.nextDouble();
            iso = Volume.wrap(new int[] {n, n, n}, d, SimulatedColin27.isotropic().affine());
        } else {
            iso = SimulatedColin27.isotropic();
        }
        double truth = Double.parseDouble(a[1]);
        double scale = Double.parseDouble(a[2]);
        boolean rect = a.length > 3;
        SliceProfile tp = rect ? Profiles.withLength(Profiles.rect(truth), 21) : Profiles.gaussian(truth, 21);
        Volume lr = SimulatedColin27.thickSlices(iso, tp, scale);
        PatchDegradation deg = new PatchDegradation(21, scale);
        PatchSampler s = new PatchSampler(IntensityScaling.scaled(lr.toArray()), lr.shape(), deg.patchLength());
        int batch = 1024, rows = batch * 16;
        float[] p = new float[rows * deg.patchLength()], g = new float[rows * 16];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        s.sample(r, batch, p);
        for (double fw = 1; fw <= 10.01; fw += 0.5) {
            double[] k = (rect ? Profiles.withLength(Profiles.rect(fw), 21) : Profiles.gaussian(fw, 21)).values();
            deg.forward(p, rows, k, g);
            double dh = 0, dv = 0, d2h = 0, d2v = 0;
            for (int b = 0; b < batch; b++) for (int i = 0; i < 16; i++) for (int j = 0; j < 15; j++) {
                int base = b * 256;
                double x = g[base + i * 16 + j + 1] - g[base + i * 16 + j];
                double y = g[base + (j + 1) * 16 + i] - g[base + j * 16 + i];
                dh += x * x; dv += y * y;
                if (j < 14) {
                    double x2 = g[base + i * 16 + j + 2] - 2 * g[base + i * 16 + j + 1] + g[base + i * 16 + j];
                    double y2 = g[base + (j + 2) * 16 + i] - 2 * g[base + (j + 1) * 16 + i] + g[base + j * 16 + i];
                    d2h += x2 * x2; d2v += y2 * y2;
                }
            }
            System.out.printf("k %.1f: d1 fake/real %.3f   d2 fake/real %.3f%n", fw, dh / dv, d2h / d2v);
        }
    }
}
