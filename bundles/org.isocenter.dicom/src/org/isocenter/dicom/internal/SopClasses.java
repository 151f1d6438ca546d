/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.util.Map;

/**
 * What kind of object a file holds, decided by its SOP Class UID (the Modality attribute is only a
 * description: when it contradicts the SOP Class, the SOP Class wins and the contradiction is a warning).
 */
public final class SopClasses {

    /** SOP Class UID -> the object type Isocenter uses (DICOM modality code of that IOD) and a readable name. */
    private static final Map<String, String[]> TYPES = Map.ofEntries(
            Map.entry("1.2.840.10008.5.1.4.1.1.2", new String[] { "CT", "CT Image Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.2.1", new String[] { "CT", "Enhanced CT Image Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.4", new String[] { "MR", "MR Image Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.4.1", new String[] { "MR", "Enhanced MR Image Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.128", new String[] { "PT", "PET Image Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.481.1", new String[] { "RTIMAGE", "RT Image Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.481.2", new String[] { "RTDOSE", "RT Dose Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.481.3", new String[] { "RTSTRUCT", "RT Structure Set Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.481.5", new String[] { "RTPLAN", "RT Plan Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.481.8", new String[] { "RTPLAN", "RT Ion Plan Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.481.4", new String[] { "RTRECORD", "RT Beams Treatment Record Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.481.9", new String[] { "RTRECORD", "RT Ion Beams Treatment Record Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.66.1", new String[] { "REG", "Spatial Registration Storage" }),
            Map.entry("1.2.840.10008.5.1.4.1.1.66.3", new String[] { "REG", "Deformable Spatial Registration Storage" }));

    /** RT Ion Plan Storage. */
    public static final String RT_ION_PLAN = "1.2.840.10008.5.1.4.1.1.481.8";

    private SopClasses() {
    }

    /** The object type for a SOP Class, or null when Isocenter does not know the class. */
    public static String typeOf(String sopClassUid) {
        String[] t = TYPES.get(sopClassUid);
        return t == null ? null : t[0];
    }

    /** A readable name for a SOP Class (its UID when unknown). */
    public static String nameOf(String sopClassUid) {
        String[] t = TYPES.get(sopClassUid);
        return t == null ? "SOP Class " + sopClassUid : t[1];
    }

    /**
     * The object type of a dataset: from its SOP Class when known, else its Modality ("OT" when empty);
     * {@code warning} is non-null when the Modality contradicts the SOP Class.
     */
    public record Kind(String type, String warning) {
    }

    public static Kind kind(String sopClassUid, String modality) {
        String bySop = typeOf(sopClassUid);
        if (bySop == null) {
            return new Kind(modality.isEmpty() ? "OT" : modality, null);
        }
        return new Kind(bySop, bySop.equals(modality) ? null
                : "Modality '" + modality + "' contradicts the SOP Class (" + nameOf(sopClassUid) + "): read as " + bySop);
    }
}
