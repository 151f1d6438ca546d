/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.session.PlanObjects.Choice;
import org.isocenter.session.PlanObjects.Found;

/**
 * The one resolver of plan ↔ structure set ↔ dose ↔ images, used by the workbench's loader, the command line and
 * the export package alike. Among a patient's scanned series, for a planning image series (its Series Instance UID
 * and Frame of Reference):
 * <ul>
 * <li>RT Structure Set: one that references the image series (else one in its Frame of Reference); the one asked
 * for wins; among several, the one an RT Plan of the frame references;</li>
 * <li>RT Plan: one in the image's Frame of Reference; among several, the one that references the chosen structure
 * set;</li>
 * <li>RT Dose: one in the Frame of Reference; among several, the one that references the chosen plan;</li>
 * <li>Spatial Registrations: every REG object of the patient (whether one links two frames is read from it).</li>
 * </ul>
 * Several candidates that no rule tells apart are {@link Choice#ambiguous() ambiguous}, never guessed.
 */
public final class PlanResolver {

    private PlanResolver() {
    }

    /**
     * Resolves the plan objects of an image series among a patient's series.
     *
     * @param askedStructureSetSeriesUid an RT Structure Set series the user chose (null: none)
     */
    public static PlanObjects resolve(List<SeriesRecord> patientSeries, String imageSeriesUid, String frameUid,
            String askedStructureSetSeriesUid) {
        List<Found> sets = instances(patientSeries, "RTSTRUCT", s -> s.referencedSeriesUids().contains(imageSeriesUid)
                || s.referencedFrameOfReferenceUids().contains(frameUid) || frameUid.equals(s.frameOfReferenceUid()));
        List<Found> plans = instances(patientSeries, "RTPLAN", s -> frameUid.equals(s.frameOfReferenceUid())
                || s.referencedFrameOfReferenceUids().contains(frameUid));
        List<Found> doses = instances(patientSeries, "RTDOSE", s -> frameUid.equals(s.frameOfReferenceUid()));
        List<String> plannedSets = plans.stream().flatMap(p -> p.series().referencedInstanceUids().stream()).toList();

        Choice set;
        Optional<Found> asked = askedStructureSetSeriesUid == null ? Optional.empty()
                : sets.stream().filter(f -> f.series().seriesInstanceUid().equals(askedStructureSetSeriesUid)).findFirst();
        if (asked.isPresent()) {
            set = new Choice(asked, sets, "the one chosen");
        } else {
            set = choose(sets, "RT Structure Set", List.of(
                    new Rule("it references the image series", f -> f.series().referencedSeriesUids().contains(imageSeriesUid)),
                    new Rule("the plan references it", f -> plannedSets.contains(f.sopInstanceUid()))));
        }
        String setUid = set.chosen().map(Found::sopInstanceUid).orElse("");
        Choice plan = choose(plans, "RT Plan", List.of(new Rule("it references the structure set",
                f -> !setUid.isEmpty() && f.series().referencedInstanceUids().contains(setUid))));
        String planUid = plan.chosen().map(Found::sopInstanceUid).orElse("");
        Choice dose = choose(doses, "RT Dose", List.of(new Rule("it references the plan",
                f -> !planUid.isEmpty() && f.series().referencedInstanceUids().contains(planUid))));
        List<Found> registrations = registrations(patientSeries);
        return new PlanObjects(set, plan, dose, registrations);
    }

    /**
     * The RT Structure Set a plan references (its Referenced Structure Set's SOP Instance UID) among the series: the
     * export's rule, where the plan decides and nothing else may stand in. Copies of one instance in several files
     * are one object (the first file is chosen); empty UID or none found: nothing chosen, {@code how} says which.
     */
    public static Choice referencedStructureSet(List<SeriesRecord> series, String structureSetSopInstanceUid) {
        if (structureSetSopInstanceUid == null || structureSetSopInstanceUid.isEmpty()) {
            return new Choice(Optional.empty(), List.of(), "the plan references no structure set");
        }
        List<Found> hits = instances(series, "RTSTRUCT", s -> true).stream()
                .filter(f -> f.sopInstanceUid().equals(structureSetSopInstanceUid)).toList();
        return hits.isEmpty()
                ? new Choice(Optional.empty(), hits, "the plan references structure set " + structureSetSopInstanceUid
                        + ", which is not among the scanned series")
                : new Choice(Optional.of(hits.get(0)), hits, "the one the plan references");
    }

    /**
     * The candidate planning images of a structure set or plan: the image series it references (its Referenced
     * Series), else every image series in its Frame of Reference. More than one: the caller must not guess.
     */
    public static List<SeriesRecord> planningImages(List<SeriesRecord> series, String frameUid,
            List<String> referencedSeriesUids) {
        List<SeriesRecord> images = series.stream().filter(SeriesRecord::isImageSeries).toList();
        List<SeriesRecord> byRef = images.stream()
                .filter(s -> referencedSeriesUids.contains(s.seriesInstanceUid())).toList();
        if (!byRef.isEmpty()) {
            return byRef;
        }
        return frameUid == null || frameUid.isEmpty() ? List.of()
                : images.stream().filter(s -> frameUid.equals(s.frameOfReferenceUid())).toList();
    }

    /** Every Spatial Registration among the series (whether one links a given frame is read from the object). */
    public static List<Found> registrations(List<SeriesRecord> series) {
        return instances(series, "REG", s -> true);
    }

    private record Rule(String why, Predicate<Found> prefers) {
    }

    /** The only candidate, else the ones each rule prefers in turn until one remains; several left: ambiguous. */
    private static Choice choose(List<Found> candidates, String what, List<Rule> rules) {
        if (candidates.isEmpty()) {
            return new Choice(Optional.empty(), candidates, "no " + what + " in the image's Frame of Reference");
        }
        if (candidates.size() == 1) {
            return new Choice(Optional.of(candidates.get(0)), candidates, "the only " + what + " of the image");
        }
        List<Found> left = candidates;
        for (Rule r : rules) {
            List<Found> better = left.stream().filter(r.prefers()).toList();
            if (better.size() == 1) {
                return new Choice(Optional.of(better.get(0)), candidates, "of " + candidates.size() + ", the one "
                        + r.why().replaceFirst("^it ", "that "));
            }
            if (!better.isEmpty()) {
                left = better;
            }
        }
        return new Choice(Optional.empty(), left, left.size() + " " + what + "s of the image that nothing tells apart");
    }

    private static List<Found> instances(List<SeriesRecord> series, String modality, Predicate<SeriesRecord> matches) {
        List<Found> out = new ArrayList<>();
        for (SeriesRecord s : series) {
            if (s.modality().equals(modality) && matches.test(s)) {
                for (InstanceRecord i : s.instances()) {
                    out.add(new Found(s, i));
                }
            }
        }
        return out;
    }
}
