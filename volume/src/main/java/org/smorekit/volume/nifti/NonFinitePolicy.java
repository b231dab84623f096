package org.smorekit.volume.nifti;

/** What the reader does with NaN or infinite voxels (after scaling). */
public enum NonFinitePolicy {
    /** Refuse the file with a {@link NonFiniteVoxelsException} that gives the count (the default). */
    REFUSE,
    /** Replace each non-finite voxel with 0 and report the count in {@link NiftiImage#nonFiniteCount()}. */
    ZERO
}
