package org.smorekit.degrade;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.smorekit.volume.OtsuThreshold;
import org.smorekit.volume.Volume;

/**
 * The thermal noise of an MR acquisition, added to a simulated scan after its slice profile and subsampling (the noise
 * enters each acquired slice, so it is white along every axis of the thick-slice grid and is not blurred by the
 * profile).
 *
 * <p>{@link Kind#RICIAN}: a magnitude image, {@code |s + n1 + i n2|} with {@code n1, n2} independent zero-mean Gaussians
 * of standard deviation {@code sigma} (what a clinical scanner writes; in the background it has mean
 * {@code sigma sqrt(pi / 2)}, in bright tissue it is nearly Gaussian). {@link Kind#GAUSSIAN}: {@code s + n1}.
 *
 * <p>The level is either absolute ({@code --noise 4}: sigma in the scan's intensity units) or relative ({@code --noise
 * 5%}: sigma as a percentage of the head's signal, the mean intensity of the voxels above the scan's Otsu threshold
 * measured from the scan's minimum; 5% is a signal-to-noise ratio of 20 in the head, as {@code NoiseLevel} reads it
 * back). A magnitude image's minimum is about 0; an offset, such as a z-scored scan's negative background, is not
 * signal. Deterministic: voxel {@code i} of plane {@code z} draws from a generator
 * seeded by {@code seed} and {@code z} alone, so the result does not depend on the number of threads.
 *
 * @param level     sigma, or the percentage when {@code relative}; finite and {@code >= 0}
 * @param relative  whether {@code level} is a percentage of the head's signal
 * @param kind      Rician (magnitude) or Gaussian
 */
public record AcquisitionNoise(double level, boolean relative, Kind kind) {

    /** The accepted forms of a level, for error and help messages. */
    public static final String FORMS = "a standard deviation in the scan's intensity units (e.g. 4) or a percentage "
            + "of the head's mean intensity above the scan's minimum (e.g. 5%)";

    private static final Pattern NUMBER = Pattern.compile("[+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /** How the noise combines with the signal. */
    public enum Kind {
        RICIAN, GAUSSIAN;

        /** The kind called {@code name} (case-insensitive: rician or gaussian). */
        public static Kind named(String name) {
            for (Kind k : values()) {
                if (k.label().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("noise kind '" + name + "' is not known; expected rician or gaussian");
        }

        /** The kind's name as written on the command line. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AcquisitionNoise {
        Objects.requireNonNull(kind, "kind");
        if (!(level >= 0) || !Double.isFinite(level)) {
            throw new IllegalArgumentException("noise level must be a finite number >= 0, got " + level);
        }
    }

    /**
     * Parses {@code SIGMA} or {@code PERCENT%}.
     *
     * @throws IllegalArgumentException naming the accepted forms if the text is neither
     */
    public static AcquisitionNoise parse(String text, Kind kind) {
        String s = text == null ? "" : text.strip();
        boolean relative = s.endsWith("%");
        String number = relative ? s.substring(0, s.length() - 1).strip() : s;
        if (!NUMBER.matcher(number).matches() || !Double.isFinite(Double.parseDouble(number))) {
            throw new IllegalArgumentException("noise '" + text + "' is not a level; expected " + FORMS);
        }
        return new AcquisitionNoise(Double.parseDouble(number), relative, kind);
    }

    /**
     * The standard deviation this level means for {@code scan}: {@code level} itself, or the percentage of its
     * {@link #headSignal}.
     */
    public double sigmaFor(Volume scan) {
        return sigmaFor(relative ? headSignal(scan) : 0);
    }

    private double sigmaFor(double headSignal) {
        return relative ? level / 100 * headSignal : level;
    }

    /**
     * The mean intensity of the voxels above the scan's Otsu threshold, measured from the scan's smallest finite
     * intensity (NaN voxels ignored).
     */
    public static double headSignal(Volume scan) {
        double threshold = OtsuThreshold.of(scan);
        double sum = 0;
        long n = 0;
        float minimum = Float.POSITIVE_INFINITY;
        for (int i = 0; i < scan.size(); i++) {
            float v = scan.get(i);
            if (Float.isFinite(v)) {
                minimum = Math.min(minimum, v);
            }
            if (v > threshold) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n - minimum;
    }

    /**
     * {@code scan} with this noise added.
     *
     * @param seed the generators' seed: the same seed gives the same noise
     * @return a new volume on the scan's grid; the scan itself when sigma is 0
     */
    public Volume addTo(Volume scan, long seed) {
        return apply(scan, seed).scan();
    }

    /**
     * {@code clean} with this noise added, with the sigma it meant and the head's signal (one Otsu threshold for
     * both).
     *
     * @param seed the generators' seed: the same seed gives the same noise
     */
    public NoisyScan apply(Volume clean, long seed) {
        double headSignal = headSignal(clean);
        double sigma = sigmaFor(headSignal);
        return new NoisyScan(sigma == 0 ? clean : noisy(clean, sigma, seed), sigma, headSignal);
    }

    private Volume noisy(Volume scan, double sigma, long seed) {
        int[] shape = scan.shape();
        int plane = shape[0] * shape[1];
        float[] data = scan.toArray();
        IntStream.range(0, shape[2]).parallel().forEach(z -> {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + z);
            for (int i = z * plane; i < (z + 1) * plane; i++) {
                double real = data[i] + sigma * random.nextGaussian();
                if (kind == Kind.RICIAN) {
                    double imaginary = sigma * random.nextGaussian();
                    data[i] = (float) Math.sqrt(real * real + imaginary * imaginary);
                } else {
                    data[i] = (float) real;
                }
            }
        });
        return scan.withData(data);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s noise, sigma %s%s", kind.label(),
                level, relative ? "% of the head's mean intensity" : "");
    }
}
