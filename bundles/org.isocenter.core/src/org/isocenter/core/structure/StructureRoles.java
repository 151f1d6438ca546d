/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that decides what a structure is for, from its RT ROI Interpreted Type and, where the type says
 * nothing, its AAPM TG-263 name. Targets are GTV, CTV, ITV and PTV (type, else a name that starts with one: GTVp,
 * CTV_High, PTV70, ITV-1); a control (optimisation / helper) structure — z_, zz, _ or z + capital first, or a Ring
 * or Opt part (zPTV, Ring_PTV, PTV_Opt) — is never a target, whatever its type says. Structures carry no frame or unit
 * here.
 */
public final class StructureRoles {

    /** What a structure is used for. */
    public enum Role {
        TARGET, ORGAN_AT_RISK, EXTERNAL, SUPPORT, CONTROL, OTHER
    }

    /** Target kinds, the order {@link #firstTarget} prefers them in: the widest envelope first. */
    public static final List<String> TARGET_KINDS = List.of("PTV", "ITV", "CTV", "GTV");

    private StructureRoles() {
    }

    /** The structure's role. */
    public static Role role(Roi roi) {
        if (isControlName(roi.name()) || roi.interpretedType().equalsIgnoreCase("CONTROL")) {
            return Role.CONTROL;
        }
        if (targetKind(roi).isPresent()) {
            return Role.TARGET;
        }
        return switch (roi.interpretedType().toUpperCase(Locale.ROOT)) {
            case "ORGAN", "AVOIDANCE" -> Role.ORGAN_AT_RISK;
            case "EXTERNAL" -> Role.EXTERNAL;
            case "SUPPORT", "FIXATION" -> Role.SUPPORT;
            default -> Role.OTHER;
        };
    }

    /** GTV, CTV, ITV or PTV: the type when it is a target type, else what the name says; empty for non-targets. */
    public static Optional<String> targetKind(Roi roi) {
        if (isControlName(roi.name())) {
            return Optional.empty();
        }
        String type = roi.interpretedType().toUpperCase(Locale.ROOT);
        if (TARGET_KINDS.contains(type)) {
            return Optional.of(type);
        }
        return type.isEmpty() || type.equals("ORGAN") ? targetKindOfName(roi.name()) : Optional.empty();
    }

    /** Whether the structure is a target (any kind). */
    public static boolean isTarget(Roi roi) {
        return targetKind(roi).isPresent();
    }

    /** Whether the structure is a target a margin grows into a PTV: GTV, CTV or ITV. */
    public static boolean isClinicalTarget(Roi roi) {
        return targetKind(roi).filter(k -> !k.equals("PTV")).isPresent();
    }

    /**
     * The first contoured target, preferring the widest envelope (PTV, ITV, CTV, GTV), in the set's order within a
     * kind; empty when the set has none.
     */
    public static Optional<Roi> firstTarget(StructureSet set) {
        for (String kind : TARGET_KINDS) {
            for (Roi roi : set.rois()) {
                if (!roi.contours().isEmpty() && targetKind(roi).filter(kind::equals).isPresent()) {
                    return Optional.of(roi);
                }
            }
        }
        return Optional.empty();
    }

    /** GTV, CTV, ITV or PTV when a name starts with one (GTV_Boost, PTV70, PTVn, CTV-High), else empty. */
    public static Optional<String> targetKindOfName(String name) {
        String raw = name == null ? "" : name.trim();
        String n = raw.toUpperCase(Locale.ROOT);
        if (isControlName(raw)) {
            return Optional.empty();
        }
        for (String t : TARGET_KINDS) {
            // the prefix, then nothing, a separator, a digit or a lower-case TG-263 qualifier (GTVp, CTVn, PTVsb)
            if (n.startsWith(t) && (n.length() == t.length() || !Character.isLetter(n.charAt(t.length()))
                    || Character.isLowerCase(raw.charAt(t.length())))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a name is a control (optimisation / helper) structure's: z_, zz, _ or z + capital first, or a Ring
     * or Opt part (Ring_PTV, Ring5mm, PTV_Opt, Opt2_Bladder, PTV-optimization).
     */
    public static boolean isControlName(String name) {
        String n = name == null ? "" : name.trim();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.startsWith("z_") || lower.startsWith("zz") || lower.startsWith("_")
                || n.length() > 1 && n.charAt(0) == 'z' && Character.isUpperCase(n.charAt(1))) {
            return true;
        }
        return tokens(n).stream().anyMatch(t -> t.startsWith("ring") || t.matches("opt\\d*|optim\\w*"));
    }

    /** The name's parts between separators, lower case (PTV_High-2 → ptv, high, 2). */
    public static List<String> tokens(String n) {
        List<String> out = new ArrayList<>();
        for (String t : n.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
