/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.session.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.session.PlanObjects;
import org.isocenter.session.PlanResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one plan ↔ structure set ↔ dose ↔ images resolver: the demo patient as scanned, and the ambiguous cases. */
class PlanResolverTest {

    private static final String CT = "1.2.826.0.1.3680043.9.1", FRAME = "1.2.826.0.1.3680043.9.2";

    private static SeriesRecord series(String uid, String modality, String frame, List<String> refSeries,
            List<String> refFrames, List<String> refInstances, String... sopUids) {
        List<InstanceRecord> instances = new ArrayList<>();
        for (String sop : sopUids) {
            instances.add(new InstanceRecord(Path.of("/data/" + sop + ".dcm"), "", sop, 1, new double[0]));
        }
        return new SeriesRecord(uid, modality, 1, modality + " " + uid, frame, instances, refSeries, refFrames,
                refInstances, List.of(), "", List.of());
    }

    @Test
    void theDemoPatientResolvesToItsOwnStructureSetPlanAndDose(@TempDir Path dir) throws Exception {
        DemoPatient.generate(dir, ProgressMonitor.NONE);
        DicomIndex index = new DicomFolderScanner().scan(dir, ProgressMonitor.NONE);
        PlanObjects found = PlanResolver.resolve(index.allSeries(), DemoPatient.PLANNING_SERIES_UID,
                DemoPatient.PLANNING_FRAME_UID, null);
        assertEquals(DemoPatient.RTSTRUCT_FILE, found.structureSet().chosen().orElseThrow().instance().file()
                .getFileName().toString());
        assertEquals(DemoPatient.RTPLAN_FILE, found.plan().chosen().orElseThrow().instance().file().getFileName().toString());
        assertEquals(DemoPatient.RTDOSE_FILE, found.dose().chosen().orElseThrow().instance().file().getFileName().toString());
        // a daily CBCT in its own frame has none of them
        PlanObjects daily = PlanResolver.resolve(index.allSeries(), DemoPatient.dailySeriesUid(1),
                DemoPatient.dailyFrameUid(1), null);
        assertTrue(daily.structureSet().chosen().isEmpty() && daily.plan().chosen().isEmpty()
                && daily.dose().chosen().isEmpty());
        assertFalse(daily.plan().ambiguous());
    }

    @Test
    void referencesDecideAmongSeveralAndWhatNothingTellsApartIsAmbiguous() {
        SeriesRecord ct = series(CT, "CT", FRAME, List.of(), List.of(), List.of(), "ct1");
        SeriesRecord ssA = series("ssA", "RTSTRUCT", "", List.of(CT), List.of(FRAME), List.of(), "sopA");
        SeriesRecord ssB = series("ssB", "RTSTRUCT", "", List.of(CT), List.of(FRAME), List.of(), "sopB");
        SeriesRecord planB = series("planB", "RTPLAN", FRAME, List.of(), List.of(), List.of("sopB"), "planSopB");
        SeriesRecord planOther = series("planX", "RTPLAN", FRAME, List.of(), List.of(), List.of("sopZ"), "planSopX");
        SeriesRecord doseB = series("doseB", "RTDOSE", FRAME, List.of(), List.of(), List.of("planSopB"), "doseSopB");
        SeriesRecord doseX = series("doseX", "RTDOSE", FRAME, List.of(), List.of(), List.of("planSopX"), "doseSopX");
        SeriesRecord otherFrame = series("planY", "RTPLAN", "9.9", List.of(), List.of(), List.of("sopB"), "planSopY");
        List<SeriesRecord> all = List.of(ct, ssA, ssB, planB, planOther, doseB, doseX, otherFrame);

        PlanObjects p = PlanResolver.resolve(all, CT, FRAME, null);
        assertEquals("sopB", p.structureSet().chosen().orElseThrow().sopInstanceUid(), "the plan's structure set");
        assertTrue(p.structureSet().how().contains("plan references"), p.structureSet().how());
        assertEquals("planSopB", p.plan().chosen().orElseThrow().sopInstanceUid(), "the plan on that structure set");
        assertEquals(2, p.plan().candidates().size(), "a plan in another frame is no candidate");
        assertEquals("doseSopB", p.dose().chosen().orElseThrow().sopInstanceUid(), "the dose of that plan");

        // the structure set asked for wins, and the plan and dose follow it (none reference A: ambiguous)
        PlanObjects asked = PlanResolver.resolve(all, CT, FRAME, "ssA");
        assertEquals("sopA", asked.structureSet().chosen().orElseThrow().sopInstanceUid());
        assertTrue(asked.plan().ambiguous(), "two plans, neither on structure set A: never guessed");
        assertTrue(asked.dose().ambiguous());
        assertTrue(asked.plan().how().contains("nothing tells apart"), asked.plan().how());

        // no plan references either structure set: ambiguous as well
        PlanObjects none = PlanResolver.resolve(List.of(ct, ssA, ssB), CT, FRAME, null);
        assertTrue(none.structureSet().ambiguous());
        assertEquals(2, none.structureSet().candidates().size());
    }

    @Test
    void aPlansOwnObjectsAreTheOnesItReferencesAndSeveralImagesInItsFrameAreNotGuessed() {
        SeriesRecord ct = series(CT, "CT", FRAME, List.of(), List.of(), List.of(), "ct1");
        SeriesRecord cbct = series("cbct", "CT", "8.8", List.of(), List.of(), List.of(), "cb1");
        SeriesRecord ssA = series("ssA", "RTSTRUCT", "", List.of(CT), List.of(FRAME), List.of(), "sopA");
        SeriesRecord copyOfA = series("ssA2", "RTSTRUCT", "", List.of(CT), List.of(FRAME), List.of(), "sopA");
        SeriesRecord reg = series("reg", "REG", FRAME, List.of(), List.of(), List.of(), "reg1");

        var referenced = PlanResolver.referencedStructureSet(List.of(ct, ssA, copyOfA, reg), "sopA");
        assertEquals("ssA", referenced.chosen().orElseThrow().series().seriesInstanceUid(), "copies: the first file");
        assertEquals(2, referenced.candidates().size());
        var missing = PlanResolver.referencedStructureSet(List.of(ct, ssA), "sopZ");
        assertTrue(missing.chosen().isEmpty() && missing.how().contains("sopZ"), missing.how());
        assertTrue(PlanResolver.referencedStructureSet(List.of(ct, ssA), "").chosen().isEmpty(),
                "a plan without a reference gets none, not the only one there is");

        assertEquals(List.of(ct), PlanResolver.planningImages(List.of(ct, cbct, ssA), FRAME, List.of(CT)));
        assertEquals(List.of(ct), PlanResolver.planningImages(List.of(ct, cbct, ssA), FRAME, List.of()),
                "no reference: the image series in the frame");
        SeriesRecord ct2 = series("ct2", "CT", FRAME, List.of(), List.of(), List.of(), "ct2a");
        assertEquals(2, PlanResolver.planningImages(List.of(ct, ct2), FRAME, List.of()).size(),
                "two image series in the frame: both returned, the caller refuses");
        assertEquals(List.of(ct2), PlanResolver.planningImages(List.of(ct, ct2), FRAME, List.of("ct2")),
                "the referenced series decides");
        assertEquals(1, PlanResolver.registrations(List.of(ct, ssA, reg)).size());
    }
}
