package org.smorekit.estimator;

import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/** Development driver (not a test): args fwhm scale iterations batch seed [dch] [lrG] [lrD]. */
public final class DevRun {
    public static void main(String[] a) throws Exception {
        double fwhm = Double.parseDouble(a[0]), scale = Double.parseDouble(a[1]);
        Volume lr = SimulatedColin27.thickSlices(SimulatedColin27.isotropic(), SimulatedColin27.gaussian(fwhm, 21), scale);
        EstimatorOptions o = EstimatorOptions.defaults().withIterations(Integer.parseInt(a[2]))
                .withBatchSize(Integer.parseInt(a[3])).withSeed(Long.parseLong(a[4])).withThreads(2)
                .withConvergenceStop(false);
        if (a.length > 5) o = o.withDiscriminatorChannels(Integer.parseInt(a[5]));
        if (a.length > 7) o = o.withLearningRates(Double.parseDouble(a[6]), Double.parseDouble(a[7]));
        if (System.getProperty("peak") != null) o = o.withRegularizerWeights(Double.parseDouble(System.getProperty("border", "10")), 1, Double.parseDouble(System.getProperty("peak")));
        if (System.getProperty("sim") != null) o = o.withSimultaneousSteps(Boolean.parseBoolean(System.getProperty("sim")));
        if (System.getProperty("gch") != null) o = o.withGeneratorChannels(Integer.parseInt(System.getProperty("gch")));
        if (System.getProperty("wd") != null) o = o.withGeneratorWeightDecay(Double.parseDouble(System.getProperty("wd")));
        ProfileEstimate e = new ProfileEstimator(o).estimate(lr, 2, scale,
                (p, d, t, n) -> { if (d % 25 == 0) System.out.println(d + "/" + t + " " + n); });
        System.out.printf("FWHM %.3f (true %.2f) its %d  %.1f s%n", e.fwhmVoxels(), fwhm, e.iterations(), e.seconds());
        System.out.println(e.timing());
        System.out.println(java.util.Arrays.toString(e.fwhmTrace()));
        double[] k = e.profile().values();
        StringBuilder sb = new StringBuilder();
        for (double x : k) sb.append(String.format("%.3f ", x));
        System.out.println(sb);
        System.out.println(e.warnings());
    }
}
