/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.isocenter.core.structure.StructureRoles;

/**
 * Defaults for a new structure from its name, after the AAPM TG-263 nomenclature (case-insensitive, with the usual
 * prefixes and suffixes): the RT ROI Interpreted Type and a conventional display colour, made distinct from the
 * colours already used in the structure set.
 * <ul>
 * <li>targets: GTV… (GTV, GTVp, GTV_Boost) type GTV, red; CTV… (CTV_High, CTV5040) CTV, orange; ITV… ITV, magenta;
 * PTV… (PTV, PTV_High, PTV70, PTVn) PTV, cyan;</li>
 * <li>BODY / External / Skin: EXTERNAL, green; Couch…, Table: SUPPORT;</li>
 * <li>control (optimisation) structures: names starting with z_, zz, _ or z followed by a capital (zPTV, zRing),
 * and names holding a Ring or Opt part (Ring_PTV, PTV_Opt, Opt_Bladder, Ring_CTV): CONTROL, lavender;</li>
 * <li>planning organ-at-risk volumes (SpinalCord_PRV05): AVOIDANCE;</li>
 * <li>common organs at risk (Bladder yellow, Rectum brown, Bowel, FemoralHead, SpinalCord, Heart, Lungs, Kidneys,
 * Parotids, Brainstem, …): ORGAN with their usual colours; any other name: ORGAN.</li>
 * </ul>
 * A colour counts as taken when a structure's colour is within {@link #MIN_DISTANCE} (RGB distance) of it; then
 * the palette colour farthest from every taken colour is used instead. Colours are {r, g, b} in 0..255.
 */
public final class StructureDefaults {

    /** RGB distance below which two structure colours are too alike to tell apart on an image. */
    public static final double MIN_DISTANCE = 80;

    /** The conventional target colours. */
    public static final int[] GTV_RGB = { 255, 0, 0 }, CTV_RGB = { 255, 140, 0 }, ITV_RGB = { 255, 0, 255 },
            PTV_RGB = { 0, 255, 255 }, EXTERNAL_RGB = { 0, 200, 0 }, CONTROL_RGB = { 170, 150, 255 };

    private record Organ(Pattern pattern, String type, int[] rgb) {
    }

    private static final List<Organ> ORGANS = List.of(
            organ("body|external|skin|outline|patient", "EXTERNAL", EXTERNAL_RGB),
            organ("couch\\w*|table\\w*", "SUPPORT", new int[] { 150, 150, 150 }),
            organ("bladder", "ORGAN", new int[] { 255, 220, 0 }),
            organ("rectum|anorectum|rectal", "ORGAN", new int[] { 150, 75, 0 }),
            organ("bowel\\w*|colon\\w*|sigmoid|duodenum|smallbowel|bag_?bowel", "ORGAN", new int[] { 210, 160, 100 }),
            organ("femoralhead\\w*|femur\\w*|femoral\\w*", "ORGAN", new int[] { 0, 140, 255 }),
            organ("penilebulb|penile_bulb|bulb", "ORGAN", new int[] { 130, 0, 255 }),
            organ("prostate", "ORGAN", new int[] { 255, 130, 130 }),
            organ("seminalves\\w*|sv", "ORGAN", new int[] { 255, 180, 120 }),
            organ("spinalcord|cord|spinal_cord|spinalcanal", "ORGAN", new int[] { 255, 255, 140 }),
            organ("brainstem", "ORGAN", new int[] { 200, 0, 200 }),
            organ("brain", "ORGAN", new int[] { 255, 200, 255 }),
            organ("heart", "ORGAN", new int[] { 220, 0, 100 }),
            organ("lung\\w*", "ORGAN", new int[] { 100, 200, 255 }),
            organ("esophagus|oesophagus", "ORGAN", new int[] { 255, 170, 170 }),
            organ("kidney\\w*", "ORGAN", new int[] { 180, 90, 40 }),
            organ("liver", "ORGAN", new int[] { 160, 110, 0 }),
            organ("stomach", "ORGAN", new int[] { 255, 150, 200 }),
            organ("parotid\\w*", "ORGAN", new int[] { 130, 255, 130 }),
            organ("opticnrv\\w*|opticnerve\\w*|opticchiasm|chiasm", "ORGAN", new int[] { 255, 255, 0 }),
            organ("eye\\w*|lens\\w*", "ORGAN", new int[] { 0, 255, 170 }),
            organ("mandible|bone_mandible", "ORGAN", new int[] { 230, 230, 200 }),
            organ("larynx|pharynx|oralcavity|cavity_oral", "ORGAN", new int[] { 200, 120, 255 }),
            organ("breast\\w*", "ORGAN", new int[] { 255, 190, 230 }),
            organ("cauda\\w*|caudaequina", "ORGAN", new int[] { 255, 240, 100 }));

    /** Colours tried, in order, when the conventional one is taken (distinct hues that read on a grey image). */
    private static final int[][] PALETTE = { { 255, 0, 0 }, { 0, 255, 255 }, { 255, 0, 255 }, { 255, 140, 0 },
            { 0, 255, 0 }, { 255, 255, 0 }, { 0, 120, 255 }, { 160, 80, 255 }, { 255, 100, 160 }, { 120, 255, 160 },
            { 180, 120, 60 }, { 255, 200, 120 }, { 0, 160, 120 }, { 200, 255, 0 }, { 255, 60, 60 }, { 120, 180, 255 } };

    /** Colours offered for a preview (bright, saturated, unlike the usual organ colours). */
    private static final int[][] PREVIEW_PALETTE = { { 255, 0, 255 }, { 0, 255, 255 }, { 128, 255, 0 },
            { 255, 128, 0 }, { 255, 255, 255 }, { 255, 0, 128 }, { 0, 255, 128 } };

    private StructureDefaults() {
    }

    private static Organ organ(String names, String type, int[] rgb) {
        // a whole name, optionally with a side / number / TG-263 suffix (FemoralHead_L, Lung_R, Kidneys, Bladder2)
        return new Organ(Pattern.compile("(?i)(" + names + ")([_ .-]?(l|r|left|right|lt|rt|\\d+|all|total|avoid|eval))?s?"),
                type, rgb);
    }

    /**
     * The type the name says, if it says one: GTV / CTV / ITV / PTV for targets, CONTROL for control structures,
     * AVOIDANCE for PRVs, EXTERNAL, SUPPORT, ORGAN for known organs; empty for a name that says nothing.
     */
    public static Optional<String> recognizedType(String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (isControl(n)) {
            return Optional.of("CONTROL");
        }
        Optional<String> target = targetType(n);
        if (target.isPresent()) {
            return target;
        }
        if (tokens(n).stream().anyMatch(t -> t.matches("prv\\d*"))) {
            return Optional.of("AVOIDANCE");
        }
        return organ(n).map(Organ::type);
    }

    static boolean isControl(String n) {
        return StructureRoles.isControlName(n);
    }

    private static List<String> tokens(String n) {
        return StructureRoles.tokens(n);
    }

    /** The type for a new structure of this name: {@link #recognizedType(String)}, else ORGAN. */
    public static String typeFor(String name) {
        return recognizedType(name).orElse("ORGAN");
    }

    /** GTV, CTV, ITV or PTV when the name starts with one ({@link StructureRoles#targetKindOfName}), else empty. */
    public static Optional<String> targetType(String name) {
        return StructureRoles.targetKindOfName(name);
    }

    /** The conventional colour of a name (and type, when the name says nothing), not yet made distinct. */
    public static int[] conventionalColour(String name, String type) {
        String t = recognizedType(name).orElse(type == null ? "" : type);
        int[] rgb = switch (t) {
        case "GTV" -> GTV_RGB;
        case "CTV" -> CTV_RGB;
        case "ITV" -> ITV_RGB;
        case "PTV" -> PTV_RGB;
        case "CONTROL" -> CONTROL_RGB;
        case "EXTERNAL" -> EXTERNAL_RGB;
        default -> null;
        };
        if (rgb == null && "AVOIDANCE".equals(t)) {
            // a PRV: its organ's colour, lighter
            String organName = name == null ? "" : name.replaceAll("(?i)[_ -]?prv[_ -]?\\d*", "");
            rgb = organ(organName).map(o -> lighter(o.rgb())).orElse(new int[] { 255, 160, 100 });
        }
        if (rgb == null) {
            rgb = organ(name == null ? "" : name.trim()).map(Organ::rgb).orElse(null);
        }
        return rgb == null ? PALETTE[Math.floorMod(name == null ? 0 : name.hashCode(), PALETTE.length)].clone()
                : rgb.clone();
    }

    /**
     * The colour for a new structure named {@code name} (type {@code type} when the name says nothing) in a set
     * whose structures use {@code taken}: the conventional colour, or when a structure's colour is too close to it,
     * the palette colour farthest from every taken colour.
     */
    public static int[] colourFor(String name, String type, Collection<int[]> taken) {
        int[] conventional = conventionalColour(name, type);
        if (minDistance(conventional, taken) >= MIN_DISTANCE) {
            return conventional;
        }
        return farthest(PALETTE, taken);
    }

    /** A colour for previews of computed structures: far from every structure colour of the set. */
    public static int[] previewColour(Collection<int[]> taken) {
        return farthest(PREVIEW_PALETTE, taken);
    }

    /** The RGB distance between two colours. */
    public static double distance(int[] a, int[] b) {
        double dr = a[0] - b[0], dg = a[1] - b[1], db = a[2] - b[2];
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static double minDistance(int[] c, Collection<int[]> taken) {
        double min = Double.POSITIVE_INFINITY;
        for (int[] t : taken) {
            min = Math.min(min, distance(c, t));
        }
        return min;
    }

    private static int[] farthest(int[][] candidates, Collection<int[]> taken) {
        List<int[]> list = new ArrayList<>(taken);
        int[] best = candidates[0];
        double bestDistance = -1;
        for (int[] c : candidates) {
            double d = minDistance(c, list);
            if (d >= MIN_DISTANCE * 1.5) {
                return c.clone(); // the first clearly free colour, in palette order
            }
            if (d > bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best.clone();
    }

    private static Optional<Organ> organ(String name) {
        String n = name.trim();
        return ORGANS.stream().filter(o -> o.pattern().matcher(n).matches()).findFirst();
    }

    private static int[] lighter(int[] rgb) {
        return new int[] { (rgb[0] + 255) / 2, (rgb[1] + 255) / 2, (rgb[2] + 255) / 2 };
    }
}
