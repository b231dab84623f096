package org.smorekit.volume.nifti;

import java.nio.file.Path;
import org.smorekit.volume.Volume;

/**
 * What {@link NiftiReader#read} returns: the volume (whose {@link Volume#header()} is {@code header}), the header,
 * and what the reader noticed.
 *
 * @param volume          the 3-D volume read, float voxels with scl_slope/scl_inter applied
 * @param header          the raw header as stored in the file
 * @param path            the file the voxels came from (the .img of a pair)
 * @param volumeIndex     which volume of a 4-D file was read (0 for 3-D files)
 * @param volumeCount     how many 3-D volumes the file holds (1 for 3-D files)
 * @param nonFiniteCount  NaN/Inf voxels that were replaced with 0 (always 0 under {@link NonFinitePolicy#REFUSE})
 */
public record NiftiImage(Volume volume, NiftiHeader header, Path path, int volumeIndex, long volumeCount,
                         long nonFiniteCount) {
}
