package org.smorekit.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smorekit.degrade.Profiles;
import org.nd4j.linalg.factory.Nd4j;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/** The public entry point: bad inputs, the native backend, determinism, and a short run on simulated Colin27. */
class ProfileEstimatorTest {

    private static Volume thickCrop() throws IOException {
        Volume lr = SimulatedColin27.thickSlices(SimulatedColin27.isotropic(), SimulatedColin27.gaussian(4, 21), 4);
        return SimulatedColin27.crop(lr, 42, 96, 60, 96);
    }

    @Test
    void oneDnnNativesAreLoaded() {
        String build = Nd4j.getBackend().buildInfo();
        assertTrue(build.contains("HAVE_ONEDNN"), "ND4J native build without oneDNN: " + build);
        assertEquals("CPU", Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend"));
    }

    @Test
    void badInputsGetClearMessages() {
        Volume scan = Volume.wrap(new int[] {100, 100, 30}, ramp(100 * 100 * 30), Affine.identity());
        ProfileEstimator estimator = new ProfileEstimator(EstimatorOptions.defaults().withIterations(1));
        IllegalArgumentException e;
        e = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(scan, 2, Double.NaN, ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("scale must be a finite number >= 1, got NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(scan, 2, 0.5, ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("got 0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(scan, 3, 2, ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("sliceAxis must be 0, 1 or 2, got 3"), e.getMessage());
        ProfileEstimator shortK = new ProfileEstimator(EstimatorOptions.defaults().withProfileLength(5));
        e = assertThrows(IllegalArgumentException.class,
                () -> shortK.estimate(scan, 2, 8, ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("K = 5 is too short for scale 8.0: need K >= 9"), e.getMessage());
        Volume thin = Volume.wrap(new int[] {100, 100, 10}, ramp(100 * 100 * 10), Affine.identity());
        e = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(thin, 2, 4, ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("need at least 16 slices along axis 2"), e.getMessage());
        Volume narrow = Volume.wrap(new int[] {40, 40, 30}, ramp(40 * 40 * 30), Affine.identity());
        e = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(narrow, 2, 4, ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("shorter than the patch length 81"), e.getMessage());
        Volume constant = Volume.wrap(new int[] {100, 100, 30}, new float[100 * 100 * 30], Affine.identity());
        e = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(constant, 2, 4, ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EstimatorOptions.defaults().withProfileLength(20));
        assertTrue(e.getMessage().contains("profileLength must be odd and >= 3, got 20"), e.getMessage());
    }

    @Test
    void saysBeforehandWhetherAScanIsLargeEnough() {
        ProfileEstimator estimator = new ProfileEstimator(EstimatorOptions.defaults());
        int k = EstimatorOptions.defaults().profileLength();
        // patches are 16 slices by (15 * scale + 1) + (K - 1) in-plane voxels at an integer scale
        int patchLength = 15 * 4 + 1 + k - 1;
        assertEquals(Optional.empty(), estimator.sizeProblem(new int[] {patchLength, 40, 16}, 2, 4));
        assertEquals(Optional.of("need at least 16 slices along axis 2 to sample patches, got 10"),
                estimator.sizeProblem(new int[] {48, 48, 10}, 2, 4));
        // slices along axis 0: the in-plane sizes are those of axes 1 and 2
        assertEquals(Optional.of("in-plane size 40 x " + (patchLength - 1) + " is shorter than the patch length "
                        + patchLength + " (16 slices at scale 4 and a " + k + "-tap profile)"),
                estimator.sizeProblem(new int[] {30, 40, patchLength - 1}, 0, 4));
        // a non-integer scale is written as info writes it, to 5 significant digits
        assertTrue(estimator.sizeProblem(new int[] {100, 100, 20}, 2, 5 / 0.9).orElseThrow()
                .contains("(16 slices at scale 5.5556 and a "), "5 mm slices, 0.9 mm pixels");
        // estimate refuses with the same words
        Volume thin = Volume.wrap(new int[] {48, 48, 10}, ramp(48 * 48 * 10), Affine.identity());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(thin, 2, 4, ProgressListener.SILENT));
        assertEquals(estimator.sizeProblem(thin.shape(), 2, 4).orElseThrow(), e.getMessage());
    }

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) Math.sin(i * 0.37) * 100 + (i % 17);
        }
        return v;
    }

    @Test
    void sameSeedGivesTheSameProfile() throws IOException {
        Volume scan = thickCrop();
        EstimatorOptions options = EstimatorOptions.defaults().withEnsembleSize(1).withIterations(30).withBatchSize(4)
                .withSeed(7)
                .withWarmupIterations(10).withConvergenceStop(false);
        ProfileEstimate a = new ProfileEstimator(options).estimate(scan, 2, 4, ProgressListener.SILENT);
        ProfileEstimate b = new ProfileEstimator(options).estimate(scan, 2, 4, ProgressListener.SILENT);
        assertArrayEquals(a.profile().values(), b.profile().values());
        ProfileEstimate c = new ProfileEstimator(options.withSeed(8)).estimate(scan, 2, 4, ProgressListener.SILENT);
        assertTrue(!java.util.Arrays.equals(a.profile().values(), c.profile().values()), "seed has no effect");
        assertEquals(30, a.iterations());
        assertEquals(0, a.iterationsSaved());
    }

    @Test
    void anEnsembleReturnsItsChosenRunAndReportsEveryRun() throws IOException {
        Volume scan = thickCrop();
        EstimatorOptions one = EstimatorOptions.defaults().withEnsembleSize(1).withIterations(20).withBatchSize(4)
                .withWarmupIterations(5).withConvergenceStop(false).withSeed(3);
        ProfileEstimate ensemble = new ProfileEstimator(one.withEnsembleSize(3))
                .estimate(scan, 2, 4, ProgressListener.SILENT);
        double[] runs = ensemble.runFwhmVoxels();
        assertEquals(3, runs.length);
        assertEquals(60, ensemble.iterations());
        double[] sorted = runs.clone();
        java.util.Arrays.sort(sorted);
        int chosen = EnsembleChoice.choose(runs, ensemble.runMismatch());
        boolean astray = EnsembleChoice.astray(ensemble.runMismatch()[chosen], ensemble.spectralFitMismatch());
        assertEquals(astray ? ensemble.spectralFit().fwhmVoxels() : runs[chosen], ensemble.fwhmVoxels(), 1e-12);
        assertEquals(sorted[2] - sorted[0], ensemble.spreadVoxels(), 1e-12);
        // run m of the ensemble is the single run with seed + m
        ProfileEstimate second = new ProfileEstimator(one.withSeed(4)).estimate(scan, 2, 4, ProgressListener.SILENT);
        assertEquals(second.runFwhmVoxels()[0], runs[1], 1e-12);
        assertEquals(ensemble.runMismatch()[1], second.runMismatch()[0], 1e-12);
        // ... so single runs combine into the same ensemble estimate
        ProfileEstimate first = new ProfileEstimator(one).estimate(scan, 2, 4, ProgressListener.SILENT);
        ProfileEstimate third = new ProfileEstimator(one.withSeed(5)).estimate(scan, 2, 4, ProgressListener.SILENT);
        ProfileEstimate combined = ProfileEstimator.combine(List.of(first, second, third), 4);
        assertArrayEquals(ensemble.profile().values(), combined.profile().values(), 1e-15);
        assertArrayEquals(ensemble.runMismatch(), combined.runMismatch(), 1e-12);
        assertEquals(ensemble.warnings(), combined.warnings());
        assertEquals(ensemble.notes(), combined.notes());
        assertEquals(60, combined.iterations());
    }

    @Test
    void runsThatDisagreeAreWarnedAbout() {
        double[] alike = {0.1, 0.1, 0.1};
        assertTrue(ProfileSanityCheck.ensembleWarnings(new double[] {3.9, 4.1, 4.3}, alike, 4.0).isEmpty());
        assertTrue(ProfileSanityCheck.ensembleWarnings(new double[] {4.0}, new double[] {0.1}, 4.0).isEmpty());
        assertTrue(ProfileSanityCheck.ensembleWarnings(new double[] {3.5, 4.0, 13.0}, alike, 4.0).get(0)
                .contains("disagree"));
        assertTrue(ProfileSanityCheck.ensembleWarnings(new double[] {3.59, 3.76, 5.43}, alike, 4.0).isEmpty(),
                "sound runs");
        assertTrue(ProfileSanityCheck.ensembleWarnings(new double[] {1.79, 10.52, 3.11}, alike, 4.0).get(0)
                .contains("disagree"));
    }

    @Test
    void aLoneKeptRunIsCrossCheckedAgainstTheSpectralFit() {
        // measured along z at scale 2: Gaussian 4 (runs 4.18, 12.77, 12.72; fit 4.35) and rect 5 (3.39, 10.98, 10.98;
        // fit 5.00)
        double[] gaussRuns = {4.18, 12.77, 12.72};
        double[] gaussMismatch = {1.1, 13.8, 13.6};
        assertTrue(ProfileSanityCheck.ensembleWarnings(gaussRuns, gaussMismatch, 4.35).isEmpty());
        List<String> notes = ProfileSanityCheck.ensembleNotes(gaussRuns, gaussMismatch, 4.35);
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(notes.get(2).contains("only GAN run 1 matched") && notes.get(2).contains("confirms"), notes.get(2));
        double[] rectRuns = {3.39, 10.98, 10.98};
        double[] rectMismatch = {2.4, 21.9, 11.3};
        assertTrue(ProfileSanityCheck.ensembleWarnings(rectRuns, rectMismatch, 5.0).get(0)
                .contains("does not confirm it"));
        assertEquals(2, ProfileSanityCheck.ensembleNotes(rectRuns, rectMismatch, 5.0).size());
        // the tolerance: half a voxel, or a quarter of the fit's FWHM
        assertTrue(ProfileSanityCheck.agreesWithFit(1.39, 1.6));
        assertTrue(ProfileSanityCheck.agreesWithFit(7.39, 8.0));
        assertFalse(ProfileSanityCheck.agreesWithFit(1.07, 1.6));
        assertFalse(ProfileSanityCheck.agreesWithFit(5.9, 8.0));
    }

    @Test
    void whenEveryRunWentAstrayTheSpectralFitIsTheEstimate() {
        SliceProfile fit = Profiles.withLength(Profiles.smoothedRect(2, 0.5), 21);
        java.util.function.BiFunction<Double, Double, ProfileEstimate> run = (fwhm, mismatch) -> new ProfileEstimate(
                Profiles.gaussian(fwhm, 21), 1000, 0, 40, List.of(), List.of(), new double[0],
                new PhaseTimes(0, 0, 0, 0, 0, 0, 0), new double[] {Profiles.gaussian(fwhm, 21).fwhmVoxels()},
                new double[] {mismatch}, fit, 0.36);
        // measured at scale 2 on Colin27 (truth Gaussian 2): a run blown up to 14.8 voxels had D 62.5
        ProfileEstimate astray = ProfileEstimator.combine(List.of(run.apply(14.8, 62.5), run.apply(13.0, 70.0),
                run.apply(12.0, 55.0)), 2);
        assertEquals(fit, astray.profile());
        assertTrue(astray.notes().stream().anyMatch(n -> n.contains("went astray")), astray.notes().toString());
        // a sound run stays the estimate even when its D is well above the fit's
        ProfileEstimate sound = ProfileEstimator.combine(List.of(run.apply(8.3, 1.5)), 2);
        assertEquals(8.3, sound.fwhmVoxels(), 0.05);
    }

    @Test
    void anEstimateThatNoProfileExplainsIsWarnedAboutOnTheGansPathToo() {
        // measured: every fourth slice of the 1 mm head labelled 1.2 mm apart, so AUTO ran the GAN at scale 1.2
        // (spectral fit D 84.8); the runs matched no better (D 85-386) and the estimate, 1.00, came with a note only
        SliceProfile impulse = Profiles.withLength(Profiles.gaussian(1.0, 21), 21);
        java.util.function.Function<Double, ProfileEstimate> run = mismatch -> new ProfileEstimate(impulse, 1000, 0,
                40, List.of(), List.of(), new double[0], new PhaseTimes(0, 0, 0, 0, 0, 0, 0),
                new double[] {impulse.fwhmVoxels()}, new double[] {mismatch}, impulse, 84.8);
        ProfileEstimate unexplained = ProfileEstimator.combine(List.of(run.apply(85.4), run.apply(86.0),
                run.apply(85.9)), 1.2);
        assertTrue(unexplained.warnings().stream().anyMatch(w -> w.contains("no profile explains")),
                unexplained.warnings().toString());
        // a run that explains the scan where the fit did not (D 1.5 against 84.8) is not warned about
        assertTrue(ProfileEstimator.combine(List.of(run.apply(1.5)), 1.2).warnings().isEmpty());
        // nor is a fit that explains it, whatever a run's D: the benchmarks' fits all had D at most 0.8
        assertTrue(ProfileSanityCheck.unexplainedWarnings(7.6, 0.3).isEmpty());
        // an in-plane crop of the head (a box of 5 at scale 2): the fit's D 3.12, the runs' 10.6-17.3, the estimate
        // 4.67; sound, so not warned about
        assertTrue(ProfileSanityCheck.unexplainedWarnings(11.8, 3.12).isEmpty());
    }

    @Test
    void aMilderBlowUpIsCaughtByItsExcessOverTheFit() {
        // rect 5 at scale 2 along z (fit D 0.47): runs blown up to 12.9-14.8 voxels had D 16-21, below 30 x 0.47 + 5
        assertTrue(EnsembleChoice.astray(16.07, 0.47));
        assertTrue(16.07 < EnsembleChoice.ASTRAY_RATIO * 0.47 + EnsembleChoice.ASTRAY_ABSOLUTE);
        // sound runs: Gaussian 4 at scale 4 (D 0.86 against the fit's 0.02); Gaussian 4 at scale 2 along y (D 7.57)
        assertFalse(EnsembleChoice.astray(0.86, 0.02));
        assertFalse(EnsembleChoice.astray(7.57, 0.3));
        // a scan that nothing matches well: the excess is over the fit's own D
        assertFalse(EnsembleChoice.astray(14, 6));
        assertTrue(EnsembleChoice.astray(17, 6));
    }

    @Test
    void runsThatDoNotMatchTheScanAreSetAside() {
        // Colin27, Gaussian FWHM 4 at scale 8: two runs of an earlier generator blew up to 13 voxels; a Gaussian of
        // FWHM 13 has D = 16.4 there, one of FWHM 2 has 0.08 (DevSpectral)
        double[] fwhms = {13.01, 13.01, 2.08};
        double[] mismatch = {16.4, 16.4, 0.08};
        assertEquals(2, EnsembleChoice.choose(fwhms, mismatch));
        assertEquals(2, ProfileSanityCheck.ensembleNotes(fwhms, mismatch, 3.69).size());
        // the spectral fit there (3.69) does not confirm the lone run
        assertTrue(ProfileSanityCheck.ensembleWarnings(fwhms, mismatch, 3.69).get(0).contains("only 1 of the 3"));
        // runs that all match: the median FWHM
        assertEquals(1, EnsembleChoice.choose(new double[] {3.5, 3.6, 4.0}, new double[] {0.1, 0.2, 0.5}));
        assertTrue(ProfileSanityCheck.ensembleNotes(new double[] {3.5, 3.6, 4.0}, new double[] {0.1, 0.2, 0.5}, 3.6)
                .isEmpty());
        // no finite mismatch: the median of all
        assertEquals(0, EnsembleChoice.choose(new double[] {4.0, 3.0, 5.0}, new double[] {Double.NaN, Double.NaN,
            Double.NaN}));
    }

    @Test
    void aRunThatMatchesUnusuallyWellDoesNotSetSoundRunsAside() {
        // Colin27, Gaussian 8 at scale 4 along y, GAN seeds 1-3: 4 x 0.165 + 0.5 would set both others aside
        double[] fwhms = {8.16, 7.39, 8.05};
        double[] mismatch = {2.447, 0.165, 1.816};
        assertArrayEquals(new boolean[] {true, true, true}, EnsembleChoice.consistent(mismatch));
        assertEquals(2, EnsembleChoice.choose(fwhms, mismatch));
        assertFalse(EnsembleChoice.needsAnotherRun(mismatch, 3));
        // above the floor the relative tolerance still decides
        assertArrayEquals(new boolean[] {false, true, true},
                EnsembleChoice.consistent(new double[] {EnsembleChoice.FLOOR + 0.1, 0.165, 1.816}));
        assertArrayEquals(new boolean[] {true, true}, EnsembleChoice.consistent(new double[] {4.5, 1.0}));
    }

    @Test
    void runsSetAsideAreReplacedByFurtherRunsUpToTwiceTheEnsemble() {
        // Colin27, Gaussian 4 at scale 4 along z, GAN seeds 7-9: run 7 blew up (FWHM 10.99, D 22.0)
        double[] seeds7to9 = {22.03, 0.41, 0.56};
        assertTrue(EnsembleChoice.needsAnotherRun(seeds7to9, 3));
        assertFalse(EnsembleChoice.needsAnotherRun(new double[] {22.03, 0.41, 0.56, 0.5}, 3));
        // too few runs yet, and runs that all match
        assertTrue(EnsembleChoice.needsAnotherRun(new double[] {0.4, 0.5}, 3));
        assertFalse(EnsembleChoice.needsAnotherRun(new double[] {0.72, 0.96, 1.52}, 3));
        // a single run is never replaced: it is its own best
        assertFalse(EnsembleChoice.needsAnotherRun(new double[] {39.2}, 1));
        assertTrue(EnsembleChoice.needsAnotherRun(new double[0], 1));
        // at most E more runs, and nothing to compare without a finite mismatch
        assertFalse(EnsembleChoice.needsAnotherRun(new double[] {22, 0.4, 31, 25, 28, 0.5}, 3));
        assertFalse(EnsembleChoice.needsAnotherRun(new double[] {Double.NaN, Double.NaN, Double.NaN}, 3));
        assertThrows(IllegalArgumentException.class, () -> EnsembleChoice.needsAnotherRun(new double[0], 0));
    }

    @Test
    void slicesAlongAnyAxisAndNonIntegerScaleAreAccepted() throws IOException {
        Volume scan = thickCrop();
        EstimatorOptions options = EstimatorOptions.defaults().withEnsembleSize(1).withIterations(3).withBatchSize(2)
                .withWarmupIterations(2).withConvergenceStop(false).withMethod(EstimationMethod.GAN);
        Volume slicesFirst = scan.permuted(new int[] {2, 0, 1});
        ProfileEstimate e = new ProfileEstimator(options).estimate(slicesFirst, 0, 2.5, ProgressListener.SILENT);
        assertEquals(21, e.profile().length());
        assertEquals(3, e.iterations());
        ProfileEstimate one = new ProfileEstimator(options).estimate(scan, 2, 1, ProgressListener.SILENT);
        assertEquals(3, one.iterations());
    }

    @Test
    void atSmallScalesTheEstimateIsTheSpectralFit() throws IOException {
        // the whole head, box slices 5 voxels thick every 2 voxels along z: the fit finds the box in seconds
        Volume thick = SimulatedColin27.thickSlices(SimulatedColin27.isotropic(), Profiles.rect(5), 2);
        EstimatorOptions options = EstimatorOptions.defaults().withIterations(5).withWarmupIterations(2)
                .withConvergenceStop(false);
        ProfileEstimate e = new ProfileEstimator(options).estimate(thick, 2, 2, ProgressListener.SILENT);
        assertEquals(0, e.iterations(), "no GAN iterations");
        assertEquals(0, e.runFwhmVoxels().length, "no GAN runs");
        assertArrayEquals(e.spectralFit().values(), e.profile().values(), 0);
        assertEquals(5, e.fwhmVoxels(), 0.5, "a box of 5");
        assertTrue(e.notes().stream().anyMatch(n -> n.startsWith("spectral fit, no GAN runs")
                && n.contains("the default up to scale 2.5")), e.notes().toString());
        // the GAN where the fit explains the scan poorly: the brain without the background around the head
        ProfileEstimate inside = new ProfileEstimator(options.withEnsembleSize(1))
                .estimate(SimulatedColin27.crop(thick, 42, 96, 60, 96), 2, 2, ProgressListener.SILENT);
        assertTrue(inside.spectralFitMismatch() > 2, "fit D " + inside.spectralFitMismatch());
        assertEquals(5, inside.iterations());
        assertTrue(inside.notes().stream().anyMatch(n -> n.contains("explains the slice direction too poorly")),
                inside.notes().toString());
        // the GAN when asked for, and above scale 2.5 by default
        ProfileEstimate gan = new ProfileEstimator(options.withEnsembleSize(1).withMethod(EstimationMethod.GAN))
                .estimate(thick, 2, 2, ProgressListener.SILENT);
        assertEquals(5, gan.iterations());
        assertTrue(EstimationMethod.AUTO.usesGan(2.51));
        assertFalse(EstimationMethod.AUTO.usesGan(2.5));
        assertFalse(EstimationMethod.AUTO.usesGan(1));
        assertFalse(EstimationMethod.SPECTRAL_FIT.usesGan(8));
        assertTrue(EstimationMethod.GAN.usesGan(1));
    }

    @Test
    void warningsFlagImplausibleProfiles() {
        SliceProfile impulse = SliceProfile.impulse(21);
        assertTrue(ProfileSanityCheck.warnings(impulse, 4).isEmpty(), "an impulse is no reason to replace the profile");
        assertTrue(ProfileSanityCheck.notes(impulse, 4).stream().anyMatch(n -> n.contains("close to an impulse")));
        assertTrue(ProfileSanityCheck.notes(SimulatedColin27.gaussian(4, 21), 4).isEmpty());
        double[] flat = new double[21];
        java.util.Arrays.fill(flat, 1);
        assertTrue(ProfileSanityCheck.warnings(new SliceProfile(flat), 4).stream()
                .anyMatch(w -> w.contains("limit of K")));
        assertTrue(ProfileSanityCheck.warnings(new SliceProfile(flat), 4).stream()
                .anyMatch(w -> w.contains("outer taps")));
        assertTrue(ProfileSanityCheck.warnings(SimulatedColin27.gaussian(4, 21), 12).stream()
                .anyMatch(w -> w.contains("K >= 25 is recommended")));
        assertEquals(0, ProfileSanityCheck.warnings(SimulatedColin27.gaussian(4, 21), 4).size());
        assertEquals(0, ProfileSanityCheck.warnings(impulse, 1).size());
    }
}
