/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.util.Locale;
import java.util.Map;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;

/**
 * The one place where every string Isocenter writes into DICOM is checked against its value representation
 * (PS3.5 Table 6.2-1): maximum length per value, no control characters (line breaks and tabs only in LT, ST, UT),
 * character repertoire of CS, UI, DS, IS, DA and TM, and ranges of the binary integer VRs. A value that breaks them is refused with the attribute's keyword, the VR and the limit,
 * so no writer can produce an object that a validator or a receiving system rejects.
 */
public final class VrLimits {

    /** Maximum characters per value (PN: per component group). */
    private static final Map<String, Integer> MAX = Map.ofEntries(Map.entry("AE", 16), Map.entry("AS", 4),
            Map.entry("CS", 16), Map.entry("DA", 8), Map.entry("DS", 16), Map.entry("DT", 26), Map.entry("IS", 12),
            Map.entry("LO", 64), Map.entry("LT", 10240), Map.entry("PN", 64), Map.entry("SH", 16), Map.entry("ST", 1024),
            Map.entry("TM", 14), Map.entry("UI", 64), Map.entry("UC", Integer.MAX_VALUE),
            Map.entry("UT", Integer.MAX_VALUE), Map.entry("UR", Integer.MAX_VALUE));

    private VrLimits() {
    }

    /** Refuses {@code value} for an attribute of {@code vr} when it breaks the VR's limits. */
    public static void check(AttributeTag tag, String vr, String value) throws DicomException {
        String problem = problem(vr, value);
        if (problem != null) {
            throw new DicomException(name(tag) + " (" + vr + "): " + problem);
        }
    }

    /** What is wrong with {@code value} for {@code vr}, or null when it fits. */
    public static String problem(String vr, String value) {
        if (value == null) {
            return "no value";
        }
        Integer max = MAX.get(vr);
        if (max != null) {
            if (vr.equals("PN")) {
                for (String group : value.split("=", -1)) {
                    if (group.length() > max) {
                        return "'" + value + "' has a component group of " + group.length() + " characters, PN allows "
                                + max;
                    }
                }
            } else if (value.length() > max) {
                return "'" + abbreviate(value) + "' has " + value.length() + " characters, " + vr + " allows " + max;
            }
            if (!vr.equals("LT") && !vr.equals("ST") && !vr.equals("UT") && value.indexOf('\\') >= 0) {
                return "'" + abbreviate(value) + "' contains a backslash, the value separator";
            }
        }
        if (MAX.containsKey(vr)) {
            boolean text = vr.equals("LT") || vr.equals("ST") || vr.equals("UT");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                // text VRs may hold line breaks and tabs; ESC (ISO 2022 switches) is never written by Isocenter, whose
                // character sets are ISO_IR 100 / ISO_IR 192
                boolean allowedControl = text && (c == '\r' || c == '\n' || c == '\t' || c == '\f');
                if ((c < 0x20 || c == 0x7F) && !allowedControl) {
                    return "'" + abbreviate(value).replaceAll("\\p{Cntrl}", "?") + "' contains the control character 0x"
                            + Integer.toHexString(c) + " at position " + (i + 1);
                }
            }
        }
        String allowed = switch (vr) {
            case "CS" -> "[A-Z0-9 _]*";
            case "UI" -> "([0-9]+(\\.[0-9]+)*)?";
            case "DS" -> " *[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)? *";
            case "IS" -> " *[-+]?[0-9]+ *";
            case "DA" -> "([0-9]{8})?";
            case "TM" -> "([0-9]{2}([0-9]{2}([0-9]{2}(\\.[0-9]{1,6})?)?)?)?";
            default -> null;
        };
        if (allowed != null && !value.matches(allowed)) {
            return "'" + abbreviate(value) + "' is not a valid " + vr + " value";
        }
        if (vr.equals("IS")) {
            long v = Long.parseLong(value.strip().replace("+", ""));
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                return value + " is outside IS's range";
            }
        }
        long[] range = switch (vr) {
            case "US" -> new long[] { 0, 0xFFFF };
            case "SS" -> new long[] { Short.MIN_VALUE, Short.MAX_VALUE };
            case "UL" -> new long[] { 0, 0xFFFFFFFFL };
            case "SL" -> new long[] { Integer.MIN_VALUE, Integer.MAX_VALUE };
            default -> null;
        };
        if (range != null) {
            try {
                long v = Long.parseLong(value.strip());
                if (v < range[0] || v > range[1]) {
                    return value + " is outside " + vr + "'s range " + range[0] + ".." + range[1];
                }
            } catch (NumberFormatException e) {
                return "'" + abbreviate(value) + "' is not an integer";
            }
        }
        return null;
    }

    /** A shortened form of a long value for a message. */
    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    private static String name(AttributeTag tag) {
        String keyword = com.pixelmed.dicom.AttributeList.getDictionary().getNameFromTag(tag);
        return (keyword == null ? "" : keyword + " ")
                + String.format(Locale.ROOT, "(%04X,%04X)", tag.getGroup(), tag.getElement());
    }
}
