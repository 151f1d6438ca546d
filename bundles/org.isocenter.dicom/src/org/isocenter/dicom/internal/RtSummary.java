/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

/** A one-line description of an RT object's content from its header, for folder listings ({@code info}, browser). */
final class RtSummary {

    private RtSummary() {
    }

    /** The summary, or a note when the header is too malformed to summarize (never throws). */
    static String of(String modality, AttributeList l, int roiCount) {
        try {
            return summarize(modality, l, roiCount);
        } catch (RuntimeException e) {
            return "content not summarized: " + HeaderReader.describe(e);
        }
    }

    static String number(double v) {
        return Double.isFinite(v) ? Attrs.formatDecimal(v) : "?";
    }

    private static String summarize(String modality, AttributeList l, int roiCount) {
        return switch (modality) {
            case "RTSTRUCT" -> roiCount + " ROIs, label '" + Attrs.string(l, TagFromName.StructureSetLabel) + "'";
            case "RTPLAN" -> plan(l);
            case "RTDOSE" -> dose(l);
            case "REG" -> Attrs.items(l, Tags.RegistrationSequence).size() + " registered Frame(s) of Reference into "
                    + Attrs.string(l, TagFromName.FrameOfReferenceUID);
            case "RTIMAGE" -> String.format(Locale.ROOT, "RT Image '%s', gantry %s deg", Attrs.string(l, Tags.RTImageLabel),
                    number(Attrs.number(l, Tags.GantryAngle, 0)));
            default -> "";
        };
    }

    private static String dose(AttributeList l) {
        int columns = Attrs.integer(l, TagFromName.Columns, 0), rows = Attrs.integer(l, TagFromName.Rows, 0);
        if (columns == 0 || rows == 0) {
            return "RT Dose without a dose grid";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "dose grid %dx%dx%d", columns, rows,
                Attrs.integer(l, TagFromName.NumberOfFrames, 1)));
        for (String s : List.of(Attrs.string(l, Tags.DoseSummationType), Attrs.string(l, Tags.DoseUnits))) {
            if (!s.isEmpty()) {
                b.append(", ").append(s);
            }
        }
        return b.toString();
    }

    private static String plan(AttributeList l) {
        boolean ion = SopClasses.RT_ION_PLAN.equals(Attrs.string(l, TagFromName.SOPClassUID))
                || !Attrs.items(l, Tags.IonBeamSequence).isEmpty();
        List<AttributeList> beams = Attrs.items(l, ion ? Tags.IonBeamSequence : Tags.BeamSequence);
        String gantry = beams.stream().map(b -> {
            List<AttributeList> cps = Attrs.items(b, ion ? Tags.IonControlPointSequence : Tags.ControlPointSequence);
            return cps.isEmpty() ? "?" : number(Attrs.number(cps.get(0), Tags.GantryAngle, Double.NaN));
        }).collect(Collectors.joining("/"));
        String radiation = beams.stream().map(b -> Attrs.string(b, Tags.RadiationType)).filter(r -> !r.isEmpty())
                .distinct().collect(Collectors.joining("/"));
        int fractions = Attrs.items(l, Tags.FractionGroupSequence).stream()
                .mapToInt(g -> Attrs.integer(g, Tags.NumberOfFractionsPlanned, 0)).sum();
        String dose = Attrs.items(l, Tags.DoseReferenceSequence).stream()
                .map(d -> Attrs.number(d, Tags.TargetPrescriptionDose, Double.NaN)).filter(d -> !Double.isNaN(d))
                .map(d -> number(d) + " Gy").findFirst().orElse("no prescription dose");
        String beamText = beams.isEmpty() ? "no beams"
                : beams.size() + (beams.size() == 1 ? " beam (" : " beams (") + (radiation.isEmpty() ? "" : radiation + ", ")
                        + "gantry " + gantry + " deg)";
        return String.format(Locale.ROOT, "%s '%s': %s, %d fractions, %s", ion ? "ion plan" : "plan",
                Attrs.string(l, Tags.RTPlanLabel), beamText, fractions, dose);
    }
}
