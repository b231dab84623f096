package org.smorekit.degrade;

import java.util.Objects;

import org.smorekit.volume.Volume;

/**
 * A simulated scan with its acquisition noise added ({@link AcquisitionNoise#apply}), and what the noise was.
 *
 * @param scan       the noisy scan, on the clean scan's grid (the clean scan itself when sigma is 0)
 * @param sigma      the noise's standard deviation in the scan's intensity units
 * @param headSignal the clean scan's {@link AcquisitionNoise#headSignal}, which a percentage level is of
 */
public record NoisyScan(Volume scan, double sigma, double headSignal) {

    public NoisyScan {
        Objects.requireNonNull(scan, "scan");
    }
}
