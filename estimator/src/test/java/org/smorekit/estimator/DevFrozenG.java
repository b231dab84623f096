package org.smorekit.estimator;

import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/**
 * Can the discriminator tell a wrong k at all? Only D learns: either the generator is frozen after its warm-up
 * (learning rate 0: k stays near the impulse), or, with {@code -Dsmorekit.estimator.frozenProfile=gauss:3}, a fixed
 * profile replaces k. Prints D's loss averaged over the second half of the iterations (chance: 2 ln 2 = 1.386; the
 * lower, the better D tells the frozen k's rows from the slice direction's).
 * args: trueShape trueFwhm scale iterations [axis]
 */
public final class DevFrozenG {
    public static void main(String[] a) throws Exception {
        String shape = a[0];
        double truth = Double.parseDouble(a[1]), scale = Double.parseDouble(a[2]);
        int its = Integer.parseInt(a[3]);
        int axis = a.length > 4 ? Integer.parseInt(a[4]) : 2;
        Volume iso = SimulatedColin27.isotropic();
        SliceProfile tp = BenchmarkScan.profile(shape, truth);
        Volume lr = BenchmarkScan.simulate(iso, tp, scale, axis);
        EstimatorOptions o = EstimatorOptions.defaults().withEnsembleSize(1).withIterations(its).withSeed(1)
                .withConvergenceStop(false).withLearningRates(1e-12, 1e-3).withGeneratorWeightDecay(0);
        double[] sum = new double[2];
        new ProfileEstimator(o).estimate(lr, axis, scale, (phase, done, total, note) -> {
            int at = note.indexOf("D loss ");
            if (done > its / 2 && at >= 0) {
                sum[0] += Double.parseDouble(note.substring(at + 7, at + 12));
                sum[1]++;
            }
        });
        System.out.printf("truth %s:%s scale %s axis %d frozen %s: mean D loss %.4f%n", shape, truth, scale, axis,
                System.getProperty("smorekit.estimator.frozenProfile", "warm-up"), sum[0] / sum[1]);
    }
}
