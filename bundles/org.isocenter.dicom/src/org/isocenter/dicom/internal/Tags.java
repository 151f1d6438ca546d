package org.isocenter.dicom.internal;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;

/**
 * Tags that PixelMed's {@code TagFromName} constants lack (RT modules, KVP, registration), resolved by
 * keyword from PixelMed's data dictionary at class load, so a wrong keyword fails at once.
 */
public final class Tags {
    public static final AttributeTag ContourGeometricType = tag("ContourGeometricType");
    public static final AttributeTag ContourImageSequence = tag("ContourImageSequence");
    public static final AttributeTag ContourNumber = tag("ContourNumber");
    public static final AttributeTag ContourSequence = tag("ContourSequence");
    public static final AttributeTag KVP = tag("KVP");
    public static final AttributeTag Laterality = tag("Laterality");
    public static final AttributeTag NumberOfContourPoints = tag("NumberOfContourPoints");
    public static final AttributeTag ObservationNumber = tag("ObservationNumber");
    public static final AttributeTag ROIContourSequence = tag("ROIContourSequence");
    public static final AttributeTag ROIDisplayColor = tag("ROIDisplayColor");
    public static final AttributeTag ROIGenerationAlgorithm = tag("ROIGenerationAlgorithm");
    public static final AttributeTag ROIInterpreter = tag("ROIInterpreter");
    public static final AttributeTag ROIName = tag("ROIName");
    public static final AttributeTag ROINumber = tag("ROINumber");
    public static final AttributeTag RTROIInterpretedType = tag("RTROIInterpretedType");
    public static final AttributeTag RTROIObservationsSequence = tag("RTROIObservationsSequence");
    public static final AttributeTag RTReferencedSeriesSequence = tag("RTReferencedSeriesSequence");
    public static final AttributeTag RTReferencedStudySequence = tag("RTReferencedStudySequence");
    public static final AttributeTag ReferencedFrameOfReferenceSequence = tag("ReferencedFrameOfReferenceSequence");
    public static final AttributeTag ReferencedROINumber = tag("ReferencedROINumber");
    public static final AttributeTag RegistrationSequence = tag("RegistrationSequence");
    public static final AttributeTag StructureSetROISequence = tag("StructureSetROISequence");

    public static final AttributeTag ApprovalStatus = tag("ApprovalStatus");
    public static final AttributeTag BeamDose = tag("BeamDose");
    public static final AttributeTag BeamLimitingDeviceAngle = tag("BeamLimitingDeviceAngle");
    public static final AttributeTag BeamLimitingDevicePositionSequence = tag("BeamLimitingDevicePositionSequence");
    public static final AttributeTag BeamLimitingDeviceRotationDirection = tag("BeamLimitingDeviceRotationDirection");
    public static final AttributeTag BeamLimitingDeviceSequence = tag("BeamLimitingDeviceSequence");
    public static final AttributeTag BeamMeterset = tag("BeamMeterset");
    public static final AttributeTag BeamName = tag("BeamName");
    public static final AttributeTag BeamDescription = tag("BeamDescription");
    public static final AttributeTag BeamNumber = tag("BeamNumber");
    public static final AttributeTag BeamSequence = tag("BeamSequence");
    public static final AttributeTag BeamType = tag("BeamType");
    public static final AttributeTag ControlPointIndex = tag("ControlPointIndex");
    public static final AttributeTag ControlPointSequence = tag("ControlPointSequence");
    public static final AttributeTag CumulativeMetersetWeight = tag("CumulativeMetersetWeight");
    public static final AttributeTag DoseGridScaling = tag("DoseGridScaling");
    public static final AttributeTag DoseReferenceDescription = tag("DoseReferenceDescription");
    public static final AttributeTag DoseReferenceNumber = tag("DoseReferenceNumber");
    public static final AttributeTag DoseReferenceSequence = tag("DoseReferenceSequence");
    public static final AttributeTag DoseReferenceStructureType = tag("DoseReferenceStructureType");
    public static final AttributeTag DoseReferenceType = tag("DoseReferenceType");
    public static final AttributeTag DoseSummationType = tag("DoseSummationType");
    public static final AttributeTag DoseType = tag("DoseType");
    public static final AttributeTag DoseUnits = tag("DoseUnits");
    public static final AttributeTag FinalCumulativeMetersetWeight = tag("FinalCumulativeMetersetWeight");
    public static final AttributeTag FractionGroupNumber = tag("FractionGroupNumber");
    public static final AttributeTag FractionGroupSequence = tag("FractionGroupSequence");
    public static final AttributeTag GantryAngle = tag("GantryAngle");
    public static final AttributeTag GantryRotationDirection = tag("GantryRotationDirection");
    public static final AttributeTag GridFrameOffsetVector = tag("GridFrameOffsetVector");
    public static final AttributeTag IsocenterPosition = tag("IsocenterPosition");
    public static final AttributeTag LeafJawPositions = tag("LeafJawPositions");
    public static final AttributeTag LeafPositionBoundaries = tag("LeafPositionBoundaries");
    public static final AttributeTag NominalBeamEnergy = tag("NominalBeamEnergy");
    public static final AttributeTag NumberOfBeams = tag("NumberOfBeams");
    public static final AttributeTag NumberOfBlocks = tag("NumberOfBlocks");
    public static final AttributeTag NumberOfBoli = tag("NumberOfBoli");
    public static final AttributeTag NumberOfBrachyApplicationSetups = tag("NumberOfBrachyApplicationSetups");
    public static final AttributeTag NumberOfCompensators = tag("NumberOfCompensators");
    public static final AttributeTag NumberOfControlPoints = tag("NumberOfControlPoints");
    public static final AttributeTag NumberOfFractionsPlanned = tag("NumberOfFractionsPlanned");
    public static final AttributeTag NumberOfLeafJawPairs = tag("NumberOfLeafJawPairs");
    public static final AttributeTag NumberOfWedges = tag("NumberOfWedges");
    public static final AttributeTag PatientSetupNumber = tag("PatientSetupNumber");
    public static final AttributeTag PatientSetupSequence = tag("PatientSetupSequence");
    public static final AttributeTag PatientSupportAngle = tag("PatientSupportAngle");
    public static final AttributeTag PatientSupportRotationDirection = tag("PatientSupportRotationDirection");
    public static final AttributeTag PrimaryDosimeterUnit = tag("PrimaryDosimeterUnit");
    public static final AttributeTag RTBeamLimitingDeviceType = tag("RTBeamLimitingDeviceType");
    public static final AttributeTag RTPlanDate = tag("RTPlanDate");
    public static final AttributeTag RTPlanGeometry = tag("RTPlanGeometry");
    public static final AttributeTag RTPlanLabel = tag("RTPlanLabel");
    public static final AttributeTag RTPlanName = tag("RTPlanName");
    public static final AttributeTag RTPlanTime = tag("RTPlanTime");
    public static final AttributeTag RadiationType = tag("RadiationType");
    public static final AttributeTag ReferencedBeamNumber = tag("ReferencedBeamNumber");
    public static final AttributeTag ReferencedBeamSequence = tag("ReferencedBeamSequence");
    public static final AttributeTag ReferencedFractionGroupNumber = tag("ReferencedFractionGroupNumber");
    public static final AttributeTag ReferencedPatientSetupNumber = tag("ReferencedPatientSetupNumber");
    public static final AttributeTag ReferencedRTPlanSequence = tag("ReferencedRTPlanSequence");
    public static final AttributeTag ReferencedStructureSetSequence = tag("ReferencedStructureSetSequence");
    public static final AttributeTag SetupTechnique = tag("SetupTechnique");
    public static final AttributeTag SourceAxisDistance = tag("SourceAxisDistance");
    public static final AttributeTag TableTopEccentricAngle = tag("TableTopEccentricAngle");
    public static final AttributeTag TableTopEccentricRotationDirection = tag("TableTopEccentricRotationDirection");
    public static final AttributeTag TableTopLateralPosition = tag("TableTopLateralPosition");
    public static final AttributeTag TableTopLateralSetupDisplacement = tag("TableTopLateralSetupDisplacement");
    public static final AttributeTag TableTopLongitudinalPosition = tag("TableTopLongitudinalPosition");
    public static final AttributeTag TableTopLongitudinalSetupDisplacement = tag("TableTopLongitudinalSetupDisplacement");
    public static final AttributeTag TableTopVerticalPosition = tag("TableTopVerticalPosition");
    public static final AttributeTag TableTopVerticalSetupDisplacement = tag("TableTopVerticalSetupDisplacement");
    public static final AttributeTag TargetPrescriptionDose = tag("TargetPrescriptionDose");
    public static final AttributeTag TreatmentDeliveryType = tag("TreatmentDeliveryType");
    public static final AttributeTag TreatmentMachineName = tag("TreatmentMachineName");
    public static final AttributeTag ReferencedDoseReferenceNumber = tag("ReferencedDoseReferenceNumber");
    public static final AttributeTag MatrixRegistrationSequence = tag("MatrixRegistrationSequence");
    public static final AttributeTag MatrixSequence = tag("MatrixSequence");
    public static final AttributeTag FrameOfReferenceTransformationMatrix = tag("FrameOfReferenceTransformationMatrix");
    public static final AttributeTag FrameOfReferenceTransformationMatrixType = tag("FrameOfReferenceTransformationMatrixType");
    public static final AttributeTag RegistrationTypeCodeSequence = tag("RegistrationTypeCodeSequence");
    public static final AttributeTag ContentLabel = tag("ContentLabel");
    public static final AttributeTag ContentDescription = tag("ContentDescription");
    public static final AttributeTag ContentCreatorName = tag("ContentCreatorName");
    public static final AttributeTag ReferencedImageSequence = tag("ReferencedImageSequence");
    public static final AttributeTag RTImageLabel = tag("RTImageLabel");
    public static final AttributeTag RTImageDescription = tag("RTImageDescription");
    public static final AttributeTag RTImagePlane = tag("RTImagePlane");
    public static final AttributeTag XRayImageReceptorTranslation = tag("XRayImageReceptorTranslation");
    public static final AttributeTag XRayImageReceptorAngle = tag("XRayImageReceptorAngle");
    public static final AttributeTag RTImageOrientation = tag("RTImageOrientation");
    public static final AttributeTag ImagePlanePixelSpacing = tag("ImagePlanePixelSpacing");
    public static final AttributeTag RTImagePosition = tag("RTImagePosition");
    public static final AttributeTag RadiationMachineSAD = tag("RadiationMachineSAD");
    public static final AttributeTag RTImageSID = tag("RTImageSID");
    public static final AttributeTag ConversionType = tag("ConversionType");
    public static final AttributeTag ReportedValuesOrigin = tag("ReportedValuesOrigin");
    public static final AttributeTag RadiationMachineName = tag("RadiationMachineName");
    public static final AttributeTag ExposureSequence = tag("ExposureSequence");
    public static final AttributeTag StudiesContainingOtherReferencedInstancesSequence = tag("StudiesContainingOtherReferencedInstancesSequence");

    private Tags() {
    }

    // RT Ion Plan
    public static final AttributeTag IonBeamSequence = tag("IonBeamSequence");
    public static final AttributeTag IonControlPointSequence = tag("IonControlPointSequence");
    public static final AttributeTag IonBeamLimitingDeviceSequence = tag("IonBeamLimitingDeviceSequence");
    public static final AttributeTag VirtualSourceAxisDistances = tag("VirtualSourceAxisDistances");

    private static AttributeTag tag(String keyword) {
        AttributeTag t = AttributeList.getDictionary().getTagFromName(keyword);
        if (t == null) {
            throw new IllegalStateException("DICOM dictionary has no keyword " + keyword);
        }
        return t;
    }
}
