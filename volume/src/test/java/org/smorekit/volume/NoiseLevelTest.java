package org.smorekit.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NoiseLevelTest {

    /** A ball of smoothly varying intensity (80-120) in an empty background, 64 x 64 x 24, noise added everywhere. */
    private static Volume ball(double sigma, boolean rician, int sliceAxis) {
        return ball(sigma, rician, sliceAxis, 0, 1);
    }

    /** {@link #ball(double, boolean, int)} with every intensity v written as offset + gain * v. */
    private static Volume ball(double sigma, boolean rician, int sliceAxis, double offset, double gain) {
        int[] shape = {64, 64, 64};
        shape[sliceAxis] = 24;
        float[] data = new float[shape[0] * shape[1] * shape[2]];
        SplittableRandom random = new SplittableRandom(42);
        for (int z = 0; z < shape[2]; z++) {
            for (int y = 0; y < shape[1]; y++) {
                for (int x = 0; x < shape[0]; x++) {
                    double dx = (x - shape[0] / 2.0) / (shape[0] / 2.0);
                    double dy = (y - shape[1] / 2.0) / (shape[1] / 2.0);
                    double dz = (z - shape[2] / 2.0) / (shape[2] / 2.0);
                    double signal = dx * dx + dy * dy + dz * dz < 0.7 ? 100 + 20 * dx + 10 * dy * dy : 0;
                    double real = signal + sigma * random.nextGaussian();
                    double imaginary = rician ? sigma * random.nextGaussian() : 0;
                    data[x + shape[0] * (y + shape[1] * z)] = (float) (offset + gain * Math.hypot(real, imaginary));
                }
            }
        }
        return Volume.wrap(shape, data, Affine.identity());
    }

    @Test
    void recoversTheStandardDeviationOfWhiteNoiseInTheHead() {
        NoiseLevel level = NoiseLevel.of(ball(4, false, 2), 2);
        assertEquals(4, level.sigma(), 0.2);
        assertEquals(100, level.headMean(), 2);
        assertEquals((level.headMean() - level.minimum()) / level.sigma(), level.snr(), 1e-12);
    }

    @Test
    void theSignalIsMeasuredFromTheScansMinimumSoAnOffsetOrAGainLeavesTheSnr() {
        // a z-scored scan: the background negative, the intensities divided by their spread
        NoiseLevel magnitude = NoiseLevel.of(ball(4, true, 2), 2);
        NoiseLevel zScored = NoiseLevel.of(ball(4, true, 2, -0.8, 1 / 40.0), 2);
        NoiseLevel offset = NoiseLevel.of(ball(4, true, 2, 300, 1), 2);
        assertEquals(magnitude.snr(), zScored.snr(), 1e-3 * magnitude.snr());
        assertEquals(magnitude.snr(), offset.snr(), 1e-3 * magnitude.snr());
        assertEquals(300 + magnitude.headMean(), offset.headMean(), 1e-3);
        assertTrue(magnitude.noisy() && zScored.noisy() && offset.noisy(), "SNR " + magnitude.snr());
        assertTrue(offset.toString().contains("above the scan's minimum"), offset.toString());
    }

    @Test
    void readsRicianNoiseAsItsGaussianSigmaWhereTheSignalIsHigh() {
        // in the ball the signal is 20 x sigma and more, where a magnitude's noise is nearly Gaussian
        assertEquals(5, NoiseLevel.of(ball(5, true, 0), 0).sigma(), 0.25);
    }

    @Test
    void smoothIntensitiesAloneReadAsNoNoise() {
        // the mask annihilates planes and quadratic ramps: only the ball's edge responds, a minority of voxels
        NoiseLevel level = NoiseLevel.of(ball(0, false, 1), 1);
        assertEquals(0, level.sigma(), 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, level.snr());
    }

    @Test
    void slicesSmallerThanTheMaskAreRefused() {
        Volume thin = Volume.wrap(new int[] {2, 40, 40}, new float[2 * 40 * 40], Affine.identity());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoiseLevel.of(thin, 2));
        assertTrue(e.getMessage().contains("too small"), e.getMessage());
        // callers that can do without the noise ask measure(): empty instead, but a wrong axis is still an error
        assertTrue(NoiseLevel.measure(thin, 2).isEmpty());
        assertTrue(NoiseLevel.measure(ball(4, false, 2), 2).isPresent());
        assertThrows(IllegalArgumentException.class, () -> NoiseLevel.measure(thin, 3));
    }
}
