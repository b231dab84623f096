package org.smorekit.estimator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which GAN run of an ensemble becomes the estimate. A run is consistent with the scan when its {@link
 * SpectrumMismatch} D is at most {@value #RELATIVE} times the smallest D of the ensemble plus {@value #ABSOLUTE}, or at
 * most {@value #FLOOR} whatever the smallest; among the consistent runs the one with the median FWHM (the lower middle
 * one for an even count) is chosen (all runs count when no mismatch is finite). An ensemble of E replaces the runs it
 * sets aside by further runs, at most E of them ({@link #needsAnotherRun}), so the median is one of E consistent runs
 * rather than the lower of two. The median alone keeps a run that blew up when most runs did (Colin27, Gaussian FWHM 4
 * at scale 8, seeds 1-3 of an earlier generator: {13.01, 13.01, 2.08} voxels; there a Gaussian of FWHM 13 has D = 16.4,
 * one of FWHM 2 has 0.08); the mismatch rule drops such runs first, and leaves a normal ensemble to the median (there D
 * differs by far less than the tolerance). On the grid of docs/benchmarks.md, runs that blew up had D 11-63, the other
 * runs of the same cells 0.35-3.1.
 */
public final class EnsembleChoice {
    /** Tolerance on D relative to the ensemble's smallest. */
    public static final double RELATIVE = 4;
    /** Tolerance on D in absolute terms (a D of 0.5 is a ~28% power mismatch per frequency bin). */
    public static final double ABSOLUTE = 0.5;
    /**
     * A D this small is never a reason to set a run aside (a power mismatch of about 85% per frequency bin). Without
     * it a run that matched the scan unusually well set sound runs aside: Colin27, Gaussian 8 at scale 4 along y, runs
     * of 7.39 (D 0.17), 8.16 (2.4) and 8.05 (1.8) kept only the first, and the estimate was 7.39 after six runs; with
     * it 8.05 after three. On every benchmark of docs/benchmarks.md no run that blew up had a D below 7.9 (at scales 2
     * and 4; at scale 8 D cannot tell them apart at all), and rescored on all of them the floor changed that cell,
     * one estimate with noise (Gaussian 4 at scale 2: 4.62 -> 4.95) and nothing else.
     */
    public static final double FLOOR = 3;

    /** A chosen run whose D exceeds this multiple of the spectral fit's D (plus {@link #ASTRAY_ABSOLUTE})... */
    public static final double ASTRAY_RATIO = 30;
    /** ... went astray, and so did every other run: the fit is the better estimate. */
    public static final double ASTRAY_ABSOLUTE = 5;
    /** So did a chosen run whose D exceeds the fit's by more than this, whatever the ratio. */
    public static final double ASTRAY_EXCESS = 10;

    private EnsembleChoice() {
    }

    /**
     * Whether the chosen run is so far off the scan's power spectra that the spectral fit
     * ({@link SpectrumMismatch#bestSmoothedRect}, {@code bestFitMismatch} its D) is the better estimate: its D exceeds
     * {@value #ASTRAY_RATIO} x the fit's + {@value #ASTRAY_ABSOLUTE}, or the fit's + {@value #ASTRAY_EXCESS}.
     *
     * <p>The ratio was set on the simulated Colin27 at scale 2, one run each (docs/estimator.md): runs that blew up to
     * FWHM 14.8 and 13.0 (truths Gaussian 2 and rect 3) had D 62.5 and 42.9, where the best Gaussians have D of about
     * 0.4 and 0.6 (`DevSpectral`); sound runs had D 1.1-2.4. On the grid with the box-with-Gaussian-edges fit it also
     * catches the bells that rect 9 at scale 2 gave (D 27-37 against 0.68 for the box of 9). It has to be a large
     * ratio: at scale 4 sound runs have D 0.7-1.0 where the fit has 0.02. The excess catches milder blow-ups that
     * pass the ratio: rect 5 at scale 2 (fit D 0.47) with runs of 12.9-14.8 voxels at D 16-21, rect 3 at scale 2
     * (fit D 0.61) with a run of 5.0 voxels at D 16.4 (docs/estimator.md). No chosen run of the default grids along
     * z and y had a D above 6.9 that was not already caught, and the runs that blew up there had D 11.3 and more.
     */
    public static boolean astray(double chosenMismatch, double bestFitMismatch) {
        return chosenMismatch > ASTRAY_RATIO * bestFitMismatch + ASTRAY_ABSOLUTE
                || chosenMismatch > bestFitMismatch + ASTRAY_EXCESS;
    }

    /**
     * Whether an ensemble meant to have {@code ensembleSize} runs should make one more: fewer than that many of the
     * runs made so far are {@link #consistent}, and fewer than twice that many runs were made. Without it, an
     * ensemble of three that set one run aside took the lower of the two kept ones: on Colin27 at scale 4 along z,
     * seeds 7-9, Gaussian 4 gave 2.66 (kept 2.66 and 3.92) and rect 5 gave 1.87 (kept 1.87 and 3.57), the two worst
     * estimates of that row (docs/benchmarks.md, "Stability").
     *
     * @param mismatch     the spectrum mismatch D of each run made so far
     * @param ensembleSize the number of consistent runs wanted, at least 1
     */
    public static boolean needsAnotherRun(double[] mismatch, int ensembleSize) {
        if (ensembleSize < 1) {
            throw new IllegalArgumentException("ensemble size must be at least 1, got " + ensembleSize);
        }
        if (mismatch.length < ensembleSize) {
            return true;
        }
        if (mismatch.length >= 2 * ensembleSize) {
            return false;
        }
        int kept = 0;
        for (boolean ok : consistent(mismatch)) {
            kept += ok ? 1 : 0;
        }
        return kept > 0 && kept < ensembleSize; // none consistent: no finite D, and every run counts (choose)
    }

    /** @return for each run, whether its mismatch is within the tolerance of the ensemble's best */
    public static boolean[] consistent(double[] mismatch) {
        double best = Double.POSITIVE_INFINITY;
        for (double d : mismatch) {
            best = Math.min(best, d);
        }
        boolean[] ok = new boolean[mismatch.length];
        for (int i = 0; i < mismatch.length; i++) {
            ok[i] = mismatch[i] <= Math.max(RELATIVE * best + ABSOLUTE, FLOOR);
        }
        return ok;
    }

    /**
     * @param fwhmVoxels the runs' FWHMs
     * @param mismatch   the runs' spectrum mismatch D, same order
     * @return the index of the chosen run
     */
    public static int choose(double[] fwhmVoxels, double[] mismatch) {
        if (fwhmVoxels.length == 0 || fwhmVoxels.length != mismatch.length) {
            throw new IllegalArgumentException("need one mismatch per run and at least one run, got "
                    + fwhmVoxels.length + " FWHMs and " + mismatch.length + " mismatches");
        }
        boolean[] ok = consistent(mismatch);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < ok.length; i++) {
            if (ok[i]) {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            for (int i = 0; i < ok.length; i++) {
                kept.add(i);
            }
        }
        kept.sort(Comparator.comparingDouble(i -> fwhmVoxels[i]));
        return kept.get((kept.size() - 1) / 2);
    }
}
