package org.smorekit.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smorekit.degrade.Profiles;

/**
 * The expected periodograms of white noise through the degradation, against the mean periodograms of many random
 * patches degraded the same way (the fake branch: degraded rows; the real branch: columns made of different rows).
 */
class WhiteNoisePeriodogramTest {

    @Test
    void matchesTheMeanPeriodogramOfDegradedWhiteNoise() {
        for (double scale : new double[] {1, 2.5}) {
            PatchDegradation degradation = new PatchDegradation(21, scale);
            double[] k = Profiles.gaussian(4, 21).values();
            WhiteNoisePeriodogram expected = WhiteNoisePeriodogram.of(degradation, k, SpectrumMismatch.COS,
                    SpectrumMismatch.SIN);
            int n = PatchDegradation.OUT;
            int patches = 3000;
            int length = degradation.patchLength();
            float[] noise = new float[patches * n * length];
            SplittableRandom rnd = new SplittableRandom(11);
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) (rnd.nextDouble() * 2 - 1) * 1.7320508f; // variance 1
            }
            float[] out = new float[patches * n * n];
            degradation.forward(noise, patches * n, k, out);
            double[] fake = new double[n / 2 + 1];
            double[] real = new double[n / 2 + 1];
            double[] line = new double[n];
            for (int b = 0; b < patches; b++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        line[j] = out[b * n * n + i * n + j];
                    }
                    SpectrumMismatch.addPeriodogram(line, fake);
                    for (int j = 0; j < n; j++) {
                        line[j] = out[b * n * n + j * n + i];
                    }
                    SpectrumMismatch.addPeriodogram(line, real);
                }
            }
            double lines = (double) patches * n;
            for (int f = 1; f <= n / 2; f++) {
                assertEquals(expected.fake(f), fake[f] / lines, 0.05 * expected.fake(f) + 1e-4,
                        "fake branch, scale " + scale + ", bin " + f);
                assertEquals(expected.real(f), real[f] / lines, 0.05 * expected.real(f),
                        "real branch, scale " + scale + ", bin " + f);
            }
        }
    }

    @Test
    void anImpulseAtScaleOneLeavesTheSameNoiseInBothBranches() {
        PatchDegradation degradation = new PatchDegradation(21, 1);
        WhiteNoisePeriodogram q = WhiteNoisePeriodogram.of(degradation, org.smorekit.degrade.SliceProfile.impulse(21).values(),
                SpectrumMismatch.COS, SpectrumMismatch.SIN);
        for (int f = 1; f <= PatchDegradation.OUT / 2; f++) {
            assertEquals(q.real(f), q.fake(f), 1e-9 * q.real(f), "bin " + f);
        }
    }
}
