package org.smorekit.estimator;

import java.util.Locale;
import java.util.SplittableRandom;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/** Development driver: the spectral fit ({@link SpectrumMismatch#bestSmoothedRect}) on white noise 96^3, per cell (scales up to 6: 16 thick slices). args: cells scales */
public final class DevNoiseFit {
    public static void main(String[] a) {
        int n = 96;
        float[] noise = new float[n * n * n];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rnd.nextDouble();
        }
        Volume iso = Volume.wrap(new int[] {n, n, n}, noise, Affine.identity());
        for (String sc : (a.length > 1 ? a[1] : "2,4").split(",")) {
            double scale = Double.parseDouble(sc);
            for (String cell : (a.length > 0 ? a[0] : "gauss:2,gauss:4,gauss:8,rect:3,rect:5,rect:9").split(",")) {
                SliceProfile truth = BenchmarkScan.profile(cell.split(":")[0], Double.parseDouble(cell.split(":")[1]));
                Volume thick = BenchmarkScan.simulate(iso, truth, scale, 2);
                PatchDegradation deg = new PatchDegradation(21, scale);
                SpectrumMismatch m = new SpectrumMismatch(new PatchSampler(IntensityScaling.scaled(thick.toArray()),
                        thick.shape(), deg.patchLength()), deg);
                long t0 = System.nanoTime();
                SpectrumMismatch.Fit fit = m.bestSmoothedRect(21);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "%s s%.0f: fit FWHM %.2f (D %.3f, %.1f s), truth D %.3f%n", cell, scale,
                        fit.profile().fwhmVoxels(), fit.mismatch(), seconds,
                        m.of(org.smorekit.degrade.Profiles.withLength(truth, 21).values()));
            }
        }
    }
}
