package org.smorekit.estimator;

import java.util.ArrayList;
import java.util.List;
import org.smorekit.degrade.SliceProfile;

/**
 * Flags estimated profiles that should not be passed on silently (a wrong profile makes super-resolution worse than
 * none): FWHM at the length limit of K, mass at the borders, a profile narrower than half a voxel although the scan is
 * thick-sliced, and K short for the scale.
 */
final class ProfileSanityCheck {
    /** Border mass k_0 + k_1 + k_{K-2} + k_{K-1} above which the profile is probably truncated. */
    static final double BORDER_MASS_LIMIT = 0.05;
    /**
     * A relative profile this narrow (voxels) at scale > 1 is implausible. With the half-maximum rule an impulse
     * measures exactly 1.0 (a half-voxel ramp on each side), so nothing below 1 exists; a profile within 0.1 voxel of
     * the impulse the GAN starts from means it learned nothing (or a slice far thinner than its spacing).
     */
    static final double MIN_FWHM_VOXELS = 1.1;

    private ProfileSanityCheck() {
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
        if (scale > 1 + 1e-6 && fwhm < MIN_FWHM_VOXELS) {
            out.add(String.format("FWHM %.2f voxels is below %.1f voxels (an impulse measures 1.0) although the scale"
                    + " is %.3g; the estimate is implausible (the GAN did not move away from its start)", fwhm,
                    MIN_FWHM_VOXELS, scale));
        }
        return out;
    }
}
