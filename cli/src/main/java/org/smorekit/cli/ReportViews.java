package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.smorekit.volume.Volume;

/**
 * The through-plane pictures of a run's report: for each through-plane orientation (the slice axis with either
 * in-plane axis), the middle slice of the thick-slice input, of its cubic B-spline interpolation and of the
 * super-resolved volume, side by side at the same size and in the same grey window (1st-99th percentile of the input).
 */
final class ReportViews {

    /** Width in pixels of each picture. */
    static final int WIDTH_PX = 300;

    /** One row of pictures: the orientation's name and the PNG files, in the order of {@link #COLUMNS}. */
    record Row(String orientation, List<Path> pngs) {
    }

    static final List<String> COLUMNS = List.of("thick-slice input", "cubic B-spline", "super-resolved");

    /** The voxel axes' names in the files' names, and each column's tag: view-{in-plane}{slice}-{tag}.png. */
    private static final String AXIS_NAMES = "ijk";
    private static final String[] TAGS = {"input", "cubic", "sr"};

    private ReportViews() {
    }

    /**
     * Writes the PNGs into {@code dir} and returns their rows. The views of another slice axis that an earlier run left
     * in {@code dir} (the same names with other axes) are removed, so that the folder shows only this scan.
     */
    static List<Row> write(Path dir, Volume input, Volume cubic, Volume sr, int sliceAxis) throws IOException {
        removeViewsOfOtherAxes(dir, sliceAxis);
        GreyWindow window = GreyWindow.percentiles(input.toArray(), 1, 99);
        List<Row> rows = new ArrayList<>();
        for (int inPlane = 0; inPlane < 3; inPlane++) {
            if (inPlane == sliceAxis) {
                continue;
            }
            int cut = 3 - sliceAxis - inPlane;
            double widthMm = sr.shape()[inPlane] * sr.spacingMm()[inPlane];
            double pixelsPerMm = WIDTH_PX / widthMm;
            String name = AXIS_NAMES.charAt(inPlane) + "" + AXIS_NAMES.charAt(sliceAxis);
            List<Path> pngs = new ArrayList<>();
            Volume[] volumes = {input, cubic, sr};
            for (int c = 0; c < volumes.length; c++) {
                Path png = dir.resolve("view-" + name + "-" + TAGS[c] + ".png");
                ThroughPlaneView.writePng(
                        ThroughPlaneView.render(volumes[c], sliceAxis, inPlane, window, pixelsPerMm), png);
                pngs.add(png);
            }
            rows.add(new Row(String.format("%s-%s plane (axis %d across, slice axis %d up), middle %s slice %d",
                    AXIS_NAMES.charAt(inPlane), AXIS_NAMES.charAt(sliceAxis), inPlane, sliceAxis,
                    AXIS_NAMES.charAt(cut), sr.shape()[cut] / 2), pngs));
        }
        return rows;
    }

    private static void removeViewsOfOtherAxes(Path dir, int sliceAxis) throws IOException {
        for (int slice = 0; slice < 3; slice++) {
            for (int inPlane = 0; inPlane < 3; inPlane++) {
                if (slice == sliceAxis || inPlane == slice) {
                    continue;
                }
                for (String tag : TAGS) {
                    Files.deleteIfExists(dir.resolve("view-" + AXIS_NAMES.charAt(inPlane) + AXIS_NAMES.charAt(slice)
                            + "-" + tag + ".png"));
                }
            }
        }
    }
}
