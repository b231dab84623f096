package org.smorekit.metrics;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.ThickSliceSimulator;
import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;

/**
 * Accuracy benchmark of {@link ResolutionMeter} (not a test: a GAN measurement is a full estimator run). Blurs an
 * isotropic volume along z with Gaussians of known FWHM at scale 1 (the project's forward model), measures the
 * remaining blur with the estimator defaults and the meter's method, and prints known vs measured FWHM and the time.
 *
 * <p>Usage: {@code ResolutionMeterBenchmark ISO.nii.gz [--gan] [--noise SIGMA] [FWHM ...]} (default FWHMs 1 (no
 * blur), 2, 3, 4 voxels; the spectral fit unless {@code --gan}; {@code --noise} adds Gaussian white noise of standard
 * deviation SIGMA, in the volume's intensity units, after the blur, as an acquisition would, from a fixed seed).
 */
public final class ResolutionMeterBenchmark {
    private ResolutionMeterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ResolutionMeterBenchmark ISO.nii.gz [--gan] [--noise SIGMA] [FWHM_VOXELS ...]");
            System.exit(1);
        }
        Volume iso = NiftiReader.read(Path.of(args[0])).volume();
        int first = 1;
        boolean gan = false;
        double noise = 0;
        while (first < args.length && args[first].startsWith("--")) {
            if (args[first].equals("--gan")) {
                gan = true;
                first++;
            } else if (args[first].equals("--noise") && first + 1 < args.length) {
                noise = Double.parseDouble(args[first + 1]);
                first += 2;
            } else {
                throw new IllegalArgumentException("unknown option " + args[first]);
            }
        }
        double[] fwhms = args.length > first ? new double[args.length - first] : new double[] {1, 2, 3, 4};
        for (int i = first; i < args.length; i++) {
            fwhms[i - first] = Double.parseDouble(args[i]);
        }
        ResolutionMeter meter = new ResolutionMeter(EstimatorOptions.defaults(),
                gan ? ResolutionMeter.Method.GAN : ResolutionMeter.Method.SPECTRAL_FIT);
        System.out.println("known FWHM (voxels) | measured FWHM (voxels) | measured (mm) | iterations | seconds"
                + " | warnings");
        for (double fwhm : fwhms) {
            Volume blurred = withNoise(fwhm <= 1 ? iso : ThickSliceSimulator.simulate(iso, Profiles.gaussian(fwhm), 1,
                    2), noise);
            ResolutionMeasurement m = meter.measure(blurred, 2, ProgressListener.SILENT);
            System.out.printf(Locale.ROOT, "%s | %.3f | %.3f | %d | %.1f | %s%n",
                    fwhm <= 1 ? "none (isotropic truth)" : String.format(Locale.ROOT, "%.2f", fwhm), m.fwhmVoxels(),
                    m.fwhmMm(), m.estimate().iterations(), m.estimate().seconds(), m.estimate().warnings());
        }
    }

    /** {@code v} plus Gaussian white noise of standard deviation {@code sigma} (Box-Muller, fixed seed). */
    static Volume withNoise(Volume v, double sigma) {
        if (sigma == 0) {
            return v;
        }
        float[] d = v.toArray();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < d.length; i++) {
            double u1 = rnd.nextDouble();
            double u2 = rnd.nextDouble();
            d[i] += (float) (sigma * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v.withData(d);
    }
}
