package org.smorekit.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.smorekit.degrade.AcquisitionNoise;
import org.smorekit.degrade.NoisyScan;

import picocli.CommandLine.Option;

/** {@code --noise} / {@code --noise-kind}: acquisition noise added to a simulated thick-slice scan. */
public final class NoiseOptions {

    @Option(names = "--noise", paramLabel = "<sigma|percent%>",
            description = "Add acquisition noise to the simulated thick-slice scan, after its subsampling: its "
                    + "standard deviation in the input's intensity units (e.g. 4), or, with a percent sign, a percentage of "
                    + "the head's mean intensity (the voxels above the Otsu threshold) above the scan's minimum (5 "
                    + "percent is a signal-to-noise ratio of 20). Default: no noise.")
    String level;

    @Option(names = "--noise-kind", defaultValue = "rician", paramLabel = "<rician|gaussian>",
            description = "rician: the magnitude of complex Gaussian noise, as in a magnitude MR image (never "
                    + "negative; biased upwards where the signal is low); gaussian: additive (default: "
                    + "${DEFAULT-VALUE}).")
    String kind;

    /** The noise the options ask for (level 0 without {@code --noise}). */
    AcquisitionNoise noise() {
        return AcquisitionNoise.parse(level == null ? "0" : level, AcquisitionNoise.Kind.named(kind));
    }

    /** The level as given ("5%", "4"), or null without {@code --noise}. */
    String level() {
        return level;
    }

    /**
     * The sidecar entry for {@code noisy}, made with {@code seed}: kind, sigma, the level as given, the head's signal
     * (its mean intensity above the scan's minimum) and the seed; null when there is no noise.
     */
    Map<String, Object> json(NoisyScan noisy, long seed) {
        if (noisy.sigma() == 0) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", noise().kind().label());
        json.put("sigma", noisy.sigma());
        json.put("level", level);
        json.put("head_signal", noisy.headSignal());
        json.put("seed", seed);
        return json;
    }
}
