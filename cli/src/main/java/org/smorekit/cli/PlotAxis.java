package org.smorekit.cli;

/**
 * A linear axis of a plot: maps data values in [{@code min}, {@code max}] to pixels in [{@code pixelMin},
 * {@code pixelMax}] (which may run backwards, as y does on screen), and chooses "nice" tick steps (1, 2 or 5 times a
 * power of ten).
 */
record PlotAxis(double min, double max, double pixelMin, double pixelMax) {

    PlotAxis {
        if (!(max > min)) {
            throw new IllegalArgumentException("axis range must have max > min, got [" + min + ", " + max + "]");
        }
    }

    double toPixel(double value) {
        return pixelMin + (value - min) / (max - min) * (pixelMax - pixelMin);
    }

    /** The smallest step of the form {1, 2, 5} x 10^k that is at least {@code minStep}. */
    static double niceStep(double minStep) {
        if (!(minStep > 0)) {
            throw new IllegalArgumentException("minStep must be > 0, got " + minStep);
        }
        double power = Math.pow(10, Math.floor(Math.log10(minStep)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= minStep * (1 - 1e-12)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** A tick step with ticks at least {@code minPixels} apart. */
    double tickStep(double minPixels) {
        double pixelsPerUnit = Math.abs(pixelMax - pixelMin) / (max - min);
        return niceStep(minPixels / pixelsPerUnit);
    }

    /** Tick values: the multiples of {@code step} inside the range. */
    double[] ticks(double step) {
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        double[] t = new double[(int) Math.max(0, last - first + 1)];
        for (int i = 0; i < t.length; i++) {
            t[i] = (first + i) * step;
        }
        return t;
    }
}
