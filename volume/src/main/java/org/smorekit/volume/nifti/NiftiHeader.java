package org.smorekit.volume.nifti;

/**
 * Raw NIfTI header fields as read from a file, kept so that a writer can round-trip what the volume model does not
 * interpret (descriptions, units, intent, qform/sform codes, ...).
 *
 * <p>PLACEHOLDER: the NIfTI codec owns and completes this record.
 */
public record NiftiHeader(int version, short datatype, int qformCode, int sformCode) {
}
