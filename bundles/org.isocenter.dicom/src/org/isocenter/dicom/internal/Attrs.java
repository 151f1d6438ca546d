/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;

/** Small helpers over PixelMed's attribute lists; PixelMed types never leave this bundle's internals. */
public final class Attrs {

    private Attrs() {
    }

    /**
     * Puts an attribute with the dictionary's VR and the given string values (none: zero length, type 2). Every
     * value is checked against its VR's limits ({@link VrLimits}); a value that does not fit is refused, never cut.
     */
    public static void put(AttributeList list, AttributeTag tag, String... values) throws DicomException {
        Attribute a = list.putNewAttribute(tag);
        String vr = vr(a);
        for (String v : values) {
            VrLimits.check(tag, vr, v);
            a.addValue(v);
        }
    }

    /** Puts a decimal string or numeric attribute with the given values (checked like {@link #put}). */
    public static void putNumbers(AttributeList list, AttributeTag tag, double... values) throws DicomException {
        Attribute a = list.putNewAttribute(tag);
        String vr = vr(a);
        for (double v : values) {
            String text = formatDecimal(v);
            VrLimits.check(tag, vr, text);
            a.addValue(text);
        }
    }

    /** Puts an integer attribute (IS, US, SS, UL, ...), checked like {@link #put}. */
    public static void putInts(AttributeList list, AttributeTag tag, int... values) throws DicomException {
        Attribute a = list.putNewAttribute(tag);
        String vr = vr(a);
        for (int v : values) {
            VrLimits.check(tag, vr, Integer.toString(v));
            a.addValue(v);
        }
    }

    private static String vr(Attribute a) {
        byte[] vr = a.getVR();
        return vr == null ? "" : new String(vr, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * A decimal string value of at most 16 characters (DICOM DS limit) that keeps as much precision as fits.
     */
    public static String formatDecimal(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a decimal string cannot hold " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // the shortest decimal that reads back as v, when plain and of at most ten significant digits, is what the
        // exact binary value rounds to at ten digits (the two differ by less than an ulp): no BigDecimal needed,
        // whose first use costs tens of milliseconds (its class initialisation) on every scan of a folder
        String shortest = Double.toString(v);
        if (shortest.length() <= 16 && shortest.indexOf('E') < 0 && significantDigits(shortest) <= 10) {
            return shortest;
        }
        for (int digits = 10; digits >= 1; digits--) {
            String s = new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros()
                    .toPlainString();
            if (s.length() <= 16) {
                return s;
            }
        }
        return String.format(java.util.Locale.ROOT, "%.6e", v);
    }

    /** Significant digits of a plain decimal (no exponent): leading zeros are not counted. */
    private static int significantDigits(String plain) {
        int count = 0;
        boolean leading = true;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c >= '1' && c <= '9' || c == '0' && !leading) {
                count++;
                leading = false;
            }
        }
        return count;
    }

    /** Adds a new sequence (empty) to the list and returns it. */
    public static SequenceAttribute putSequence(AttributeList list, AttributeTag tag) {
        SequenceAttribute s = new SequenceAttribute(tag);
        list.put(s);
        return s;
    }

    /** Adds an item to a sequence and returns the item's attribute list. */
    public static AttributeList addItem(SequenceAttribute sequence) {
        AttributeList item = new AttributeList();
        sequence.addItem(item);
        return item;
    }

    public static String string(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).strip();
    }

    public static int integer(AttributeList list, AttributeTag tag, int defaultValue) {
        return Attribute.getSingleIntegerValueOrDefault(list, tag, defaultValue);
    }

    public static double[] doubles(AttributeList list, AttributeTag tag) {
        double[] d = Attribute.getDoubleValues(list, tag);
        return d == null ? new double[0] : d;
    }

    /** The first numeric value of an attribute, or {@code fallback} when absent. */
    public static double number(AttributeList list, AttributeTag tag, double fallback) {
        double[] v = doubles(list, tag);
        return v.length > 0 ? v[0] : fallback;
    }

    /** The items of a sequence attribute (empty when absent). */
    public static java.util.List<AttributeList> items(AttributeList list, AttributeTag tag) {
        java.util.List<AttributeList> items = new java.util.ArrayList<>();
        if (list.get(tag) instanceof SequenceAttribute s) {
            for (int i = 0; i < s.getNumberOfItems(); i++) {
                items.add(s.getItem(i).getAttributeList());
            }
        }
        return items;
    }
}
