package org.smorekit.estimator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smorekit.degrade.SliceProfile;

/**
 * Checks an estimated profile. {@link #warnings} are reasons to distrust it, which must not be passed on silently (a
 * too wide profile teaches super-resolution to over-sharpen, worse than none): FWHM at the length limit of K, mass at
 * the borders, K short for the scale. {@link #notes} are worth knowing but no reason to replace the profile: a profile
 * close to an impulse at scale > 1 means slices much thinner than their spacing (a slice gap) or no blur the GAN could
 * find; super-resolution trained with it removes aliasing without deblurring, which is measured to be the safe side
 * (docs/benchmarks.md, the gap case).
 */
final class ProfileSanityCheck {
    /** Border mass k_0 + k_1 + k_{K-2} + k_{K-1} above which the profile is probably truncated. */
    static final double BORDER_MASS_LIMIT = 0.05;
    /**
     * A relative profile this narrow (voxels) at scale > 1 deserves a note. With the half-maximum rule an impulse
     * measures exactly 1.0 (a half-voxel ramp on each side), so nothing below 1 exists; a profile within 0.1 voxel of
     * the impulse the GAN starts from means a slice far thinner than its spacing, or a GAN that found nothing to learn.
     */
    static final double MIN_FWHM_VOXELS = 1.1;
    /** Spread of the runs' FWHMs (voxels) above which, together with {@link #SPREAD_LIMIT_RATIO}, they disagree. */
    static final double SPREAD_LIMIT_VOXELS = 1.0;
    /** Ratio of the widest to the narrowest run's FWHM above which, with {@link #SPREAD_LIMIT_VOXELS}, they disagree. */
    static final double SPREAD_LIMIT_RATIO = 2.0;
    /** Absolute tolerance (voxels) of {@link #agreesWithFit}. */
    static final double FIT_AGREEMENT_VOXELS = 0.5;
    /** Relative tolerance (of the fit's FWHM) of {@link #agreesWithFit}. */
    static final double FIT_AGREEMENT_RATIO = 0.25;

    private ProfileSanityCheck() {
    }

    /**
     * Largest spectrum mismatch D of a spectral fit that is read as a blur. Set on SR outputs of Colin27 at scale 4
     * (`evaluate`) with the fit before it allowed for noise: up to 1.51 for SR worth measuring (SR with the estimated
     * profile on the 6 mm scan, 32.91 dB), 2.34 for the SR that was worse than cubic interpolation (the assumed 4 mm
     * profile on the 2 mm scan: 28.99 against 31.10 dB); blurred Colin27 itself 0.13-0.31 at scale 1, 0.73 at most on
     * the scale-2 grid. Above it no blur of the in-plane rows explains the slice direction's power spectra: it carries
     * detail in-plane has not, and the fitted width is not a blur. The noise-aware fit the meter uses
     * ({@link SpectrumMismatch#withNoise}) can only lower D: white-noise-like artifacts no longer count (the SR output
     * at scale 12, D 4.43 without the noise term, 1.27 with it; the demo's 13-second `--quick` SR, 10.4 and 0.26).
     */
    static final double MAX_FIT_MISMATCH = 2;

    /**
     * Smallest spectrum mismatch D at which neither a GAN estimate nor its spectral fit is read as explaining the scan
     * ({@link #unexplainedWarnings}). Higher than {@link #MAX_FIT_MISMATCH} because scans that are not whole heads
     * have larger D without being wrong: on an in-plane crop of the simulated head (the brain alone, 80 x 110 voxels,
     * a box of 5 at scale 2) the fit's D was 3.12 and the GAN's runs 10.6-17.3 for an estimate of 4.67 voxels; on the
     * benchmarks' whole heads every fit's D was at most 0.8. A scan whose slices were every fourth of the 1 mm head,
     * labelled 1.2 mm apart: fit 84.8, best run 85.4.
     */
    static final double UNEXPLAINED_MISMATCH = 10;

    /**
     * The warning for a GAN estimate when its D and its spectral fit's are both above {@link #UNEXPLAINED_MISMATCH},
     * or none: no profile explains the slice direction. The mislabelled scan above passed with a note that its FWHM of
     * 1.00 was near an impulse.
     */
    static List<String> unexplainedWarnings(double estimateMismatch, double fitMismatch) {
        double best = Math.min(estimateMismatch, fitMismatch);
        if (!(best > UNEXPLAINED_MISMATCH)) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "no profile explains the slice direction: the estimate's spectrum"
                + " mismatch D is %.3g and the best box with Gaussian edges' %.3g (both above %.0f; the fit's D stayed"
                + " below 1 on every simulated head benchmarked): the slices have detail no blur of the in-plane rows"
                + " gives (artifacts along the axis, or a slice spacing that is not the acquisition's?), so the"
                + " estimated FWHM is not a blur",
                estimateMismatch, fitMismatch, UNEXPLAINED_MISMATCH));
    }

    /** The warning for a spectral fit whose D is above {@link #MAX_FIT_MISMATCH}, or none. */
    static List<String> fitWarnings(double fitMismatch) {
        if (!(fitMismatch > MAX_FIT_MISMATCH)) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "the slice direction's power spectra match no blur of the in-plane"
                + " rows (mismatch D %.2f, above %.1f): it has detail the in-plane rows have not (artifacts along the"
                + " axis?), so the fitted FWHM is not a blur", fitMismatch, MAX_FIT_MISMATCH));
    }

    /** GAN runs shorter than this get {@link #shortRunNote}: the shortest measured to leave the impulse. */
    static final int SHORT_RUN_ITERATIONS = 300;

    /**
     * A note when GAN runs of {@code iterations} are too short to trust: the first
     * {@value GanRun#DISCRIMINATOR_HEAD_START} update only the discriminator, so the generator's profile leaves its
     * warm-up impulse only after them. Measured on the 4 mm sample (Gaussian 4 at scale 4, 3 runs): 100 iterations per
     * run gave 1.12 voxels, 300 gave 3.20, 500 gave 4.05, the default 1000 gives 4.03.
     */
    static Optional<String> shortRunNote(int iterations) {
        if (iterations >= SHORT_RUN_ITERATIONS) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "GAN runs of %d iterations are too short to trust: %s, so the"
                + " profile may still be the impulse the runs start from (on the 4 mm sample 100 iterations per run"
                + " gave 1.12 voxels, 300 gave 3.20, the default %d gives 4.03)", iterations,
                iterations <= GanRun.DISCRIMINATOR_HEAD_START ? "the generator took no adversarial step (the first "
                        + GanRun.DISCRIMINATOR_HEAD_START + " train only the discriminator)"
                        : "the generator took only " + (iterations - GanRun.DISCRIMINATOR_HEAD_START)
                                + " adversarial steps after the discriminator's head start",
                EstimatorOptions.DEFAULT_ITERATIONS));
    }

    /** Share of the finest detail's power above which a noise-aware fit says that noise explains most of it. */
    static final double NOISE_NOTE_SHARE = 0.5;

    /**
     * A note when a noise-aware spectral fit of a blur (FWHM above {@link #MIN_FWHM_VOXELS}; for an impulse the noise
     * term changes nothing and its share means nothing) attributes more than {@link #NOISE_NOTE_SHARE} of the slice
     * direction's power at a period of 2 voxels to white noise.
     */
    static Optional<String> noiseNote(SliceProfile profile, double noiseShare) {
        if (!(noiseShare > NOISE_NOTE_SHARE) || !(profile.fwhmVoxels() > MIN_FWHM_VOXELS)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%.0f%% of the slice direction's power at a period of 2 voxels"
                + " is explained as white noise (noise, or artifacts that look like it), not as detail; the FWHM is"
                + " that of the blur under it", 100 * noiseShare));
    }

    /** Smallest odd K that leaves room for a profile about as wide as the slice spacing plus its tails: 2 ceil(s) + 1. */
    static int recommendedLength(double scale) {
        return 2 * (int) Math.ceil(scale - 1e-9) + 1;
    }

    /** Smallest odd K accepted at all: one that can hold a rect as wide as the slice spacing, 2 ceil(s / 2) + 1. */
    static int minimumLength(double scale) {
        return 2 * (int) Math.ceil(scale / 2 - 1e-9) + 1;
    }

    static List<String> warnings(SliceProfile profile, double scale) {
        List<String> out = new ArrayList<>();
        int k = profile.length();
        double fwhm = profile.fwhmVoxels();
        if (k < recommendedLength(scale)) {
            out.add(String.format("profile length K = %d is short for scale %.3g; K >= %d is recommended",
                    k, scale, recommendedLength(scale)));
        }
        if (fwhm >= k - 3) {
            out.add(String.format("FWHM %.2f voxels is at the limit of K = %d taps; the profile is probably truncated,"
                    + " rerun with a longer profile", fwhm, k));
        }
        double border = profile.value(0) + profile.value(k - 1) + (k >= 4 ? profile.value(1) + profile.value(k - 2) : 0);
        if (border > BORDER_MASS_LIMIT) {
            out.add(String.format("%.1f%% of the profile mass sits in the two outer taps at each border"
                    + " (limit %.0f%%); the estimate is implausible", 100 * border, 100 * BORDER_MASS_LIMIT));
        }
        return out;
    }

    /**
     * Warnings about an ensemble: its consistent runs ({@link EnsembleChoice#consistent}) disagree when the widest is
     * more than {@value #SPREAD_LIMIT_RATIO} times as wide as the narrowest and they differ by more than
     * {@value #SPREAD_LIMIT_VOXELS} voxel: one of them may still be right, but which is unknown. Measured: runs gave
     * {1.8, 10.5, 3.1} and {11.2, 9.3, 5.2} voxels; sound runs on the sample gave {3.6, 3.8, 5.4} (true 4), which a
     * tighter 30%-of-the-median rule flagged. An ensemble of three or more runs of which only one is consistent is
     * checked against the spectral fit instead ({@link #agreesWithFit}); when they differ, a warning too.
     *
     * @param fitFwhm the FWHM (voxels) of the spectral fit, the plain second-order match the runs are checked against
     */
    static List<String> ensembleWarnings(double[] runFwhms, double[] runMismatch, double fitFwhm) {
        if (runFwhms.length < 2) {
            return List.of();
        }
        boolean[] ok = EnsembleChoice.consistent(runMismatch);
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < ok.length; i++) {
            if (ok[i]) {
                kept.add(runFwhms[i]);
            }
        }
        if (kept.size() == 1 && runFwhms.length >= 3) {
            return agreesWithFit(kept.get(0), fitFwhm) ? List.of() : List.of(String.format(Locale.ROOT, "only 1 of"
                    + " the %d GAN runs matched the scan's statistics (FWHMs %s voxels, mismatch %s), and the spectral"
                    + " fit (FWHM %.2f) does not confirm it: the estimate could not be cross-checked", runFwhms.length,
                    formatted(runFwhms), formatted(runMismatch), fitFwhm));
        }
        double lo = kept.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = kept.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (hi - lo > SPREAD_LIMIT_VOXELS && hi > SPREAD_LIMIT_RATIO * lo) {
            return List.of(String.format(Locale.ROOT, "the %d GAN runs disagree: FWHMs %s voxels (spread %.2f among the"
                    + " %d that matched the scan); the estimate is uncertain", runFwhms.length, formatted(runFwhms),
                    hi - lo, kept.size()));
        }
        return List.of();
    }

    /**
     * Notes about an ensemble: which runs were set aside because their profile did not match the scan, and, when a
     * single run of three or more was kept, that the spectral fit confirms it.
     */
    static List<String> ensembleNotes(double[] runFwhms, double[] runMismatch, double fitFwhm) {
        boolean[] ok = EnsembleChoice.consistent(runMismatch);
        List<String> out = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < ok.length; i++) {
            if (ok[i]) {
                kept.add(i);
            } else {
                out.add(String.format(Locale.ROOT, "GAN run %d (FWHM %.2f voxels) set aside: its degraded rows do not"
                        + " match the scan's slice direction (spectrum mismatch %.3g, best run %.3g)", i + 1,
                        runFwhms[i], runMismatch[i], Arrays.stream(runMismatch).min().orElse(0)));
            }
        }
        if (kept.size() == 1 && ok.length >= 3 && agreesWithFit(runFwhms[kept.get(0)], fitFwhm)) {
            int lone = kept.get(0);
            out.add(String.format(Locale.ROOT, "only GAN run %d matched the scan's statistics; the spectral fit"
                    + " (FWHM %.2f voxels) confirms its FWHM of %.2f", lone + 1, fitFwhm, runFwhms[lone]));
        }
        return out;
    }

    /**
     * Whether a lone GAN run and the spectral fit agree: FWHMs within {@value #FIT_AGREEMENT_VOXELS} voxel or
     * {@value #FIT_AGREEMENT_RATIO} of the fit's, whichever is more. Measured where a single run of three was kept (the
     * grids of docs/benchmarks.md): Gaussian 4 at scale 2 (runs 4.18 and 3.83, fit 4.35) and Gaussian 8 at scale 4
     * along y (7.39, fit 8.00) agree; rect 5 at scale 2 (3.39, fit 5.00) does not.
     */
    static boolean agreesWithFit(double runFwhm, double fitFwhm) {
        return Math.abs(runFwhm - fitFwhm) <= Math.max(FIT_AGREEMENT_VOXELS, FIT_AGREEMENT_RATIO * fitFwhm);
    }

    /** The note when every run went astray and the best-matching smoothed rect became the estimate. */
    static String astrayNote(double[] runFwhms, double bestRunMismatch, SliceProfile fit, double fitMismatch) {
        return String.format(Locale.ROOT, "every GAN run went astray (FWHMs %s voxels, spectrum mismatch %.3g at best,"
                + " against %.3g for a box with Gaussian edges of FWHM %.2f): the profile is that one, the plain"
                + " second-order match", formatted(runFwhms), bestRunMismatch, fitMismatch, fit.fwhmVoxels());
    }

    private static String formatted(double[] values) {
        return Arrays.toString(Arrays.stream(values).mapToObj(f -> String.format(Locale.ROOT, "%.2f", f)).toArray());
    }

    static List<String> notes(SliceProfile profile, double scale) {
        double fwhm = profile.fwhmVoxels();
        if (scale > 1 + 1e-6 && fwhm < MIN_FWHM_VOXELS) {
            return List.of(String.format("FWHM %.2f voxels is close to an impulse (1.0) at scale %.3g: the slices are"
                    + " much thinner than their spacing (a slice gap), or the estimator found no blur to learn;"
                    + " super-resolution with this profile removes aliasing but does not deblur", fwhm, scale));
        }
        return List.of();
    }
}
