package org.smorekit.smore;

/** The axis permutation that moves the slice axis last while keeping the in-plane axes in their order. */
public final class SliceAxisOrder {
    private SliceAxisOrder() {
    }

    /** {@code order} for {@link org.smorekit.volume.Volume#permuted}: new axis 2 = {@code sliceAxis}. */
    public static int[] sliceLast(int sliceAxis) {
        return switch (sliceAxis) {
            case 0 -> new int[] {1, 2, 0};
            case 1 -> new int[] {0, 2, 1};
            case 2 -> new int[] {0, 1, 2};
            default -> throw new IllegalArgumentException("sliceAxis must be 0, 1 or 2, got " + sliceAxis);
        };
    }
}
