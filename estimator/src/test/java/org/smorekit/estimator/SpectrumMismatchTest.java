package org.smorekit.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smorekit.degrade.Profiles;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * On an exactly isotropic texture (white noise) blurred along z with a Gaussian of FWHM 4 and sampled every 2 voxels,
 * both branches of G(I) have the same power spectrum exactly when k is the truth: the mismatch is smallest near FWHM 4
 * and grows on both sides; a profile that blew up to the length of K is far off.
 */
class SpectrumMismatchTest {

    private static SpectrumMismatch onNoise(double trueFwhm, double scale) {
        return onNoise(Profiles.gaussian(trueFwhm), scale);
    }

    private static SpectrumMismatch onNoise(org.smorekit.degrade.SliceProfile truth, double scale) {
        return onNoise(truth, scale, 0);
    }

    /** As {@link #onNoise(org.smorekit.degrade.SliceProfile, double)}, with white noise of {@code sigma} added after. */
    private static SpectrumMismatch onNoise(org.smorekit.degrade.SliceProfile truth, double scale, double sigma) {
        Volume thick = texture(truth, scale, sigma);
        PatchDegradation degradation = new PatchDegradation(21, scale);
        return new SpectrumMismatch(new PatchSampler(IntensityScaling.scaled(thick.toArray()), thick.shape(),
                degradation.patchLength()), degradation);
    }

    /** White noise 96^3 (an isotropic texture) degraded along z, then uniform noise of {@code sigma} added. */
    private static Volume texture(org.smorekit.degrade.SliceProfile truth, double scale, double sigma) {
        int n = 96;
        float[] noise = new float[n * n * n];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rnd.nextDouble();
        }
        Volume thick = BenchmarkScan.simulate(Volume.wrap(new int[] {n, n, n}, noise, Affine.identity()),
                truth, scale, 2);
        float[] d = thick.toArray();
        for (int i = 0; i < d.length; i++) {
            d[i] += (float) (sigma * (rnd.nextDouble() * 2 - 1) * Math.sqrt(3));
        }
        return thick.withData(d);
    }

    /** The blurred texture at scale 1 with noise of {@code sigma}, and D told the noise's variance. */
    private static SpectrumMismatch knowingTheNoise(double sigma) {
        float[] d = texture(Profiles.gaussian(4), 1, sigma).toArray();
        float[] scaled = IntensityScaling.scaled(d);
        int top = 0;
        int bottom = 0;
        for (int i = 0; i < d.length; i++) {
            top = d[i] > d[top] ? i : top;
            bottom = d[i] < d[bottom] ? i : bottom;
        }
        double factor = scaled[top] / (d[top] - d[bottom]); // the scaling is linear: x -> (x - min) * factor
        PatchDegradation degradation = new PatchDegradation(21, 1);
        return new SpectrumMismatch(new PatchSampler(scaled, new int[] {96, 96, 96}, degradation.patchLength()),
                degradation, sigma * factor * sigma * factor);
    }

    @Test
    void isSmallestNearTheTrueProfileOnAnIsotropicTexture() {
        SpectrumMismatch d = onNoise(4, 2);
        double best = Double.POSITIVE_INFINITY;
        double bestFwhm = 0;
        for (double fwhm = 1; fwhm <= 12; fwhm += 0.25) {
            double v = d.of(Profiles.gaussian(fwhm, 21).values());
            if (v < best) {
                best = v;
                bestFwhm = fwhm;
            }
        }
        assertEquals(4, bestFwhm, 0.5, "argmin of the mismatch over Gaussian FWHMs");
        assertTrue(best < 0.05, "mismatch at its minimum " + best);
        double flat = d.of(Profiles.withLength(Profiles.rect(19), 21).values());
        assertTrue(flat > 10 * best + 1, "a profile as wide as K: " + flat + " vs " + best);
    }

    @Test
    void theBestSmoothedRectTellsABoxFromABell() {
        // same blur width, different shapes: the fit over boxes with Gaussian edges finds each one's FWHM
        assertEquals(5, onNoise(Profiles.rect(5), 2).bestSmoothedRect(21).profile().fwhmVoxels(), 0.5, "box of 5");
        assertEquals(4, onNoise(Profiles.gaussian(4), 2).bestSmoothedRect(21).profile().fwhmVoxels(), 0.5, "Gaussian of 4");
    }

    @Test
    void isDeterministicAndIndependentOfTheRunSeed() {
        double[] k = Profiles.gaussian(3, 21).values();
        assertEquals(onNoise(4, 2).of(k), onNoise(4, 2).of(k), 0);
    }

    @Test
    void morePatchesMakeDDependLessOnWhichWereDrawn() {
        // at the true profile of an isotropic texture D is only sampling noise: it shrinks as patches are added
        Volume thick = texture(Profiles.gaussian(4), 2, 0);
        PatchDegradation degradation = new PatchDegradation(21, 2);
        PatchSampler sampler = new PatchSampler(IntensityScaling.scaled(thick.toArray()), thick.shape(),
                degradation.patchLength());
        double[] truth = Profiles.gaussian(4, 21).values();
        assertEquals(new SpectrumMismatch(sampler, degradation).of(truth), new SpectrumMismatch(sampler, degradation,
                0, SpectrumMismatch.PATCHES, SpectrumMismatch.PATCH_SEED).of(truth), 0, "the default set of patches");
        double few = 0;
        double many = 0;
        for (long seed = 1; seed <= 3; seed++) {
            few += new SpectrumMismatch(sampler, degradation, 0, 256, seed).of(truth) / 3;
            many += new SpectrumMismatch(sampler, degradation, 0, 4096, seed).of(truth) / 3;
        }
        assertTrue(many < few / 4, "mean D at the truth over 3 sets: 4096 patches " + many + ", 256 patches " + few);
    }

    @Test
    void noiseAddedAfterTheBlurHidesItFromThePlainFitButNotFromTheNoiseAwareOne() {
        // a blur of 4 at scale 1 (the resolution meter's setting), then white noise with about the variance the blur leaves of the texture
        SpectrumMismatch d = onNoise(Profiles.gaussian(4), 1, 0.15);
        double plain = d.bestSmoothedRect(21).profile().fwhmVoxels();
        SpectrumMismatch.Fit aware = d.bestSmoothedRect(21, true);
        assertTrue(plain < 2.5, "the plain fit reads the noise as detail: " + plain);
        assertEquals(4, aware.profile().fwhmVoxels(), 0.5, "noise-aware fit");
        assertTrue(aware.noiseShare() > 0.5, "the noise explains most of the finest detail: " + aware.noiseShare());
        // without noise the noise term changes nothing that matters
        SpectrumMismatch clean = onNoise(Profiles.gaussian(4), 1, 0);
        assertEquals(clean.bestSmoothedRect(21).profile().fwhmVoxels(),
                clean.bestSmoothedRect(21, true).profile().fwhmVoxels(), 0.3, "clean texture");
    }

    @Test
    void aKnownNoiseVarianceIsReplacedAlikeInBothBranches() {
        // the setting above, but D is told the noise's variance instead of fitting it
        SpectrumMismatch told = knowingTheNoise(0.15);
        assertEquals(4, told.bestSmoothedRect(21).profile().fwhmVoxels(), 0.5, "fit with the noise replaced");
        double[] truth = Profiles.gaussian(4, 21).values();
        double[] impulse = Profiles.withLength(Profiles.rect(1), 21).values();
        assertTrue(told.of(truth) < told.of(impulse), "the truth matches better than no blur once the noise is known");
    }
}
