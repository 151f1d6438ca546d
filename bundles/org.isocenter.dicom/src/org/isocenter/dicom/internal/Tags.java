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

    private Tags() {
    }

    private static AttributeTag tag(String keyword) {
        AttributeTag t = AttributeList.getDictionary().getTagFromName(keyword);
        if (t == null) {
            throw new IllegalStateException("DICOM dictionary has no keyword " + keyword);
        }
        return t;
    }
}
