package org.smorekit.cli;

import org.smorekit.estimator.EstimationMethod;
import org.smorekit.estimator.EstimatorOptions;

import picocli.CommandLine.Option;

/**
 * {@code --profile-method auto|gan|spectral}: how the slice profile is estimated ({@link EstimationMethod}). Mixed
 * into the commands that estimate.
 */
public final class ProfileMethodOption {

    /** The option's values. */
    enum Mode { auto, gan, spectral }

    @Option(names = "--profile-method", paramLabel = "<auto|gan|spectral>", defaultValue = "auto",
            description = "gan: the GAN on the scan's own patches (ESPRESO), minutes. spectral: the box with Gaussian "
                    + "edges whose blur makes the in-plane rows' power spectra match the slice direction's, seconds; "
                    + "biased where the slice spacing hides the profile's spectrum. auto: spectral at scales (slice "
                    + "spacing / in-plane spacing) up to 2, where it was the more accurate of the two on the "
                    + "benchmarks, unless it explains the scan poorly (spectrum mismatch above 2, e.g. a field of "
                    + "view inside the head); gan otherwise (default: ${DEFAULT-VALUE}).")
    Mode mode = Mode.auto;

    /** {@code options} with this method. */
    EstimatorOptions applyTo(EstimatorOptions options) {
        return options.withMethod(switch (mode) {
            case auto -> EstimationMethod.AUTO;
            case gan -> EstimationMethod.GAN;
            case spectral -> EstimationMethod.SPECTRAL_FIT;
        });
    }

    /** The option's value that selects {@code method}, as sidecars record it. */
    static String value(EstimationMethod method) {
        return switch (method) {
            case AUTO -> Mode.auto.name();
            case GAN -> Mode.gan.name();
            case SPECTRAL_FIT -> Mode.spectral.name();
        };
    }

    /** This option as a command-line argument, for a command that runs another. */
    String argument() {
        return "--profile-method=" + mode;
    }
}
