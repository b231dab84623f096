package org.smorekit.volume.nifti;

/** The file holds NaN or infinite voxels and the read policy is {@link NonFinitePolicy#REFUSE}. */
public class NonFiniteVoxelsException extends NiftiFormatException {
    private static final long serialVersionUID = 1L;
    private final long count;

    public NonFiniteVoxelsException(String message, long count) {
        super(message);
        this.count = count;
    }

    /** Number of NaN or infinite voxels found. */
    public long count() {
        return count;
    }
}
