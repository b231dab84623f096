package org.smorekit.estimator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Affine;
import org.smorekit.volume.NoiseLevel;
import org.smorekit.volume.SliceGeometry;
import org.smorekit.volume.Volume;

/**
 * Estimates the relative slice profile of one thick-slice scan by matching internal patch distributions with a GAN
 * (ESPRESO: Han et al., "MR slice profile estimation by learning to match internal patch distributions", IPMI 2021).
 *
 * <p>Patches (16 slices x L in-plane voxels, from x-z and y-z planes, with flips, centred in the foreground) come
 * from a {@link PatchSampler}; each {@link GanRun} learns k from one seed; with
 * {@link EstimatorOptions#ensembleSize()} > 1 the runs whose degraded rows match the scan's second-order statistics
 * ({@link SpectrumMismatch}) are kept, the one with the median FWHM among them is the result ({@link EnsembleChoice}),
 * and the spread of the runs is checked ({@link ProfileSanityCheck}). See docs/estimator.md for every choice and the
 * measurements behind it.
 */
public final class ProfileEstimator {
    private static final int ROWS = PatchDegradation.OUT;
    private final EstimatorOptions options;

    public ProfileEstimator(EstimatorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public EstimatorOptions options() {
        return options;
    }

    /**
     * @param scan      the thick-slice scan, any orientation
     * @param sliceAxis the slice (low-resolution) voxel axis, 0..2
     * @param scale     slice spacing / in-plane spacing, finite and >= 1 (non-integer allowed; 1 measures the
     *                  remaining blur of a super-resolved volume)
     * @param progress  receives "estimate" progress; use {@link ProgressListener#SILENT} for none
     * @throws IllegalArgumentException for a bad axis or scale, a profile length too short for the scale, a scan with
     *                                  too few slices or too small in-plane to sample patches, or a constant scan
     */
    public ProfileEstimate estimate(Volume scan, int sliceAxis, double scale, ProgressListener progress) {
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        Patches patches = patches(scan, sliceAxis, scale);
        PatchSampler sampler = patches.sampler();
        PatchDegradation degradation = patches.degradation();
        int kLen = options.profileLength();
        long setupEnd = System.nanoTime();

        NoiseLevel noise = patches.noise();
        double matched = options.noiseMatching() && noise.noisy() ? noise.sigma() : 0;
        SpectrumMismatch mismatch = new SpectrumMismatch(sampler, degradation, matched * matched);
        SpectrumMismatch.Fit spectralFit = mismatch.bestSmoothedRect(kLen);
        if (!options.method().usesGan(scale, spectralFit.mismatch())) {
            ProfileEstimate alone = fitAlone(spectralFit, scale, String.format(Locale.ROOT, "spectral fit, no GAN"
                    + " runs: the box with Gaussian edges whose degraded rows match the slice direction's power spectra"
                    + " best (mismatch D %.3f); %s", spectralFit.mismatch(), options.method() == EstimationMethod.AUTO
                    ? "the default up to scale " + SliceGeometry.num(EstimationMethod.SPECTRAL_FIT_MAX_SCALE)
                    + ", where it was more accurate than the GAN on the benchmarks (docs/estimator.md, \"The"
                    + " spectral fit at small scales\")" : "as asked"), System.nanoTime() - start);
            return matched == 0 ? alone : alone.withNote(noisyNote(noise));
        }
        SliceProfile fit = spectralFit.profile();
        double fitMismatch = spectralFit.mismatch();
        GanRun gan = new GanRun(options, sampler, degradation, matched);
        int members = options.ensembleSize();
        List<ProfileEstimate> runs = new ArrayList<>();
        for (int m = 0; EnsembleChoice.needsAnotherRun(mismatches(runs), members); m++) {
            long runStart = System.nanoTime();
            GanRun.Result r = gan.run(options.seed() + m, progress, m, Math.max(members, m + 1));
            SliceProfile k = new SliceProfile(r.profile());
            runs.add(new ProfileEstimate(k, r.iterations(), options.iterations() - r.iterations(),
                    (System.nanoTime() - runStart) / 1e9, ProfileSanityCheck.warnings(k, scale),
                    ProfileSanityCheck.notes(k, scale), r.fwhmTrace(), r.timing(), new double[] {k.fwhmVoxels()},
                    new double[] {mismatch.of(r.profile())}, fit, fitMismatch));
        }
        progress.finish("estimate");
        PhaseTimes setup = new PhaseTimes(0, 0, 0, 0, 0, 0, (setupEnd - start) / 1e6);
        ProfileEstimate combined = combine(runs, scale, setup, System.nanoTime() - start);
        if (runs.size() > members) {
            combined = combined.withNote(String.format(Locale.ROOT, "%d more GAN run%s (seed%s %s) made in place of"
                    + " runs set aside", runs.size() - members, runs.size() - members > 1 ? "s" : "",
                    runs.size() - members > 1 ? "s" : "", seedRange(options.seed() + members,
                            options.seed() + runs.size() - 1)));
        }
        combined = ProfileSanityCheck.shortRunNote(options.iterations()).map(combined::withNote).orElse(combined);
        if (!options.method().usesGan(scale)) {
            combined = combined.withNote(String.format(Locale.ROOT, "GAN runs at scale %s: the spectral fit (%.2f"
                    + " voxels), taken up to scale %s, explains the slice direction too poorly (mismatch D %.2f, above"
                    + " %s)", SliceGeometry.num(scale), fit.fwhmVoxels(),
                    SliceGeometry.num(EstimationMethod.SPECTRAL_FIT_MAX_SCALE), fitMismatch,
                    SliceGeometry.num(ProfileSanityCheck.MAX_FIT_MISMATCH)));
        }
        return matched == 0 ? combined : combined.withNote(noisyNote(noise));
    }

    private static String noisyNote(NoiseLevel noise) {
        return String.format(Locale.ROOT, "the scan is noisy (SNR %.3g in the head, below %.0f): its noise was given"
                + " the same covariance in both directions compared (docs/estimator.md, \"Noise\")", noise.snr(),
                NoiseLevel.NOISY_SNR);
    }

    /**
     * The spectral fit alone, without GAN runs: the box with Gaussian edges (Gaussians and boxes included) whose
     * degraded rows match the power spectra of the slice direction best, with white noise allowed for in both
     * directions ({@link SpectrumMismatch#bestSmoothedRect(int, boolean)}, {@link SpectrumMismatch#withNoise}), in
     * seconds rather than minutes. At scale 1 nothing aliases, so the rows' power spectra show the profile's whole
     * |K|^2 and this second-order match is well posed: on Colin27 blurred along z (no subsampling) it gives 1.07, 2.12,
     * 4.08 and 6.27 voxels for no blur and Gaussians of 2, 4 and 6, and 4.00 for a box of 4; with white noise of
     * standard deviation 4 added after the blur 2.67, 4.00 and 9.00 for the Gaussians, where a match without the noise
     * term reads every one of them as no blur (docs/metrics.md, "Remaining through-plane blur"). At larger scales
     * aliasing hides part of |K|^2 and the fit is biased on real anatomy; {@link #estimate} is the estimator there.
     *
     * @return an estimate with no GAN runs: 0 iterations, the fit as the profile and as {@code spectralFit}, the sanity
     *         check's warnings (also when no blur explains the slice direction's spectra: D above
     *         {@link ProfileSanityCheck#MAX_FIT_MISMATCH}) and notes, a note that says how it was found, and one when
     *         the fitted noise explains most of the finest detail along the axis
     * @throws IllegalArgumentException as {@link #estimate}
     */
    public ProfileEstimate spectralFit(Volume scan, int sliceAxis, double scale) {
        long start = System.nanoTime();
        Patches patches = patches(scan, sliceAxis, scale);
        SpectrumMismatch.Fit fit = new SpectrumMismatch(patches.sampler(), patches.degradation())
                .bestSmoothedRect(options.profileLength(), true);
        return fitAlone(fit, scale, String.format(Locale.ROOT, "spectral fit, no GAN runs: the box with Gaussian"
                + " edges whose degraded rows match the slice direction's power spectra best, white noise allowed for"
                + " (mismatch D %.3f)", fit.mismatch()), System.nanoTime() - start);
    }

    /** The estimate that is {@code fit} alone: no GAN runs, the sanity check's and the fit's warnings and notes. */
    private static ProfileEstimate fitAlone(SpectrumMismatch.Fit fit, double scale, String how, long nanos) {
        SliceProfile profile = fit.profile();
        List<String> notes = new ArrayList<>(ProfileSanityCheck.notes(profile, scale));
        notes.add(how);
        ProfileSanityCheck.noiseNote(profile, fit.noiseShare()).ifPresent(notes::add);
        double seconds = nanos / 1e9;
        List<String> warnings = new ArrayList<>(ProfileSanityCheck.warnings(profile, scale));
        warnings.addAll(ProfileSanityCheck.fitWarnings(fit.mismatch()));
        return new ProfileEstimate(profile, 0, 0, seconds, warnings, notes,
                new double[0], new PhaseTimes(0, 0, 0, 0, 0, 0, seconds * 1e3), new double[0], new double[0], profile,
                fit.mismatch());
    }

    /** The patches both estimates learn from, after the checks of {@link #estimate}. */
    Patches patches(Volume scan, int sliceAxis, double scale) {
        Objects.requireNonNull(scan, "scan");
        if (sliceAxis < 0 || sliceAxis > 2) {
            throw new IllegalArgumentException("sliceAxis must be 0, 1 or 2, got " + sliceAxis);
        }
        if (!Double.isFinite(scale) || !(scale >= 1)) {
            throw new IllegalArgumentException("scale must be a finite number >= 1, got " + scale);
        }
        int kLen = options.profileLength();
        int minK = ProfileSanityCheck.minimumLength(scale);
        if (kLen < minK) {
            throw new IllegalArgumentException("profile length K = " + kLen + " is too short for scale " + scale
                    + ": need K >= " + minK + " (recommended " + ProfileSanityCheck.recommendedLength(scale) + ")");
        }
        Optional<String> tooSmall = sizeProblem(scan.shape(), sliceAxis, scale);
        if (tooSmall.isPresent()) {
            throw new IllegalArgumentException(tooSmall.get());
        }
        NativeThreads.set(options.threads());
        Volume oriented = sliceAxisLast(scan, sliceAxis);
        PatchDegradation degradation = new PatchDegradation(kLen, scale);
        float[] scaled = IntensityScaling.scaled(oriented.toArray());
        return new Patches(new PatchSampler(scaled, oriented.shape(), degradation.patchLength()), degradation,
                NoiseLevel.measure(Volume.wrap(oriented.shape(), scaled, Affine.identity()), 2)
                        .orElse(new NoiseLevel(0, 0, 0)));
    }

    /** The scan with its slice axis moved to the last (z) position, as the patch sampler reads it. */
    private static Volume sliceAxisLast(Volume scan, int sliceAxis) {
        int[] order = sliceAxis == 2 ? new int[] {0, 1, 2} : sliceAxis == 0 ? new int[] {1, 2, 0} : new int[] {0, 2, 1};
        return scan.permuted(order);
    }

    /** Patches of a scan, their degradation at its scale, and the scan's noise in the patches' units. */
    record Patches(PatchSampler sampler, PatchDegradation degradation, NoiseLevel noise) {
    }

    /**
     * Why a scan of this shape is too small to estimate a profile from, or empty if it is large enough: the patches
     * are {@value #ROWS} slices by L in-plane voxels, L = the span of {@value #ROWS} slices at this scale plus the
     * profile length K - 1 (81 at scale 4 with K = 21), so the scan needs at least {@value #ROWS} slices along the
     * slice axis and one in-plane size of at least L. {@link #estimate} refuses a smaller scan with this message;
     * callers can ask first, e.g. to refuse before writing anything.
     *
     * @param shape     the scan's shape (3 sizes)
     * @param sliceAxis the slice axis, 0..2
     * @param scale     slice spacing / in-plane spacing, finite and >= 1
     */
    public Optional<String> sizeProblem(int[] shape, int sliceAxis, double scale) {
        if (shape == null || shape.length != 3) {
            throw new IllegalArgumentException("shape needs 3 sizes");
        }
        if (sliceAxis < 0 || sliceAxis > 2) {
            throw new IllegalArgumentException("sliceAxis must be 0, 1 or 2, got " + sliceAxis);
        }
        if (shape[sliceAxis] < ROWS) {
            return Optional.of("need at least " + ROWS + " slices along axis " + sliceAxis
                    + " to sample patches, got " + shape[sliceAxis]);
        }
        int length = new PatchDegradation(options.profileLength(), scale).patchLength();
        int a = shape[(sliceAxis + 1) % 3];
        int b = shape[(sliceAxis + 2) % 3];
        if (a < length && b < length) {
            int[] inPlane = sliceAxis == 1 ? new int[] {b, a} : new int[] {a, b};
            return Optional.of("in-plane size " + inPlane[0] + " x " + inPlane[1] + " is shorter than the patch"
                    + " length " + length + " (" + ROWS + " slices at scale "
                    + SliceGeometry.num(scale) + " and a " + options.profileLength() + "-tap profile)");
        }
        return Optional.empty();
    }

    /**
     * The ensemble estimate of GAN runs made separately (each an estimate with {@code ensembleSize} 1 on the same scan
     * and scale, e.g. with seeds s, s + 1, ...): exactly what {@link #estimate} returns for their seeds, without running
     * them again. The chosen run is {@link EnsembleChoice}'s; iterations, saved iterations, seconds and timing are
     * summed; the notes every run carries about the scan rather than its own profile (that the scan is noisy) are
     * kept.
     */
    public static ProfileEstimate combine(List<ProfileEstimate> runs, double scale) {
        double seconds = runs.stream().mapToDouble(ProfileEstimate::seconds).sum();
        return combine(runs, scale, new PhaseTimes(0, 0, 0, 0, 0, 0, 0), (long) (seconds * 1e9));
    }

    private static ProfileEstimate combine(List<ProfileEstimate> runs, double scale, PhaseTimes extra, long nanos) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("need at least one GAN run to combine");
        }
        double[] fwhms = runs.stream().flatMapToDouble(r -> Arrays.stream(r.runFwhmVoxels())).toArray();
        double[] mismatch = mismatches(runs);
        if (fwhms.length != runs.size()) {
            throw new IllegalArgumentException("combine single GAN runs, not ensembles: got " + fwhms.length
                    + " runs in " + runs.size() + " estimates");
        }
        int chosenIndex = EnsembleChoice.choose(fwhms, mismatch);
        ProfileEstimate chosen = runs.get(chosenIndex);
        SliceProfile fit = chosen.spectralFit();
        double fitMismatch = chosen.spectralFitMismatch();
        boolean astray = EnsembleChoice.astray(mismatch[chosenIndex], fitMismatch);
        SliceProfile profile = astray ? fit : chosen.profile();
        List<String> warnings = new ArrayList<>(ProfileSanityCheck.warnings(profile, scale));
        List<String> notes = new ArrayList<>(ProfileSanityCheck.notes(profile, scale));
        if (astray) {
            notes.add(ProfileSanityCheck.astrayNote(fwhms, mismatch[chosenIndex], fit, fitMismatch));
        } else {
            warnings.addAll(ProfileSanityCheck.ensembleWarnings(fwhms, mismatch, fit.fwhmVoxels()));
            notes.addAll(ProfileSanityCheck.ensembleNotes(fwhms, mismatch, fit.fwhmVoxels()));
        }
        warnings.addAll(ProfileSanityCheck.unexplainedWarnings(astray ? fitMismatch : mismatch[chosenIndex],
                fitMismatch));
        PhaseTimes timing = extra;
        int iterations = 0;
        int saved = 0;
        for (ProfileEstimate r : runs) {
            timing = timing.plus(r.timing());
            iterations += r.iterations();
            saved += r.iterationsSaved();
        }
        for (String note : scanNotes(runs, scale)) {
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        return new ProfileEstimate(profile, iterations, saved, nanos / 1e9, warnings, notes, chosen.fwhmTrace(),
                timing, fwhms, mismatch, fit, fitMismatch);
    }

    /** The spectrum mismatch D of each single run, in order. */
    public static double[] mismatches(List<ProfileEstimate> runs) {
        return runs.stream().flatMapToDouble(r -> Arrays.stream(r.runMismatch())).toArray();
    }

    private static String seedRange(long first, long last) {
        return first == last ? Long.toString(first) : first + "-" + last;
    }

    /** The notes every run carries that are not about its own profile: the scan's (e.g. that it is noisy). */
    private static List<String> scanNotes(List<ProfileEstimate> runs, double scale) {
        List<String> common = null;
        for (ProfileEstimate r : runs) {
            List<String> own = new ArrayList<>(r.notes());
            own.removeAll(ProfileSanityCheck.notes(r.profile(), scale));
            if (common != null) {
                own.retainAll(common);
            }
            common = own;
        }
        return common;
    }
}
