package org.smorekit.volume.nifti;

import java.util.OptionalInt;

/**
 * How {@link NiftiReader} reads a file.
 *
 * @param volumeIndex      which 3-D volume of a 4-D (or higher) file to read, 0-based; empty means the file must hold
 *                         exactly one volume (a 4-D file with several is refused with a message naming their number)
 * @param nonFinitePolicy  what to do with NaN/Inf voxels
 * @param maxVoxelBytes    refuse, before allocating, images whose float32 voxels need more bytes than this
 */
public record ReadOptions(OptionalInt volumeIndex, NonFinitePolicy nonFinitePolicy, long maxVoxelBytes) {

    public ReadOptions {
        if (volumeIndex == null) {
            throw new IllegalArgumentException("volumeIndex must not be null (use OptionalInt.empty())");
        }
        if (volumeIndex.isPresent() && volumeIndex.getAsInt() < 0) {
            throw new IllegalArgumentException("volume index must be >= 0, got " + volumeIndex.getAsInt());
        }
        if (nonFinitePolicy == null) {
            throw new IllegalArgumentException("nonFinitePolicy must not be null");
        }
        if (maxVoxelBytes <= 0) {
            throw new IllegalArgumentException("maxVoxelBytes must be > 0, got " + maxVoxelBytes);
        }
    }

    /** No volume index, refuse NaN/Inf, limit = half of the JVM's maximum heap. */
    public static ReadOptions defaults() {
        return new ReadOptions(OptionalInt.empty(), NonFinitePolicy.REFUSE, Runtime.getRuntime().maxMemory() / 2);
    }

    public ReadOptions withVolumeIndex(int index) {
        return new ReadOptions(OptionalInt.of(index), nonFinitePolicy, maxVoxelBytes);
    }

    public ReadOptions withNonFinitePolicy(NonFinitePolicy policy) {
        return new ReadOptions(volumeIndex, policy, maxVoxelBytes);
    }

    public ReadOptions withMaxVoxelBytes(long bytes) {
        return new ReadOptions(volumeIndex, nonFinitePolicy, bytes);
    }
}
