/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.ControlPoint;
import org.isocenter.core.plan.FractionGroup;
import org.isocenter.core.plan.Jaws;
import org.isocenter.core.plan.PatientSetup;
import org.isocenter.core.plan.Prescription;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.HeaderChecks;
import org.isocenter.dicom.internal.Part10;
import org.isocenter.dicom.internal.Tags;

/**
 * Reads a DICOM RT Plan (photon/electron beams) or RT Ion Plan (proton/ion beams: Ion Beam and Ion Control
 * Point sequences; the source-axis distance is the mean of the two Virtual Source-Axis Distances, mm) into an
 * {@link RtPlan}. Control points inherit what DICOM lets
 * them omit from the previous one; jaws come from X/ASYMX and Y/ASYMY (NaN when the beam has none), leaves
 * from MLCX/MLCY. A plan that contradicts itself (beam without control points, unknown patient position,
 * angles outside [0, 360]) is refused with a message naming the file and the beam.
 */
public final class RtPlanReader {

    public RtPlan read(Path file) throws DicomReadException {
        return Part10.guarded(file, "RT Plan", () -> readChecked(file));
    }

    private RtPlan readChecked(Path file) throws DicomReadException {
        AttributeList l = Part10.read(file, "RTPLAN", "an RT Plan");
        try {
            List<Prescription> prescriptions = new ArrayList<>();
            for (AttributeList d : Attrs.items(l, Tags.DoseReferenceSequence)) {
                prescriptions.add(new Prescription(Attrs.integer(d, Tags.DoseReferenceNumber, 0),
                        Attrs.string(d, Tags.DoseReferenceDescription), Attrs.string(d, Tags.DoseReferenceType),
                        Attrs.string(d, Tags.DoseReferenceStructureType), Attrs.integer(d, Tags.ReferencedROINumber, 0),
                        Attrs.number(d, Tags.TargetPrescriptionDose, Double.NaN)));
            }
            List<PatientSetup> setups = new ArrayList<>();
            for (AttributeList s : Attrs.items(l, Tags.PatientSetupSequence)) {
                String code = Attrs.string(s, TagFromName.PatientPosition);
                setups.add(new PatientSetup(Attrs.integer(s, Tags.PatientSetupNumber, 0),
                        code.isEmpty() ? PatientPosition.HFS : PatientPosition.fromDicom(code),
                        Attrs.string(s, Tags.SetupTechnique), Attrs.number(s, Tags.TableTopVerticalSetupDisplacement, 0),
                        Attrs.number(s, Tags.TableTopLongitudinalSetupDisplacement, 0),
                        Attrs.number(s, Tags.TableTopLateralSetupDisplacement, 0)));
            }
            List<FractionGroup> groups = new ArrayList<>();
            for (AttributeList g : Attrs.items(l, Tags.FractionGroupSequence)) {
                List<FractionGroup.BeamMeterset> ms = new ArrayList<>();
                for (AttributeList b : Attrs.items(g, Tags.ReferencedBeamSequence)) {
                    ms.add(new FractionGroup.BeamMeterset(Attrs.integer(b, Tags.ReferencedBeamNumber, 0),
                            Attrs.number(b, Tags.BeamMeterset, Double.NaN), Attrs.number(b, Tags.BeamDose, Double.NaN)));
                }
                groups.add(new FractionGroup(Attrs.integer(g, Tags.FractionGroupNumber, 0),
                        Attrs.integer(g, Tags.NumberOfFractionsPlanned, 0), ms));
            }
            boolean ion = org.isocenter.dicom.internal.SopClasses.RT_ION_PLAN.equals(
                    Attrs.string(l, TagFromName.SOPClassUID)) || !Attrs.items(l, Tags.IonBeamSequence).isEmpty();
            List<Beam> beams = new ArrayList<>();
            for (AttributeList b : Attrs.items(l, ion ? Tags.IonBeamSequence : Tags.BeamSequence)) {
                beams.add(beam(file, b, setups, ion));
            }
            String structureSet = "";
            for (AttributeList r : Attrs.items(l, Tags.ReferencedStructureSetSequence)) {
                structureSet = Attrs.string(r, TagFromName.ReferencedSOPInstanceUID);
            }
            return new RtPlan(Attrs.string(l, Tags.RTPlanLabel), Attrs.string(l, Tags.RTPlanName), Part10.patient(l),
                    Attrs.string(l, TagFromName.FrameOfReferenceUID), structureSet, prescriptions, groups, beams, setups);
        } catch (IllegalArgumentException e) {
            throw new DicomReadException(file, "inconsistent RT Plan: " + e.getMessage(), e);
        }
    }

    private static Beam beam(Path file, AttributeList b, List<PatientSetup> setups, boolean ion)
            throws DicomReadException {
        int number = Attrs.integer(b, Tags.BeamNumber, 0);
        double sad = Attrs.number(b, Tags.SourceAxisDistance, 1000);
        if (ion) {
            double[] vsad = Attrs.doubles(b, Tags.VirtualSourceAxisDistances);
            if (vsad.length != 2 || !(vsad[0] > 0) || !(vsad[1] > 0) || !Double.isFinite(vsad[0] + vsad[1])) {
                throw new DicomReadException(file, "ion beam " + number + " needs two positive Virtual Source-Axis "
                        + "Distances (300A,030A), has " + java.util.Arrays.toString(vsad));
            }
            sad = (vsad[0] + vsad[1]) / 2;
        }
        double[] boundaries = new double[0];
        for (AttributeList d : Attrs.items(b, ion ? Tags.IonBeamLimitingDeviceSequence : Tags.BeamLimitingDeviceSequence)) {
            String type = Attrs.string(d, Tags.RTBeamLimitingDeviceType);
            if (type.startsWith("MLC")) {
                boundaries = Attrs.doubles(d, Tags.LeafPositionBoundaries);
            }
        }
        List<AttributeList> items = Attrs.items(b, ion ? Tags.IonControlPointSequence : Tags.ControlPointSequence);
        if (items.isEmpty()) {
            throw new DicomReadException(file, "beam " + number + " has no control points");
        }
        double energy = Double.NaN, gantry = 0, collimator = 0, couch = 0;
        Vector3 isocenter = null;
        Jaws jaws = new Jaws(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double[] leaves = new double[0];
        List<ControlPoint> cps = new ArrayList<>();
        for (AttributeList cp : items) {
            if (Double.isNaN(energy)) { // the first control point's (an ion beam's later layers have lower energies)
                energy = Attrs.number(cp, Tags.NominalBeamEnergy, energy);
            }
            gantry = Attrs.number(cp, Tags.GantryAngle, gantry);
            collimator = Attrs.number(cp, Tags.BeamLimitingDeviceAngle, collimator);
            couch = Attrs.number(cp, Tags.PatientSupportAngle, couch);
            double[] iso = Attrs.doubles(cp, Tags.IsocenterPosition);
            if (iso.length == 3) {
                if (!(Math.abs(iso[0]) <= HeaderChecks.MAX_POSITION_MM && Math.abs(iso[1]) <= HeaderChecks.MAX_POSITION_MM
                        && Math.abs(iso[2]) <= HeaderChecks.MAX_POSITION_MM)) {
                    throw new DicomReadException(file, "beam " + number + " control point " + cps.size()
                            + ": Isocenter Position " + java.util.Arrays.toString(iso) + " is not finite or lies beyond "
                            + (long) HeaderChecks.MAX_POSITION_MM + " mm");
                }
                isocenter = new Vector3(iso[0], iso[1], iso[2]);
            }
            double x1 = jaws.x1Mm(), x2 = jaws.x2Mm(), y1 = jaws.y1Mm(), y2 = jaws.y2Mm();
            for (AttributeList p : Attrs.items(cp, Tags.BeamLimitingDevicePositionSequence)) {
                String type = Attrs.string(p, Tags.RTBeamLimitingDeviceType);
                double[] pos = Attrs.doubles(p, Tags.LeafJawPositions);
                if ((type.equals("X") || type.equals("ASYMX")) && pos.length == 2) {
                    x1 = pos[0];
                    x2 = pos[1];
                } else if ((type.equals("Y") || type.equals("ASYMY")) && pos.length == 2) {
                    y1 = pos[0];
                    y2 = pos[1];
                } else if (type.startsWith("MLC")) {
                    leaves = pos;
                }
            }
            jaws = new Jaws(x1, x2, y1, y2);
            if (isocenter == null) {
                throw new DicomReadException(file, "beam " + number + " control point 0 states no Isocenter Position");
            }
            if (!Double.isFinite(gantry) || !Double.isFinite(collimator) || !Double.isFinite(couch)) {
                throw new DicomReadException(file, "beam " + number + " control point " + cps.size()
                        + ": gantry, collimator and couch angles must be finite numbers");
            }
            cps.add(new ControlPoint(Attrs.integer(cp, Tags.ControlPointIndex, cps.size()),
                    Attrs.number(cp, Tags.CumulativeMetersetWeight, Double.NaN), angle(gantry), angle(collimator),
                    angle(couch), isocenter, jaws, leaves));
        }
        if (!(sad > 0 && sad < HeaderChecks.MAX_POSITION_MM)) {
            throw new DicomReadException(file, "beam " + number + ": source-axis distance " + sad + " mm is not a positive "
                    + "finite distance below " + (long) HeaderChecks.MAX_POSITION_MM + " mm");
        }
        int setup = Attrs.integer(b, Tags.ReferencedPatientSetupNumber, setups.isEmpty() ? 0 : setups.get(0).number());
        return new Beam(number, Attrs.string(b, Tags.BeamName), Attrs.string(b, Tags.BeamDescription),
                Attrs.string(b, Tags.TreatmentDeliveryType), Attrs.string(b, Tags.RadiationType), energy,
                Attrs.string(b, Tags.TreatmentMachineName), sad, setup, boundaries,
                cps);
    }

    /** 360 deg is written by some systems for 0; anything else outside [0, 360) is refused by the model. */
    private static double angle(double deg) {
        return deg == 360 ? 0 : deg;
    }

}
