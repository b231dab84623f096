package org.smorekit.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code cohort.tsv} / one entry of {@code cohort.json}: what became of one scan.
 *
 * @param scan       the scan (name and input)
 * @param status     ok, skipped, bad input or failed
 * @param reason     why it is not ok (the error, or why it was skipped); null when ok
 * @param fwhmVoxels the estimated slice profile's FWHM in in-plane voxels, from its {@code report.json}; null without
 * @param fwhmMm     the same in mm
 * @param flagged    whether the estimator flagged that estimate as implausible (its warnings are not empty); null
 *                   without a report
 * @param srPath     the super-resolved volume (absolute), null without a report
 * @param seconds    wall time of the scan's {@code run}: measured by the cohort, or for a skipped scan the total its
 *                   earlier run recorded in {@code report.json} (null if it recorded none)
 * @param thicknessMm the nominal slice thickness its {@code run} used (mm; {@link NominalSliceThickness}), null when
 *                   unknown or without a report
 */
record CohortRow(CohortScan scan, CohortStatus status, String reason, Double fwhmVoxels, Double fwhmMm,
                 Boolean flagged, String srPath, Double seconds, Double thicknessMm) {

    /** A scan without a result: bad input or failed. */
    static CohortRow withoutResult(CohortScan scan, CohortStatus status, String reason, double seconds) {
        return new CohortRow(scan, status, reason, null, null, null, null, seconds, null);
    }

    /**
     * A scan with a result: the numbers come from the {@code report.json} that {@code smorekit run} wrote.
     *
     * @param seconds the measured wall time, or null to take the report's recorded total
     */
    static CohortRow fromReport(CohortScan scan, CohortStatus status, String reason, Map<String, Object> report,
                                Double seconds) {
        Map<String, Object> profile = object(report, "profile");
        Map<String, Object> sr = object(report, "sr");
        Object warnings = profile.get("warnings");
        Double recorded = number(object(report, "seconds"), "total");
        return new CohortRow(scan, status, reason, number(profile, "fwhm_voxels"), number(profile, "fwhm_mm"),
                warnings instanceof List<?> list ? !list.isEmpty() : null,
                sr.get("path") instanceof String path ? path : null,
                seconds != null ? seconds : recorded, number(report, "nominal_slice_thickness_mm"));
    }

    /** The input path {@code smorekit run} recorded in a report (absolute, normalised), or null. */
    static String reportedInput(Map<String, Object> report) {
        return object(report, "input").get("path") instanceof String path ? path : null;
    }

    /** The entry in cohort.json (keys in the order of the table's columns; null for what is not known). */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", scan.name());
        m.put("input", scan.absoluteInput());
        m.put("status", status.label());
        m.put("reason", reason);
        m.put("fwhm_voxels", fwhmVoxels);
        m.put("fwhm_mm", fwhmMm);
        m.put("flagged", flagged);
        m.put("sr", srPath);
        m.put("seconds", seconds);
        m.put("nominal_slice_thickness_mm", thicknessMm);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Double number(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Number n ? n.doubleValue() : null;
    }
}
