package org.smorekit.estimator;

import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/**
 * Can the discriminator tell a wrong k at all? The generator is frozen after its warm-up (learning rate 0: k stays
 * near the impulse) on a scan whose truth is far from it, and only D learns; prints D's loss (chance: 2 ln 2 = 1.386).
 * args: trueFwhm scale iterations [dLearningRate]
 */
public final class DevFrozenG {
    public static void main(String[] a) throws Exception {
        double truth = Double.parseDouble(a[0]), scale = Double.parseDouble(a[1]);
        int its = Integer.parseInt(a[2]);
        double dlr = a.length > 3 ? Double.parseDouble(a[3]) : 1e-3;
        Volume iso = SimulatedColin27.isotropic();
        SliceProfile tp = BenchmarkScan.profile("gauss", truth);
        Volume lr = BenchmarkScan.simulate(iso, tp, scale, 2);
        EstimatorOptions o = EstimatorOptions.defaults().withEnsembleSize(1).withIterations(its).withSeed(1)
                .withConvergenceStop(false).withLearningRates(1e-12, dlr).withGeneratorWeightDecay(0);
        ProfileEstimate e = new ProfileEstimator(o).estimate(lr, 2, scale, (phase, done, total, note) -> {
            if (done % 50 == 0) {
                System.out.println(done + " " + note);
            }
        });
        System.out.println("final FWHM " + e.fwhmVoxels() + " runs " + java.util.Arrays.toString(e.runFwhmVoxels()));
    }
}
