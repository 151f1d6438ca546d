/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.io.IOException;
import java.nio.file.Path;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.ControlPoint;
import org.isocenter.core.plan.FractionGroup;
import org.isocenter.core.plan.Jaws;
import org.isocenter.core.plan.PatientSetup;
import org.isocenter.core.plan.Prescription;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.CommonModules;
import org.isocenter.dicom.internal.Tags;

/**
 * Writes an {@link RtPlan} as a DICOM RT Plan (external beams): prescription, fraction scheme with MU per
 * beam, patient setups and beams with all control points (jaws as ASYMX/ASYMY, MLC as MLCX when the beam
 * has leaf boundaries). Plan geometry is {@code PATIENT} when a structure set is referenced, else
 * {@code TREATMENT_DEVICE}. Never overwrites a file.
 */
public final class RtPlanWriter {

    public WrittenObject write(RtPlan plan, String studyInstanceUid, SeriesAttributes attributes, String seriesDescription,
            Path file) throws DicomWriteException {
        return write(plan, studyInstanceUid, attributes, seriesDescription, file, DicomUids.random(), DicomUids.random());
    }

    public WrittenObject write(RtPlan plan, String studyInstanceUid, SeriesAttributes attributes, String seriesDescription,
            Path file, String seriesUid, String sopUid) throws DicomWriteException {
        CommonModules.refuseExisting(file);
        if (plan.label().isEmpty()) {
            throw new DicomWriteException("an RT Plan needs a label (RT Plan Label is type 1)", null);
        }
        try {
            AttributeList l = new AttributeList();
            CommonModules.patientAndStudy(l, plan.patient(), studyInstanceUid, attributes);
            CommonModules.seriesAndEquipment(l, "RTPLAN", seriesUid, seriesDescription, attributes);
            Attrs.put(l, TagFromName.OperatorsName);
            if (!plan.frameOfReferenceUid().isEmpty()) {
                Attrs.put(l, TagFromName.FrameOfReferenceUID, plan.frameOfReferenceUid());
                Attrs.put(l, TagFromName.PositionReferenceIndicator);
            }
            Attrs.putInts(l, TagFromName.InstanceNumber, 1);
            Attrs.put(l, Tags.RTPlanLabel, plan.label());
            if (!plan.name().isEmpty()) {
                Attrs.put(l, Tags.RTPlanName, plan.name());
            }
            Attrs.put(l, Tags.RTPlanDate, attributes.studyDate());
            Attrs.put(l, Tags.RTPlanTime, attributes.studyTime());
            if (plan.referencedStructureSetUid().isEmpty()) {
                Attrs.put(l, Tags.RTPlanGeometry, "TREATMENT_DEVICE");
            } else {
                Attrs.put(l, Tags.RTPlanGeometry, "PATIENT");
                AttributeList ref = Attrs.addItem(Attrs.putSequence(l, Tags.ReferencedStructureSetSequence));
                Attrs.put(ref, TagFromName.ReferencedSOPClassUID, SOPClass.RTStructureSetStorage);
                Attrs.put(ref, TagFromName.ReferencedSOPInstanceUID, plan.referencedStructureSetUid());
            }
            prescriptions(l, plan);
            setups(l, plan);
            fractions(l, plan);
            beams(l, plan);
            Attrs.put(l, Tags.ApprovalStatus, "UNAPPROVED");
            CommonModules.sopCommon(l, SOPClass.RTPlanStorage, sopUid, attributes);
            CommonModules.writeNewFile(l, file);
        } catch (DicomException | IOException | IllegalArgumentException e) {
            throw new DicomWriteException("cannot write RT Plan " + file + ": " + e.getMessage(), e);
        }
        return new WrittenObject(file, SOPClass.RTPlanStorage, sopUid, seriesUid);
    }

    private static void prescriptions(AttributeList l, RtPlan plan) throws DicomException {
        if (plan.prescriptions().isEmpty()) {
            return;
        }
        SequenceAttribute seq = Attrs.putSequence(l, Tags.DoseReferenceSequence);
        for (Prescription p : plan.prescriptions()) {
            AttributeList item = Attrs.addItem(seq);
            Attrs.putInts(item, Tags.DoseReferenceNumber, p.number());
            boolean volume = p.referencedRoiNumber() > 0;
            Attrs.put(item, Tags.DoseReferenceStructureType, volume ? "VOLUME" : "SITE");
            if (!p.description().isEmpty()) {
                Attrs.put(item, Tags.DoseReferenceDescription, p.description());
            }
            if (volume) {
                Attrs.putInts(item, Tags.ReferencedROINumber, p.referencedRoiNumber());
            }
            Attrs.put(item, Tags.DoseReferenceType, p.doseReferenceType().isEmpty() ? "TARGET" : p.doseReferenceType());
            if (!Double.isNaN(p.targetPrescriptionDoseGy())) {
                Attrs.putNumbers(item, Tags.TargetPrescriptionDose, p.targetPrescriptionDoseGy());
            }
        }
    }

    private static void setups(AttributeList l, RtPlan plan) throws DicomException {
        SequenceAttribute seq = Attrs.putSequence(l, Tags.PatientSetupSequence);
        for (PatientSetup s : plan.patientSetups()) {
            AttributeList item = Attrs.addItem(seq);
            Attrs.putInts(item, Tags.PatientSetupNumber, s.number());
            Attrs.put(item, TagFromName.PatientPosition, s.position().name());
            if (!s.setupTechnique().isEmpty()) {
                Attrs.put(item, Tags.SetupTechnique, s.setupTechnique());
            }
            Attrs.putNumbers(item, Tags.TableTopVerticalSetupDisplacement, s.tableTopVerticalMm());
            Attrs.putNumbers(item, Tags.TableTopLongitudinalSetupDisplacement, s.tableTopLongitudinalMm());
            Attrs.putNumbers(item, Tags.TableTopLateralSetupDisplacement, s.tableTopLateralMm());
        }
    }

    private static void fractions(AttributeList l, RtPlan plan) throws DicomException {
        SequenceAttribute seq = Attrs.putSequence(l, Tags.FractionGroupSequence);
        for (FractionGroup g : plan.fractionGroups()) {
            AttributeList item = Attrs.addItem(seq);
            Attrs.putInts(item, Tags.FractionGroupNumber, g.number());
            Attrs.putInts(item, Tags.NumberOfFractionsPlanned, g.fractionsPlanned());
            Attrs.putInts(item, Tags.NumberOfBeams, g.beams().size());
            Attrs.putInts(item, Tags.NumberOfBrachyApplicationSetups, 0);
            if (!g.beams().isEmpty()) {
                SequenceAttribute beams = Attrs.putSequence(item, Tags.ReferencedBeamSequence);
                for (FractionGroup.BeamMeterset m : g.beams()) {
                    AttributeList b = Attrs.addItem(beams);
                    Attrs.putInts(b, Tags.ReferencedBeamNumber, m.beamNumber());
                    if (!Double.isNaN(m.beamDoseGy())) {
                        Attrs.putNumbers(b, Tags.BeamDose, m.beamDoseGy());
                    }
                    if (!Double.isNaN(m.metersetMu())) {
                        Attrs.putNumbers(b, Tags.BeamMeterset, m.metersetMu());
                    }
                }
            }
        }
    }

    private static void beams(AttributeList l, RtPlan plan) throws DicomException {
        SequenceAttribute seq = Attrs.putSequence(l, Tags.BeamSequence);
        for (Beam b : plan.beams()) {
            AttributeList item = Attrs.addItem(seq);
            Attrs.putInts(item, Tags.BeamNumber, b.number());
            if (!b.name().isEmpty()) {
                Attrs.put(item, Tags.BeamName, b.name());
            }
            if (!b.description().isEmpty()) {
                Attrs.put(item, Tags.BeamDescription, b.description());
            }
            boolean dynamic = b.controlPoints().size() > 2 || movesBetween(b);
            Attrs.put(item, Tags.BeamType, dynamic ? "DYNAMIC" : "STATIC");
            Attrs.put(item, Tags.RadiationType, b.radiationType().isEmpty() ? "PHOTON" : b.radiationType());
            Attrs.put(item, Tags.TreatmentMachineName, b.treatmentMachineName());
            Attrs.put(item, Tags.PrimaryDosimeterUnit, "MU");
            Attrs.putNumbers(item, Tags.SourceAxisDistance, b.sourceAxisDistanceMm());
            double[] boundaries = b.mlcLeafBoundariesMm();
            SequenceAttribute devices = Attrs.putSequence(item, Tags.BeamLimitingDeviceSequence);
            device(devices, "ASYMX", 1, null);
            device(devices, "ASYMY", 1, null);
            if (boundaries.length > 0) {
                device(devices, "MLCX", boundaries.length - 1, boundaries);
            }
            Attrs.putInts(item, Tags.ReferencedPatientSetupNumber, b.referencedPatientSetupNumber());
            Attrs.put(item, Tags.TreatmentDeliveryType, b.deliveryType());
            Attrs.putInts(item, Tags.NumberOfWedges, 0);
            Attrs.putInts(item, Tags.NumberOfCompensators, 0);
            Attrs.putInts(item, Tags.NumberOfBoli, 0);
            Attrs.putInts(item, Tags.NumberOfBlocks, 0);
            double finalWeight = b.controlPoints().get(b.controlPoints().size() - 1).cumulativeMetersetWeight();
            Attrs.putNumbers(item, Tags.FinalCumulativeMetersetWeight, finalWeight);
            Attrs.putInts(item, Tags.NumberOfControlPoints, b.controlPoints().size());
            SequenceAttribute cps = Attrs.putSequence(item, Tags.ControlPointSequence);
            for (int i = 0; i < b.controlPoints().size(); i++) {
                ControlPoint previous = i == 0 ? null : b.controlPoints().get(i - 1);
                ControlPoint next = i + 1 < b.controlPoints().size() ? b.controlPoints().get(i + 1) : null;
                controlPoint(Attrs.addItem(cps), b, b.controlPoints().get(i), previous, next);
            }
        }
    }

    private static boolean movesBetween(Beam b) {
        ControlPoint a = b.first();
        for (ControlPoint cp : b.controlPoints()) {
            if (cp.gantryDeg() != a.gantryDeg() || !java.util.Arrays.equals(cp.mlcLeafPositionsMm(), a.mlcLeafPositionsMm())
                    || !cp.jaws().equals(a.jaws())) {
                return true;
            }
        }
        return false;
    }

    private static void device(SequenceAttribute devices, String type, int pairs, double[] boundaries)
            throws DicomException {
        AttributeList d = Attrs.addItem(devices);
        Attrs.put(d, Tags.RTBeamLimitingDeviceType, type);
        Attrs.putInts(d, Tags.NumberOfLeafJawPairs, pairs);
        if (boundaries != null) {
            Attrs.putNumbers(d, Tags.LeafPositionBoundaries, boundaries);
        }
    }

    /** Control point 0 carries the full state; later ones only what changed (DICOM type 1C/2C rules). */
    private static void controlPoint(AttributeList item, Beam beam, ControlPoint cp, ControlPoint previous,
            ControlPoint next) throws DicomException {
        Attrs.putInts(item, Tags.ControlPointIndex, cp.index());
        Attrs.putNumbers(item, Tags.CumulativeMetersetWeight, cp.cumulativeMetersetWeight());
        boolean first = previous == null;
        if (first) {
            Attrs.putNumbers(item, Tags.NominalBeamEnergy, beam.nominalEnergy());
        }
        if (first || !previous.jaws().equals(cp.jaws()) || !java.util.Arrays.equals(previous.mlcLeafPositionsMm(),
                cp.mlcLeafPositionsMm())) {
            SequenceAttribute positions = Attrs.putSequence(item, Tags.BeamLimitingDevicePositionSequence);
            Jaws j = cp.jaws();
            AttributeList x = Attrs.addItem(positions);
            Attrs.put(x, Tags.RTBeamLimitingDeviceType, "ASYMX");
            Attrs.putNumbers(x, Tags.LeafJawPositions, j.x1Mm(), j.x2Mm());
            AttributeList y = Attrs.addItem(positions);
            Attrs.put(y, Tags.RTBeamLimitingDeviceType, "ASYMY");
            Attrs.putNumbers(y, Tags.LeafJawPositions, j.y1Mm(), j.y2Mm());
            if (cp.mlcLeafPositionsMm().length > 0) {
                AttributeList m = Attrs.addItem(positions);
                Attrs.put(m, Tags.RTBeamLimitingDeviceType, "MLCX");
                Attrs.putNumbers(m, Tags.LeafJawPositions, cp.mlcLeafPositionsMm());
            }
        }
        String direction = rotation(cp, next);
        String previousDirection = first ? null : rotation(previous, cp);
        if (first || previous.gantryDeg() != cp.gantryDeg() || !direction.equals(previousDirection)) {
            Attrs.putNumbers(item, Tags.GantryAngle, cp.gantryDeg());
            Attrs.put(item, Tags.GantryRotationDirection, direction);
        }
        if (first || previous.collimatorDeg() != cp.collimatorDeg()) {
            Attrs.putNumbers(item, Tags.BeamLimitingDeviceAngle, cp.collimatorDeg());
            Attrs.put(item, Tags.BeamLimitingDeviceRotationDirection, "NONE");
        }
        if (first || previous.couchDeg() != cp.couchDeg()) {
            Attrs.putNumbers(item, Tags.PatientSupportAngle, cp.couchDeg());
            Attrs.put(item, Tags.PatientSupportRotationDirection, "NONE");
        }
        if (first) {
            Attrs.putNumbers(item, Tags.TableTopEccentricAngle, 0);
            Attrs.put(item, Tags.TableTopEccentricRotationDirection, "NONE");
            Attrs.put(item, Tags.TableTopVerticalPosition);
            Attrs.put(item, Tags.TableTopLongitudinalPosition);
            Attrs.put(item, Tags.TableTopLateralPosition);
        }
        if (first || !previous.isocenterMm().equals(cp.isocenterMm())) {
            Attrs.putNumbers(item, Tags.IsocenterPosition, cp.isocenterMm().x(), cp.isocenterMm().y(), cp.isocenterMm().z());
        }
    }

    /**
     * Gantry rotation for the segment that follows {@code cp} (DICOM's meaning of the attribute): the shorter
     * way round to the next control point (arc steps are below 180 deg), NONE at the last one.
     */
    private static String rotation(ControlPoint cp, ControlPoint next) {
        if (next == null) {
            return "NONE";
        }
        double d = ((next.gantryDeg() - cp.gantryDeg()) % 360 + 360) % 360;
        return d == 0 ? "NONE" : d < 180 ? "CW" : "CC";
    }
}
