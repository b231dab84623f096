package org.smorekit.estimator;

import java.nio.file.Path;
import java.util.Locale;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;

/**
 * Development driver: the spectral fit at scale 1 (the resolution meter's setting) along z. args: colin27 cells
 * [extra volumes...]; a cell "none" is the volume itself. -Dnoise=SIGMA adds Gaussian noise of that standard deviation
 * (intensity units) after the blur, as an acquisition would; -Dscale=S simulates thick slices at that scale instead.
 */
public final class DevMeterFit {
    public static void main(String[] a) throws Exception {
        Volume iso = NiftiReader.read(Path.of(a[0])).volume();
        for (String cell : a[1].split(",")) {
            Volume v = iso;
            SliceProfile truth = null;
            if (!cell.equals("none")) {
                truth = BenchmarkScan.profile(cell.split(":")[0], Double.parseDouble(cell.split(":")[1]));
                v = BenchmarkScan.simulate(iso, truth, SCALE, 2);
            }
            v = noisy(v);
            report(cell, v, truth);
        }
        for (int i = 2; i < a.length; i++) {
            report(a[i], NiftiReader.read(Path.of(a[i])).volume(), null);
        }
    }

    private static final double SCALE = Double.parseDouble(System.getProperty("scale", "1"));

    private static Volume noisy(Volume v) {
        double sigma = Double.parseDouble(System.getProperty("noise", "0"));
        if (sigma == 0) {
            return v;
        }
        float[] d = v.toArray();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < d.length; i++) {
            double u1 = rnd.nextDouble();
            double u2 = rnd.nextDouble();
            d[i] += (float) (sigma * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v.withData(d);
    }

    private static void report(String name, Volume v, SliceProfile truth) {
        PatchDegradation deg = new PatchDegradation(21, SCALE);
        SpectrumMismatch m = new SpectrumMismatch(new PatchSampler(IntensityScaling.scaled(v.toArray()), v.shape(),
                deg.patchLength()), deg);
        long t0 = System.nanoTime();
        SpectrumMismatch.Fit fit = m.bestSmoothedRect(21);
        double seconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        SpectrumMismatch.Fit noisy = m.bestSmoothedRect(21, true);
        double noisySeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s: fit FWHM %.2f (D %.3f, %.1f s)%s; noise-aware %.2f (D %.3f, noise share %.2f,"
                + " %.1f s)%s%n", name, fit.profile().fwhmVoxels(),
                fit.mismatch(), seconds, truth == null ? "" : String.format(Locale.ROOT, ", truth D %.3f",
                        m.of(Profiles.withLength(truth, 21).values())), noisy.profile().fwhmVoxels(),
                noisy.mismatch(), noisy.noiseShare(), noisySeconds, truth == null ? "" : String.format(Locale.ROOT,
                        ", truth D %.3f", m.withNoise(Profiles.withLength(truth, 21).values()).mismatch()));
    }
}
