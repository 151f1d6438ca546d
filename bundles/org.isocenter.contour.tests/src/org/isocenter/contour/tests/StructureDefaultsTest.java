/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.contour.StructureDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TG-263-aware defaults: the type a name says (targets with prefixes and suffixes, case-insensitive; BODY;
 * organs; PRVs; Ring / Opt / z_ control structures), conventional target colours that differ from each other, and
 * a colour distinct from the set's when the conventional one is taken; previews in a colour no structure uses.
 */
class StructureDefaultsTest {

    /** The demo pelvis set's colours: BODY, CTV_Prostate (red), Bladder, Rectum, femoral heads. */
    private static final List<int[]> DEMO = List.of(new int[] { 0, 200, 0 }, new int[] { 255, 0, 0 },
            new int[] { 255, 220, 0 }, new int[] { 150, 75, 0 }, new int[] { 0, 160, 255 }, new int[] { 0, 100, 255 });

    @ParameterizedTest
    @CsvSource({ "GTV, GTV", "GTV_Boost, GTV", "gtv_boost, GTV", "GTVp, GTV", "GTVn2, GTV", "CTV_Prostate, CTV",
            "CTV_High, CTV", "ctv5040, CTV", "ITV, ITV", "ITV_Lung, ITV", "PTV, PTV", "PTV_High, PTV", "PTV70, PTV",
            "ptv-low, PTV", "PTV 50.4, PTV", "PTVn, PTV", "BODY, EXTERNAL", "External, EXTERNAL", "body, EXTERNAL",
            "Bladder, ORGAN", "Rectum, ORGAN", "FemoralHead_L, ORGAN", "Femur_Head_R, ORGAN", "Lungs, ORGAN",
            "SpinalCord, ORGAN", "Ring_PTV, CONTROL", "Ring5mm, CONTROL", "ring_ctv, CONTROL", "PTV_Opt, CONTROL",
            "Opt_Bladder, CONTROL", "z_PTV, CONTROL", "zPTV_High, CONTROL", "zz_help, CONTROL", "_temp, CONTROL",
            "SpinalCord_PRV05, AVOIDANCE", "Brainstem_PRV, AVOIDANCE", "CouchSurface, SUPPORT",
            "OpticNrv_L, ORGAN", "Structure, ORGAN", "Zygoma, ORGAN" })
    void theNameSaysTheType(String name, String type) {
        assertEquals(type, StructureDefaults.typeFor(name), name);
    }

    @Test
    void aNameThatSaysNothingIsRecognizedAsNothing() {
        assertTrue(StructureDefaults.recognizedType("Structure_2").isEmpty());
        assertTrue(StructureDefaults.recognizedType("").isEmpty());
        assertTrue(StructureDefaults.recognizedType(null).isEmpty());
    }

    @Test
    void theTargetsHaveDistinctConventionalColours() {
        List<int[]> colours = List.of(StructureDefaults.conventionalColour("GTV", ""),
                StructureDefaults.conventionalColour("CTV", ""), StructureDefaults.conventionalColour("ITV", ""),
                StructureDefaults.conventionalColour("PTV", ""), StructureDefaults.conventionalColour("BODY", ""));
        for (int i = 0; i < colours.size(); i++) {
            for (int j = i + 1; j < colours.size(); j++) {
                assertTrue(StructureDefaults.distance(colours.get(i), colours.get(j)) >= StructureDefaults.MIN_DISTANCE,
                        i + " vs " + j);
            }
        }
        assertArrayEquals(StructureDefaults.conventionalColour("PTV", ""), StructureDefaults.conventionalColour("ptv_high", ""));
        assertArrayEquals(StructureDefaults.conventionalColour("PTV", ""), StructureDefaults.conventionalColour("PTV70", ""));
        // the type decides when the name says nothing
        assertArrayEquals(StructureDefaults.conventionalColour("PTV", ""), StructureDefaults.conventionalColour("Boost", "PTV"));
    }

    @Test
    void aPtvByMarginOnTheDemoCtvDoesNotTakeTheCtvsColour() {
        int[] ctv = { 255, 0, 0 };
        int[] ptv = StructureDefaults.colourFor("PTV", "PTV", DEMO);
        assertTrue(StructureDefaults.distance(ptv, ctv) >= StructureDefaults.MIN_DISTANCE);
        assertArrayEquals(StructureDefaults.PTV_RGB, ptv, "the conventional PTV colour is free in the demo set");
    }

    @Test
    void aTakenConventionalColourGivesWayToADistinctOne() {
        // GTV's conventional red is the demo CTV's colour
        int[] gtv = StructureDefaults.colourFor("GTV_Boost", "ORGAN", DEMO);
        for (int[] c : DEMO) {
            assertTrue(StructureDefaults.distance(gtv, c) >= StructureDefaults.MIN_DISTANCE,
                    java.util.Arrays.toString(gtv) + " too close to " + java.util.Arrays.toString(c));
        }
        // adding structures one after another keeps every colour distinct from the earlier ones
        List<int[]> set = new ArrayList<>(DEMO);
        for (String name : List.of("PTV", "PTV_High", "GTV", "ITV", "Ring_PTV", "Structure")) {
            int[] c = StructureDefaults.colourFor(name, StructureDefaults.typeFor(name), set);
            for (int[] other : set) {
                assertTrue(StructureDefaults.distance(c, other) > 0, name + " repeats a colour of the set");
            }
            set.add(c);
        }
    }

    @Test
    void previewsUseAColourNoStructureUses() {
        int[] preview = StructureDefaults.previewColour(DEMO);
        for (int[] c : DEMO) {
            assertTrue(StructureDefaults.distance(preview, c) >= StructureDefaults.MIN_DISTANCE,
                    "the preview must not look like the Bladder or any other structure");
        }
        List<int[]> withPtv = new ArrayList<>(DEMO);
        withPtv.add(preview.clone());
        int[] next = StructureDefaults.previewColour(withPtv);
        assertTrue(StructureDefaults.distance(next, preview) >= StructureDefaults.MIN_DISTANCE,
                "a structure in the preview colour moves the preview to another");
    }
}
