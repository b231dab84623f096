package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.smorekit.degrade.AcquisitionNoise.Kind;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

class AcquisitionNoiseTest {

    private static final int N = 64;

    private static Volume constant(float value) {
        float[] data = new float[N * N * N];
        Arrays.fill(data, value);
        return Volume.wrap(new int[] {N, N, N}, data, Affine.identity());
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double meanSquare(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return s / v.length;
    }

    @Test
    void gaussianNoiseHasZeroMeanAndTheGivenStandardDeviation() {
        float[] out = new AcquisitionNoise(3, false, Kind.GAUSSIAN).addTo(constant(100), 7).toArray();
        // 262144 samples: the standard error of the mean is 3 / 512, that of the variance about 9 * sqrt(2 / n)
        assertEquals(100, mean(out), 4 * 3.0 / 512);
        double variance = meanSquare(out) - mean(out) * mean(out);
        assertEquals(9, variance, 4 * 9 * Math.sqrt(2.0 / out.length));
    }

    @Test
    void ricianNoiseOnAnEmptyBackgroundIsRayleigh() {
        // |n1 + i n2|: mean sigma sqrt(pi / 2), second moment 2 sigma^2
        double sigma = 5;
        float[] out = new AcquisitionNoise(sigma, false, Kind.RICIAN).addTo(constant(0), 3).toArray();
        assertEquals(sigma * Math.sqrt(Math.PI / 2), mean(out), 0.02);
        assertEquals(2 * sigma * sigma, meanSquare(out), 0.2);
        for (float v : out) {
            assertTrue(v >= 0, "a magnitude is never negative");
        }
    }

    @Test
    void ricianNoiseAddsTwiceTheVarianceToTheSecondMoment() {
        // E|s + n1 + i n2|^2 = s^2 + 2 sigma^2 for any signal s
        float[] out = new AcquisitionNoise(4, false, Kind.RICIAN).addTo(constant(80), 11).toArray();
        assertEquals(80 * 80 + 2 * 16, meanSquare(out), 1.0);
    }

    @Test
    void theSameSeedGivesTheSameNoiseAndAnotherSeedOther() {
        AcquisitionNoise noise = new AcquisitionNoise(2, false, Kind.RICIAN);
        Volume scan = constant(50);
        assertArrayEquals(noise.addTo(scan, 1).toArray(), noise.addTo(scan, 1).toArray());
        assertFalse(Arrays.equals(noise.addTo(scan, 1).toArray(), noise.addTo(scan, 2).toArray()));
    }

    @Test
    void zeroNoiseLeavesTheScanAsItIs() {
        Volume scan = constant(50);
        assertSame(scan, new AcquisitionNoise(0, false, Kind.GAUSSIAN).addTo(scan, 1));
    }

    @Test
    void aPercentageIsOfTheHeadsMeanIntensityAboveTheScansMinimum() {
        // background 0, a block of 100 and a block of 140: the head (above the Otsu threshold) is both blocks, mean 120
        float[] data = new float[N * N * N];
        for (int i = 0; i < data.length; i++) {
            int z = i / (N * N);
            data[i] = z < 16 ? 0 : z < 40 ? 100 : 140;
        }
        Volume scan = Volume.wrap(new int[] {N, N, N}, data, Affine.identity());
        double headMean = (24 * 100.0 + 24 * 140.0) / 48;
        assertEquals(headMean, AcquisitionNoise.headSignal(scan), 1e-9);
        AcquisitionNoise fivePercent = AcquisitionNoise.parse("5%", Kind.RICIAN);
        assertEquals(0.05 * headMean, fivePercent.sigmaFor(scan), 1e-9);
        assertEquals(4, AcquisitionNoise.parse("4", Kind.RICIAN).sigmaFor(scan), 0);
        NoisyScan noisy = fivePercent.apply(scan, 1);
        assertEquals(headMean, noisy.headSignal(), 1e-9);
        assertEquals(0.05 * headMean, noisy.sigma(), 1e-9);
        assertArrayEquals(fivePercent.addTo(scan, 1).toArray(), noisy.scan().toArray());
        // an offset is not signal: the same scan 300 higher everywhere gets the same sigma
        float[] raised = scan.toArray();
        for (int i = 0; i < raised.length; i++) {
            raised[i] += 300;
        }
        assertEquals(0.05 * headMean, fivePercent.sigmaFor(Volume.wrap(scan.shape(), raised, Affine.identity())), 1e-9);
    }

    @Test
    void aLevelThatIsNotANonNegativeNumberIsRefusedWithTheAcceptedForms() {
        for (String bad : new String[] {"", "-1", "abc", "5%%", "NaN", "1e999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AcquisitionNoise.parse(bad, Kind.RICIAN), bad);
            assertTrue(e.getMessage().contains("percentage"), e.getMessage());
        }
    }
}
