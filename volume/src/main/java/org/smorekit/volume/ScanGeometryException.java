package org.smorekit.volume;

/**
 * A scan whose geometry does not suit slice-axis super-resolution (isotropic, no single thick axis, non-square in-plane
 * pixels where square ones are required, in-plane spacings too far apart to make square). The input is at fault rather than the caller's code, so command-line front ends report it as bad
 * input; it stays an IllegalArgumentException for code that does not distinguish.
 */
public class ScanGeometryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ScanGeometryException(String message) {
        super(message);
    }
}
