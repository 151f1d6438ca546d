/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import com.pixelmed.dicom.AttributeTag;

/**
 * Tags that PixelMed's {@code TagFromName} constants lack (RT modules, KVP, registration), by number: each field is
 * named by the attribute's DICOM keyword, and a test checks every number against PixelMed's data dictionary. Numbers,
 * not a lookup by keyword, because loading that dictionary (an XML file parsed on first use) costs a quarter of a
 * second of every command's start, and reading explicit VR files does not need it.
 */
public final class Tags {
    public static final AttributeTag ContourGeometricType = tag(0x3006, 0x0042);
    public static final AttributeTag ContourImageSequence = tag(0x3006, 0x0016);
    public static final AttributeTag ContourNumber = tag(0x3006, 0x0048);
    public static final AttributeTag ContourSequence = tag(0x3006, 0x0040);
    public static final AttributeTag KVP = tag(0x0018, 0x0060);
    public static final AttributeTag Laterality = tag(0x0020, 0x0060);
    public static final AttributeTag NumberOfContourPoints = tag(0x3006, 0x0046);
    public static final AttributeTag ObservationNumber = tag(0x3006, 0x0082);
    public static final AttributeTag ROIContourSequence = tag(0x3006, 0x0039);
    public static final AttributeTag ROIDisplayColor = tag(0x3006, 0x002A);
    public static final AttributeTag ROIGenerationAlgorithm = tag(0x3006, 0x0036);
    public static final AttributeTag ROIInterpreter = tag(0x3006, 0x00A6);
    public static final AttributeTag ROIName = tag(0x3006, 0x0026);
    public static final AttributeTag ROINumber = tag(0x3006, 0x0022);
    public static final AttributeTag RTROIInterpretedType = tag(0x3006, 0x00A4);
    public static final AttributeTag RTROIObservationsSequence = tag(0x3006, 0x0080);
    public static final AttributeTag RTReferencedSeriesSequence = tag(0x3006, 0x0014);
    public static final AttributeTag RTReferencedStudySequence = tag(0x3006, 0x0012);
    public static final AttributeTag ReferencedFrameOfReferenceSequence = tag(0x3006, 0x0010);
    public static final AttributeTag ReferencedROINumber = tag(0x3006, 0x0084);
    public static final AttributeTag RegistrationSequence = tag(0x0070, 0x0308);
    public static final AttributeTag StructureSetROISequence = tag(0x3006, 0x0020);

    public static final AttributeTag ApprovalStatus = tag(0x300E, 0x0002);
    public static final AttributeTag BeamDose = tag(0x300A, 0x0084);
    public static final AttributeTag BeamLimitingDeviceAngle = tag(0x300A, 0x0120);
    public static final AttributeTag BeamLimitingDevicePositionSequence = tag(0x300A, 0x011A);
    public static final AttributeTag BeamLimitingDeviceRotationDirection = tag(0x300A, 0x0121);
    public static final AttributeTag BeamLimitingDeviceSequence = tag(0x300A, 0x00B6);
    public static final AttributeTag BeamMeterset = tag(0x300A, 0x0086);
    public static final AttributeTag BeamName = tag(0x300A, 0x00C2);
    public static final AttributeTag BeamDescription = tag(0x300A, 0x00C3);
    public static final AttributeTag BeamNumber = tag(0x300A, 0x00C0);
    public static final AttributeTag BeamSequence = tag(0x300A, 0x00B0);
    public static final AttributeTag BeamType = tag(0x300A, 0x00C4);
    public static final AttributeTag ControlPointIndex = tag(0x300A, 0x0112);
    public static final AttributeTag ControlPointSequence = tag(0x300A, 0x0111);
    public static final AttributeTag CumulativeMetersetWeight = tag(0x300A, 0x0134);
    public static final AttributeTag DoseGridScaling = tag(0x3004, 0x000E);
    public static final AttributeTag DoseReferenceDescription = tag(0x300A, 0x0016);
    public static final AttributeTag DoseReferenceNumber = tag(0x300A, 0x0012);
    public static final AttributeTag DoseReferenceSequence = tag(0x300A, 0x0010);
    public static final AttributeTag DoseReferenceStructureType = tag(0x300A, 0x0014);
    public static final AttributeTag DoseReferenceType = tag(0x300A, 0x0020);
    public static final AttributeTag DoseSummationType = tag(0x3004, 0x000A);
    public static final AttributeTag DoseType = tag(0x3004, 0x0004);
    public static final AttributeTag DoseUnits = tag(0x3004, 0x0002);
    public static final AttributeTag FinalCumulativeMetersetWeight = tag(0x300A, 0x010E);
    public static final AttributeTag FractionGroupNumber = tag(0x300A, 0x0071);
    public static final AttributeTag FractionGroupSequence = tag(0x300A, 0x0070);
    public static final AttributeTag GantryAngle = tag(0x300A, 0x011E);
    public static final AttributeTag GantryRotationDirection = tag(0x300A, 0x011F);
    public static final AttributeTag GridFrameOffsetVector = tag(0x3004, 0x000C);
    public static final AttributeTag IsocenterPosition = tag(0x300A, 0x012C);
    public static final AttributeTag LeafJawPositions = tag(0x300A, 0x011C);
    public static final AttributeTag LeafPositionBoundaries = tag(0x300A, 0x00BE);
    public static final AttributeTag NominalBeamEnergy = tag(0x300A, 0x0114);
    public static final AttributeTag NumberOfBeams = tag(0x300A, 0x0080);
    public static final AttributeTag NumberOfBlocks = tag(0x300A, 0x00F0);
    public static final AttributeTag NumberOfBoli = tag(0x300A, 0x00ED);
    public static final AttributeTag NumberOfBrachyApplicationSetups = tag(0x300A, 0x00A0);
    public static final AttributeTag NumberOfCompensators = tag(0x300A, 0x00E0);
    public static final AttributeTag NumberOfControlPoints = tag(0x300A, 0x0110);
    public static final AttributeTag NumberOfFractionsPlanned = tag(0x300A, 0x0078);
    public static final AttributeTag NumberOfLeafJawPairs = tag(0x300A, 0x00BC);
    public static final AttributeTag NumberOfWedges = tag(0x300A, 0x00D0);
    public static final AttributeTag PatientSetupNumber = tag(0x300A, 0x0182);
    public static final AttributeTag PatientSetupSequence = tag(0x300A, 0x0180);
    public static final AttributeTag PatientSupportAngle = tag(0x300A, 0x0122);
    public static final AttributeTag PatientSupportRotationDirection = tag(0x300A, 0x0123);
    public static final AttributeTag PrimaryDosimeterUnit = tag(0x300A, 0x00B3);
    public static final AttributeTag RTBeamLimitingDeviceType = tag(0x300A, 0x00B8);
    public static final AttributeTag RTPlanDate = tag(0x300A, 0x0006);
    public static final AttributeTag RTPlanGeometry = tag(0x300A, 0x000C);
    public static final AttributeTag RTPlanLabel = tag(0x300A, 0x0002);
    public static final AttributeTag RTPlanName = tag(0x300A, 0x0003);
    public static final AttributeTag RTPlanTime = tag(0x300A, 0x0007);
    public static final AttributeTag RadiationType = tag(0x300A, 0x00C6);
    public static final AttributeTag ReferencedBeamNumber = tag(0x300C, 0x0006);
    public static final AttributeTag ReferencedBeamSequence = tag(0x300C, 0x0004);
    public static final AttributeTag ReferencedFractionGroupNumber = tag(0x300C, 0x0022);
    public static final AttributeTag ReferencedPatientSetupNumber = tag(0x300C, 0x006A);
    public static final AttributeTag ReferencedRTPlanSequence = tag(0x300C, 0x0002);
    public static final AttributeTag ReferencedStructureSetSequence = tag(0x300C, 0x0060);
    public static final AttributeTag SetupTechnique = tag(0x300A, 0x01B0);
    public static final AttributeTag SourceAxisDistance = tag(0x300A, 0x00B4);
    public static final AttributeTag TableTopEccentricAngle = tag(0x300A, 0x0125);
    public static final AttributeTag TableTopEccentricRotationDirection = tag(0x300A, 0x0126);
    public static final AttributeTag TableTopLateralPosition = tag(0x300A, 0x012A);
    public static final AttributeTag TableTopLateralSetupDisplacement = tag(0x300A, 0x01D6);
    public static final AttributeTag TableTopLongitudinalPosition = tag(0x300A, 0x0129);
    public static final AttributeTag TableTopLongitudinalSetupDisplacement = tag(0x300A, 0x01D4);
    public static final AttributeTag TableTopVerticalPosition = tag(0x300A, 0x0128);
    public static final AttributeTag TableTopVerticalSetupDisplacement = tag(0x300A, 0x01D2);
    public static final AttributeTag TargetPrescriptionDose = tag(0x300A, 0x0026);
    public static final AttributeTag TreatmentDeliveryType = tag(0x300A, 0x00CE);
    public static final AttributeTag TreatmentMachineName = tag(0x300A, 0x00B2);
    public static final AttributeTag ReferencedDoseReferenceNumber = tag(0x300C, 0x0051);
    public static final AttributeTag MatrixRegistrationSequence = tag(0x0070, 0x0309);
    public static final AttributeTag MatrixSequence = tag(0x0070, 0x030A);
    public static final AttributeTag FrameOfReferenceTransformationMatrix = tag(0x3006, 0x00C6);
    public static final AttributeTag FrameOfReferenceTransformationMatrixType = tag(0x0070, 0x030C);
    public static final AttributeTag RegistrationTypeCodeSequence = tag(0x0070, 0x030D);
    public static final AttributeTag ContentLabel = tag(0x0070, 0x0080);
    public static final AttributeTag ContentDescription = tag(0x0070, 0x0081);
    public static final AttributeTag ContentCreatorName = tag(0x0070, 0x0084);
    public static final AttributeTag ReferencedImageSequence = tag(0x0008, 0x1140);
    public static final AttributeTag RTImageLabel = tag(0x3002, 0x0002);
    public static final AttributeTag RTImageDescription = tag(0x3002, 0x0004);
    public static final AttributeTag RTImagePlane = tag(0x3002, 0x000C);
    public static final AttributeTag XRayImageReceptorTranslation = tag(0x3002, 0x000D);
    public static final AttributeTag XRayImageReceptorAngle = tag(0x3002, 0x000E);
    public static final AttributeTag RTImageOrientation = tag(0x3002, 0x0010);
    public static final AttributeTag ImagePlanePixelSpacing = tag(0x3002, 0x0011);
    public static final AttributeTag RTImagePosition = tag(0x3002, 0x0012);
    public static final AttributeTag RadiationMachineSAD = tag(0x3002, 0x0022);
    public static final AttributeTag RTImageSID = tag(0x3002, 0x0026);
    public static final AttributeTag ConversionType = tag(0x0008, 0x0064);
    public static final AttributeTag ReportedValuesOrigin = tag(0x3002, 0x000A);
    public static final AttributeTag RadiationMachineName = tag(0x3002, 0x0020);
    public static final AttributeTag ExposureSequence = tag(0x3002, 0x0030);
    public static final AttributeTag StudiesContainingOtherReferencedInstancesSequence = tag(0x0008, 0x1200);

    private Tags() {
    }

    // RT Ion Plan
    public static final AttributeTag IonBeamSequence = tag(0x300A, 0x03A2);
    public static final AttributeTag IonControlPointSequence = tag(0x300A, 0x03A8);
    public static final AttributeTag IonBeamLimitingDeviceSequence = tag(0x300A, 0x03A4);
    public static final AttributeTag VirtualSourceAxisDistances = tag(0x300A, 0x030A);

    private static AttributeTag tag(int group, int element) {
        return new AttributeTag(group, element);
    }
}
