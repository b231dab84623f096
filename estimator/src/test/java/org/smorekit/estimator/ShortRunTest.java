package org.smorekit.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smorekit.degrade.AcquisitionNoise;
import org.smorekit.degrade.Profiles;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * Short GAN runs that fit the test budget (the full-size runs are benchmarks, docs/benchmarks.md).
 *
 * <p>On an exactly isotropic texture (white noise, 96^3) blurred along z with a Gaussian of FWHM 4 and sampled every
 * 2 voxels, the self-similarity ESPRESO assumes holds exactly and the real and fake patches differ strongly, so a
 * short run must move the profile from the impulse toward the truth. Stated tolerance: after 200 iterations of batch
 * 16 the EMA FWHM is above 1.5 voxels and below 6 (truth 4).
 *
 * <p>On a 96 x 96 crop of simulated Colin27 (Gaussian FWHM 4, scale 4) the signal is much weaker: the generator
 * typically leaves the impulse only after 300-500 iterations of batch 32 (docs/estimator.md). The short run there only
 * checks the mechanics: progress reports, a valid profile, and the sanity check flagging a profile that has not left
 * the impulse.
 */
class ShortRunTest {

    @Test
    void profileMovesTowardTheTruthOnAnIsotropicTexture() {
        int n = 96;
        float[] noise = new float[n * n * n];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rnd.nextDouble();
        }
        Volume iso = Volume.wrap(new int[] {n, n, n}, noise, Affine.identity());
        Volume thick = BenchmarkScan.simulate(iso, Profiles.gaussian(4), 2, 2);
        EstimatorOptions options = EstimatorOptions.defaults().withEnsembleSize(1).withIterations(200).withBatchSize(16)
                .withSeed(1).withConvergenceStop(false).withMethod(EstimationMethod.GAN);
        ProfileEstimate e = new ProfileEstimator(options).estimate(thick, 2, 2, ProgressListener.SILENT);
        double fwhm = e.fwhmVoxels();
        assertTrue(fwhm > 1.5 && fwhm < 6, "FWHM " + fwhm + " not in (1.5, 6); trace " + Arrays.toString(e.fwhmTrace()));
    }

    @Test
    void shortRunOnSimulatedColin27ReportsProgressAndAValidProfile() throws IOException {
        Volume lr = SimulatedColin27.thickSlices(SimulatedColin27.isotropic(), SimulatedColin27.gaussian(4, 21), 4);
        Volume crop = SimulatedColin27.crop(lr, 42, 96, 60, 96);
        EstimatorOptions options = EstimatorOptions.defaults().withEnsembleSize(1).withIterations(50).withBatchSize(8).withSeed(1)
                .withConvergenceStop(false);
        long[] updates = new long[1];
        ProfileEstimate e = new ProfileEstimator(options).estimate(crop, 2, 4, (phase, done, total, note) -> {
            assertEquals("estimate", phase);
            assertEquals(50, total);
            updates[0]++;
        });
        assertEquals(50 / 10, updates[0]);
        assertEquals(1.0, Arrays.stream(e.profile().values()).sum(), 1e-9);
        assertEquals(50 / ProfileEstimate.TRACE_EVERY, e.fwhmTrace().length);
        if (e.fwhmVoxels() < ProfileSanityCheck.MIN_FWHM_VOXELS) {
            assertTrue(e.notes().stream().anyMatch(n -> n.contains("close to an impulse")), e.notes().toString());
        }
    }

    @Test
    void aNoisyScanHasItsNoiseMatchedAndSaysSoAndACleanOneDoesNot() throws IOException {
        Volume lr = SimulatedColin27.thickSlices(SimulatedColin27.isotropic(), SimulatedColin27.gaussian(4, 21), 4);
        Volume clean = SimulatedColin27.crop(lr, 42, 96, 60, 96);
        // Rician noise of 10% of the head's mean intensity: an SNR of about 10, below NoiseLevel.NOISY_SNR
        Volume noisy = new AcquisitionNoise(10, true, AcquisitionNoise.Kind.RICIAN).addTo(clean, 1);
        EstimatorOptions options = EstimatorOptions.defaults().withEnsembleSize(1).withIterations(20).withBatchSize(8)
                .withSeed(1).withConvergenceStop(false).withNoiseMatching(true);
        ProfileEstimate a = new ProfileEstimator(options).estimate(noisy, 2, 4, ProgressListener.SILENT);
        ProfileEstimate b = new ProfileEstimator(options).estimate(noisy, 2, 4, ProgressListener.SILENT);
        assertTrue(a.notes().stream().anyMatch(n -> n.startsWith("the scan is noisy (SNR ")), a.notes().toString());
        assertEquals(Arrays.toString(a.profile().values()), Arrays.toString(b.profile().values()), "deterministic");
        // single runs combined into an ensemble (as the accuracy benchmark does) keep the note about the scan
        ProfileEstimate second = new ProfileEstimator(options.withSeed(2))
                .estimate(noisy, 2, 4, ProgressListener.SILENT);
        ProfileEstimate combined = ProfileEstimator.combine(List.of(a, second), 4);
        assertEquals(1, combined.notes().stream().filter(n -> n.startsWith("the scan is noisy (SNR ")).count(),
                combined.notes().toString());
        ProfileEstimate unmatched = new ProfileEstimator(options.withNoiseMatching(false))
                .estimate(noisy, 2, 4, ProgressListener.SILENT);
        assertTrue(unmatched.notes().stream().noneMatch(n -> n.startsWith("the scan is noisy")));
        ProfileEstimate onClean = new ProfileEstimator(options).estimate(clean, 2, 4, ProgressListener.SILENT);
        assertTrue(onClean.notes().stream().noneMatch(n -> n.startsWith("the scan is noisy")),
                "the clean crop's SNR is above the threshold: " + onClean.notes());
    }
}
