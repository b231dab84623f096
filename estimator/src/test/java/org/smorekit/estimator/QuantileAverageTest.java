package org.smorekit.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.smorekit.degrade.HalfMaximum;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;

class QuantileAverageTest {

    @Test
    void aConstantSequenceAveragesToItself() {
        for (double[] k : new double[][] {Profiles.gaussian(4, 21).values(), SliceProfile.impulse(21).values(),
                Profiles.withLength(Profiles.rect(5), 21).values()}) {
            QuantileAverage average = new QuantileAverage(21, 0.99);
            for (int i = 0; i < 50; i++) {
                average.add(k);
            }
            assertArrayEquals(k, average.profile(), 1e-3);
        }
    }

    @Test
    void keepsTheWidthThatTapAveragingLoses() {
        double[] narrow = Profiles.gaussian(2, 31).values(), wide = Profiles.gaussian(8, 31).values();
        QuantileAverage average = new QuantileAverage(31, 0.5);
        average.add(narrow);
        average.add(wide);
        double[] k = average.profile();
        assertEquals(1, Arrays.stream(k).sum(), 1e-9);
        // the barycentre of two Gaussians is the Gaussian of the mean standard deviation: FWHM (2 + 8) / 2
        assertEquals(5, HalfMaximum.of(k).width(), 0.15);
        double[] tapMean = new double[31];
        for (int i = 0; i < 31; i++) {
            tapMean[i] = (narrow[i] + wide[i]) / 2;
        }
        assertTrue(HalfMaximum.of(tapMean).width() < 3.5, "the tap-wise mean is much narrower");
    }
}
