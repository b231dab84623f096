package org.smorekit.cli;

import org.smorekit.estimator.EstimationMethod;
import org.smorekit.estimator.EstimatorOptions;

import picocli.CommandLine.Option;

/**
 * {@code --profile-method auto|gan|spectral}: how the slice profile is estimated ({@link EstimationMethod}). Mixed
 * into the commands that estimate.
 */
public final class ProfileMethodOption {

    /** The option's values, each with the method it selects. */
    enum Mode {
        auto(EstimationMethod.AUTO), gan(EstimationMethod.GAN), spectral(EstimationMethod.SPECTRAL_FIT);

        final EstimationMethod method;

        Mode(EstimationMethod method) {
            this.method = method;
        }
    }

    @Option(names = "--profile-method", paramLabel = "<auto|gan|spectral>", defaultValue = "auto",
            description = "gan: the GAN on the scan's own patches (ESPRESO), minutes. spectral: the box with Gaussian "
                    + "edges whose blur makes the in-plane rows' power spectra match the slice direction's, seconds; "
                    + "biased where the slice spacing hides the profile's spectrum. auto: spectral at scales (slice "
                    + "spacing / in-plane spacing) up to 2.5, where it was the more accurate of the two on the "
                    + "benchmarks, unless it explains the scan poorly (spectrum mismatch above 2, e.g. a field of "
                    + "view inside the head); gan otherwise (default: ${DEFAULT-VALUE}).")
    Mode mode = Mode.auto;

    /** {@code options} with this method. */
    EstimatorOptions applyTo(EstimatorOptions options) {
        return options.withMethod(mode.method);
    }

    /** The option's value that selects {@code method}, as sidecars record it. */
    static String value(EstimationMethod method) {
        for (Mode m : Mode.values()) {
            if (m.method == method) {
                return m.name();
            }
        }
        throw new IllegalArgumentException("no --profile-method value selects " + method);
    }

    /** This option as a command-line argument, for a command that runs another. */
    String argument() {
        return "--profile-method=" + mode;
    }
}
