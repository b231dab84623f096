package org.smorekit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

class PsnrTest {

    @Test
    void closedFormForAConstantError() {
        // truth spans 0..100 (R = 100); test = truth + 1 everywhere: MSE 1, PSNR = 10 log10(100^2) = 40 dB
        float[] t = new float[1000];
        float[] s = new float[1000];
        for (int i = 0; i < t.length; i++) {
            t[i] = i % 101;
            s[i] = t[i] + 1;
        }
        Volume truth = Volume.wrap(new int[] {10, 10, 10}, t, Affine.identity());
        Volume test = truth.withData(s);
        assertEquals(100, DataRange.of(truth));
        assertEquals(40.0, Psnr.of(truth, test), 1e-9);
    }

    @Test
    void identicalVolumesAreInfinite() {
        Volume truth = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        assertEquals(Double.POSITIVE_INFINITY, Psnr.of(truth, truth));
    }

    @Test
    void maskRestrictsTheErrorButNotTheDataRange() {
        // the error sits only outside the mask, so inside it the volumes are identical
        Volume truth = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        Mask ball = MetricsFixtures.ball(MetricsFixtures.SHAPE_A);
        float[] s = truth.toArray();
        for (int i = 0; i < s.length; i++) {
            if (!ball.contains(i)) {
                s[i] += 50;
            }
        }
        assertEquals(Double.POSITIVE_INFINITY, Psnr.of(truth, truth.withData(s), ball));
    }

    @ParameterizedTest
    @ValueSource(strings = {"noisy", "affine", "shifted"})
    void agreesWithScikitImage(String kind) {
        Properties ref = MetricsFixtures.reference();
        for (String shapeName : new String[] {"a", "b"}) {
            int[] shape = shapeName.equals("a") ? MetricsFixtures.SHAPE_A : MetricsFixtures.SHAPE_B;
            Volume truth = MetricsFixtures.truth(shape);
            Volume test = MetricsFixtures.test(shape, kind);
            String key = shapeName + "." + kind;
            assertEquals(MetricsFixtures.ref(ref, shapeName + ".dataRange"), DataRange.of(truth), 1e-9);
            assertEquals(MetricsFixtures.ref(ref, key + ".psnr"), Psnr.of(truth, test), 1e-6, key);
            assertEquals(MetricsFixtures.ref(ref, key + ".psnrBall"),
                    Psnr.of(truth, test, MetricsFixtures.ball(shape)), 1e-6, key + " in the ball");
        }
    }

    @Test
    void rejectsMismatchedInputs() {
        Volume a = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        Volume b = MetricsFixtures.truth(MetricsFixtures.SHAPE_B);
        assertThrows(IllegalArgumentException.class, () -> Psnr.of(a, b));
        assertThrows(IllegalArgumentException.class, () -> Psnr.of(a, a, MetricsFixtures.ball(MetricsFixtures.SHAPE_B)));
        assertThrows(IllegalArgumentException.class,
                () -> Psnr.of(a, a, Mask.of(a.shape(), new boolean[a.size()])));
        assertThrows(IllegalArgumentException.class, () -> Psnr.of(a, a, Mask.full(a.shape()), 0));
    }
}
