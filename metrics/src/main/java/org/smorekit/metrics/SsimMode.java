package org.smorekit.metrics;

/** How SSIM windows are formed: whole-volume 3-D Gaussian windows, or 2-D windows within each slice. */
public enum SsimMode {
    /** 3-D SSIM map (Gaussian window along all three axes), averaged over the mask. */
    VOLUME_3D,
    /** 2-D SSIM map of every slice perpendicular to a chosen axis, averaged over the mask of all slices. */
    SLICES_2D
}
