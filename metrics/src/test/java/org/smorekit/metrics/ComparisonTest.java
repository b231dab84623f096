package org.smorekit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Properties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

class ComparisonTest {

    @Test
    void reportsPsnrSsimAndHowTheyWereObtained() {
        Properties ref = MetricsFixtures.reference();
        Volume truth = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        Volume test = MetricsFixtures.test(MetricsFixtures.SHAPE_A, "noisy");
        Mask ball = MetricsFixtures.ball(MetricsFixtures.SHAPE_A);

        Comparison c = Comparison.compare(truth, test, ball);
        assertEquals(MetricsFixtures.ref(ref, "a.noisy.psnrBall"), c.psnrDb(), 1e-6);
        assertEquals(MetricsFixtures.ref(ref, "a.noisy.ssim3dBall"), c.ssim(), 1e-5);
        assertEquals(SsimMode.VOLUME_3D, c.ssimMode());
        assertNull(c.ssimSliceAxis());
        assertEquals(ball.count(), c.maskVoxels());
        assertEquals(MetricsFixtures.ref(ref, "a.dataRange"), c.dataRange(), 1e-9);
        assertFalse(c.resampled());

        Comparison slices = Comparison.compare(truth, test, Mask.full(truth.shape()), SsimMode.SLICES_2D, 1);
        assertEquals(MetricsFixtures.ref(ref, "a.noisy.ssim2d.axis1"), slices.ssim(), 1e-5);
        assertEquals(1, slices.ssimSliceAxis());
    }

    @Test
    void identicalVolumesGiveInfinitePsnrAndUnitSsim() {
        Volume truth = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        Comparison c = Comparison.compare(truth, truth);
        assertEquals(Double.POSITIVE_INFINITY, c.psnrDb());
        assertEquals(1.0, c.ssim(), 1e-6);
    }

    @Test
    void refusesATestThatDoesNotOverlapTheTruth() {
        Volume truth = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        Volume far = Volume.wrap(truth.shape(), truth.toArray(), Affine.identity().resampledAxis(0, 1000, 1));
        assertThrows(IllegalArgumentException.class, () -> Comparison.compare(truth, far));
    }

    @Test
    void serialisesWithJacksonByComponentName() throws Exception {
        Volume truth = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        ObjectMapper json = new ObjectMapper();
        JsonNode identical = json.readTree(json.writeValueAsString(Comparison.compare(truth, truth)));
        // JSON has no infinity: Jackson's default writes the string "Infinity", which a reader must expect
        assertEquals("Infinity", identical.get("psnrDb").asText());
        assertEquals("VOLUME_3D", identical.get("ssimMode").asText());
        assertEquals(truth.size(), identical.get("maskVoxels").asLong());
        JsonNode noisy = json.readTree(json.writeValueAsString(
                Comparison.compare(truth, MetricsFixtures.test(MetricsFixtures.SHAPE_A, "noisy"))));
        assertEquals(MetricsFixtures.ref(MetricsFixtures.reference(), "a.noisy.psnr"), noisy.get("psnrDb").asDouble(),
                1e-6);
    }
}
