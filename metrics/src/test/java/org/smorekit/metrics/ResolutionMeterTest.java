package org.smorekit.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.ThickSliceSimulator;
import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * {@link ResolutionMeter}: the spectral fit (the default) on known blurs of a Colin27 block, and the wiring of the GAN
 * method (a few estimator iterations only; the accuracy of both is measured by {@link ResolutionMeterBenchmark}, see
 * docs/metrics.md).
 */
class ResolutionMeterTest {
    private static final EstimatorOptions FEW_ITERATIONS = EstimatorOptions.defaults().withEnsembleSize(1).withIterations(3)
            .withBatchSize(2).withWarmupIterations(2).withConvergenceStop(false).withSeed(11);

    /** A 64^3 block of Colin27 on a 0.8 mm grid. */
    private static Volume colin27Block() throws Exception {
        Volume iso = SharedColin27.read();
        int n = 64;
        float[] block = new float[n * n * n];
        for (int z = 0, i = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++, i++) {
                    block[i] = iso.get(60 + x, 70 + y, 60 + z);
                }
            }
        }
        return Volume.wrap(new int[] {n, n, n}, block, Affine.scaling(0.8, 0.8, 0.8));
    }

    @Test
    void reportsTheEstimatedFwhmInVoxelsAndInPlaneMm() throws Exception {
        Volume block = colin27Block();
        ResolutionMeasurement m = new ResolutionMeter(FEW_ITERATIONS, ResolutionMeter.Method.GAN)
                .measure(block, 2, ProgressListener.SILENT);
        assertEquals(2, m.axis());
        assertEquals(3, m.estimate().iterations());
        assertEquals(m.estimate().profile().fwhmVoxels(), m.fwhmVoxels(), 1e-12);
        assertEquals(0.8, m.inPlaneSpacingMm(), 1e-12);
        assertEquals(0.8, m.axisSpacingMm(), 1e-12);
        assertEquals(m.fwhmVoxels() * 0.8, m.fwhmMm(), 1e-12);

        // the same data with the measured axis stored first gives the same profile (same seed, same oriented scan)
        ResolutionMeasurement first = new ResolutionMeter(FEW_ITERATIONS, ResolutionMeter.Method.GAN)
                .measure(block.permuted(new int[] {2, 0, 1}), 0, ProgressListener.SILENT);
        assertEquals(0, first.axis());
        assertArrayEquals(m.estimate().profile().values(), first.estimate().profile().values(), 1e-6);
    }

    @Test
    void theSpectralFitRecoversAKnownBlurAlongTheAxis() throws Exception {
        Volume block = colin27Block();
        ResolutionMeter meter = new ResolutionMeter(EstimatorOptions.defaults());
        ResolutionMeasurement sharp = meter.measure(block, 2, ProgressListener.SILENT);
        assertEquals(0, sharp.estimate().iterations(), "no GAN runs");
        assertEquals(1.0, sharp.fwhmVoxels(), 0.3, "as sharp along z as in-plane: about an impulse");
        for (double fwhm : new double[] {2, 4}) {
            Volume blurred = ThickSliceSimulator.simulate(block, Profiles.gaussian(fwhm), 1, 2);
            ResolutionMeasurement m = meter.measure(blurred, 2, ProgressListener.SILENT);
            assertEquals(fwhm, m.fwhmVoxels(), 0.5, "Gaussian " + fwhm);
            assertEquals(m.fwhmVoxels() * 0.8, m.fwhmMm(), 1e-12);
        }
    }

    @Test
    void noiseAddedAfterTheBlurIsNotReadAsDetail() throws Exception {
        // as an acquisition adds it: Gaussian noise of sd 4 (tissue intensities about 40-120) after a blur of 4 voxels
        Volume noisy = ResolutionMeterBenchmark.withNoise(
                ThickSliceSimulator.simulate(colin27Block(), Profiles.gaussian(4), 1, 2), 4);
        ResolutionMeasurement m = new ResolutionMeter(EstimatorOptions.defaults())
                .measure(noisy, 2, ProgressListener.SILENT);
        assertEquals(4, m.fwhmVoxels(), 0.7, "the blur under the noise");
        assertTrue(m.estimate().warnings().isEmpty(), m.estimate().warnings().toString());
        assertTrue(m.estimate().notes().stream().anyMatch(n -> n.contains("explained as white noise")),
                m.estimate().notes().toString());
    }

    @Test
    void aSliceDirectionNoBlurExplainsIsFlagged() throws Exception {
        // SR artifacts in miniature: every other slice brighter, detail along z that the in-plane rows do not have
        Volume block = colin27Block();
        float[] striped = block.toArray();
        int slice = 64 * 64;
        for (int i = 0; i < striped.length; i++) {
            striped[i] *= (i / slice) % 2 == 0 ? 1.3f : 0.7f;
        }
        ResolutionMeasurement m = new ResolutionMeter(EstimatorOptions.defaults())
                .measure(block.withData(striped), 2, ProgressListener.SILENT);
        assertTrue(m.estimate().warnings().stream().anyMatch(w -> w.contains("match no blur")),
                m.estimate().warnings() + " " + m.estimate().spectralFitMismatch());
        assertTrue(new ResolutionMeter(EstimatorOptions.defaults()).measure(block, 2, ProgressListener.SILENT)
                .estimate().warnings().isEmpty(), "the block itself is fine");
    }

    @Test
    void refusesBadAxesAndAmbiguousInPlaneSpacing() {
        Volume v = MetricsFixtures.truth(new int[] {32, 32, 32});
        ResolutionMeter meter = new ResolutionMeter(FEW_ITERATIONS);
        assertThrows(IllegalArgumentException.class, () -> meter.measure(v, 3, ProgressListener.SILENT));
        Volume anisotropic = Volume.wrap(v.shape(), v.toArray(), Affine.scaling(1, 1.2, 1));
        assertThrows(IllegalArgumentException.class, () -> meter.measure(anisotropic, 2, ProgressListener.SILENT));
    }
}
