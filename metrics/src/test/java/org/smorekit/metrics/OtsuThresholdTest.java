package org.smorekit.metrics;

import org.smorekit.volume.OtsuThreshold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

class OtsuThresholdTest {

    @Test
    void agreesWithScikitImage() {
        Properties ref = MetricsFixtures.reference();
        assertEquals(MetricsFixtures.ref(ref, "a.otsu"), OtsuThreshold.of(MetricsFixtures.truth(MetricsFixtures.SHAPE_A)),
                1e-9);
        assertEquals(MetricsFixtures.ref(ref, "b.otsu"), OtsuThreshold.of(MetricsFixtures.truth(MetricsFixtures.SHAPE_B)),
                1e-9);
    }

    @Test
    void separatesTwoLevels() {
        // half the voxels at 10, half at 200: any threshold in between separates them; Otsu picks one
        float[] v = new float[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 500 ? 10 : 200;
        }
        double t = OtsuThreshold.of(Volume.wrap(new int[] {10, 10, 10}, v, Affine.identity()));
        assertTrue(t >= 10 && t < 200, "threshold " + t);
    }

    @Test
    void constantVolumeReturnsItsValue() {
        float[] v = new float[27];
        Arrays.fill(v, 7f);
        assertEquals(7.0, OtsuThreshold.of(Volume.wrap(new int[] {3, 3, 3}, v, Affine.identity())));
    }
}
