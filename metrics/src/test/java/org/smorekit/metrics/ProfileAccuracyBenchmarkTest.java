package org.smorekit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smorekit.degrade.AcquisitionNoise;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.estimator.PhaseTimes;
import org.smorekit.estimator.ProfileEstimate;

/** The hand-written {@code --json} output of {@link ProfileAccuracyBenchmark} is valid JSON with every field. */
class ProfileAccuracyBenchmarkTest {

    @Test
    void jsonHoldsEveryPerSeedResultAndParses() throws Exception {
        SliceProfile truth = Profiles.gaussian(4);
        SliceProfile estimate = Profiles.gaussian(4.5);
        ProfileComparison profile = ProfileComparison.of(estimate, truth, 1.0);
        Comparison identical = new Comparison(Double.POSITIVE_INFINITY, 1.0, SsimMode.VOLUME_3D, null, 1000, 800,
                255, false);
        Comparison finite = new Comparison(41.25, 0.9931, SsimMode.VOLUME_3D, null, 1000, 800, 255, false);
        SliceProfile fit = Profiles.smoothedRect(3, 2);
        ProfileEstimate ensemble = estimate(estimate, 12.5, List.of("mass at the \"borders\"\n"),
                List.of("close to an impulse"), new double[] {4.4, 4.5, 4.7}, new double[] {0.1, 0.2, 0.3}, fit, 0.05);
        ProfileEstimate single = estimate(estimate, 13.0, List.of(), List.of(), new double[] {4.5},
                new double[] {0.2}, fit, 0.05);
        List<ProfileAccuracyBenchmark.SeedResult> results = List.of(
                new ProfileAccuracyBenchmark.SeedResult("gauss:4", "gauss", 4, 4, 2, 1, ensemble,
                        new ProfileAccuracy(profile, identical)),
                new ProfileAccuracyBenchmark.SeedResult("gauss:4", "gauss", 4, 4, 2, 2, single,
                        new ProfileAccuracy(profile, finite)));
        EstimatorOptions options = EstimatorOptions.defaults().withIterations(60).withThreads(1)
                .withSpreadWeight(0.1).withImpulseWeight(0.2);

        JsonNode root = new ObjectMapper().readTree(
                ProfileAccuracyBenchmark.json(Path.of("iso.nii.gz"), options,
                        AcquisitionNoise.parse("5%", AcquisitionNoise.Kind.RICIAN), results));

        assertEquals(60, root.get("iterations").asInt());
        assertEquals(1, root.get("threads").asInt());
        assertEquals(0.1, root.get("spread_weight").asDouble());
        assertEquals(0.2, root.get("impulse_weight").asDouble());
        assertTrue(root.get("noise").asText().startsWith("rician noise, sigma 5.0% of the head"),
                root.get("noise").asText());
        JsonNode first = root.get("results").get(0);
        assertEquals("gauss:4", first.get("cell").asText());
        assertEquals(1, first.get("seed").asLong());
        assertEquals(4.0, first.get("scale").asDouble());
        assertEquals(estimate.fwhmVoxels(), first.get("fwhm_estimated_voxels").asDouble());
        assertEquals(truth.fwhmVoxels(), first.get("fwhm_true_voxels").asDouble());
        assertEquals(profile.fwhmErrorVoxels(), first.get("fwhm_error_voxels").asDouble());
        assertEquals(profile.profileError(), first.get("profile_error").asDouble());
        assertEquals("Infinity", first.get("psnr_db").asText());
        assertEquals(1.0, first.get("ssim").asDouble());
        assertEquals(12.5, first.get("seconds").asDouble());
        assertEquals("mass at the \"borders\"\n", first.get("warnings").get(0).asText());
        assertEquals("close to an impulse", first.get("notes").get(0).asText());
        assertEquals(4.7, first.get("run_fwhm_voxels").get(2).asDouble());
        assertEquals(0.3, first.get("run_mismatch").get(2).asDouble());
        assertEquals(3, first.get("run_seeds").get(2).asLong(), "seed 1's ensemble runs seeds 1, 2, 3");
        assertEquals(fit.fwhmVoxels(), first.get("spectral_fit_fwhm_voxels").asDouble());
        assertEquals(0.05, first.get("spectral_fit_mismatch").asDouble());
        assertEquals(fit.length(), first.get("spectral_fit_profile").size());
        assertEquals(estimate.length(), first.get("profile").size());
        assertEquals(estimate.value(estimate.centre()), first.get("profile").get(estimate.centre()).asDouble());
        JsonNode second = root.get("results").get(1);
        assertEquals(41.25, second.get("psnr_db").asDouble());
        assertEquals(0, second.get("warnings").size());
        assertEquals(0, second.get("notes").size());
        assertEquals(2, second.get("run_seeds").get(0).asLong());
        assertEquals(2, root.get("results").size());
    }

    /** An estimate with the given profile, times, messages, runs and spectral fit (no GAN run behind it). */
    private static ProfileEstimate estimate(SliceProfile profile, double seconds, List<String> warnings,
                                            List<String> notes, double[] runFwhmVoxels, double[] runMismatch,
                                            SliceProfile fit, double fitMismatch) {
        return new ProfileEstimate(profile, 100, 0, seconds, warnings, notes, new double[0],
                new PhaseTimes(0, 0, 0, 0, 0, 0, 0), runFwhmVoxels, runMismatch, fit, fitMismatch);
    }
}
