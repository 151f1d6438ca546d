/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import org.isocenter.margin.AxisValues;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * The "course show" JSON of a course: patient id and site, the current decision of each fraction with its couch
 * correction (IEC 61217 table-top, mm and degrees), UTC time, imaging protocol and dose (mGy); the systematic (mean)
 * and random (SD) set-up error in patient axes lr/ap/si (mm; null when there are too few accepted fractions); the
 * alerts of the current decisions; the cumulative imaging dose and its limit (mGy); and the offline protocol's status
 * with the reference corrections applied (patient axes, mm).
 */
public final class CourseShow {

    private CourseShow() {
    }

    public static JsonObject toJson(CourseReview review) {
        CourseView view = review.view();
        JsonObject o = new JsonObject();
        o.addProperty("patientId", view.course().patient().id());
        o.addProperty("site", view.course().site());
        JsonArray fractions = new JsonArray();
        for (FractionDecision d : view.fractions()) {
            JsonObject f = new JsonObject();
            f.addProperty("fraction", d.fraction());
            f.addProperty("seriesInstanceUid", d.dailySeriesUid());
            f.addProperty("decision", d.decision().name());
            TableTopCorrection c = d.correction();
            JsonObject couch = new JsonObject();
            couch.addProperty("lateralMm", c.lateralMm());
            couch.addProperty("longitudinalMm", c.longitudinalMm());
            couch.addProperty("verticalMm", c.verticalMm());
            couch.addProperty("pitchDeg", c.pitchDeg());
            couch.addProperty("rollDeg", c.rollDeg());
            couch.addProperty("yawDeg", c.yawDeg());
            f.add("couchCorrection", couch);
            f.addProperty("status", d.status());
            f.addProperty("user", d.user());
            f.addProperty("time", d.time().toString());
            f.addProperty("imagingProtocol", d.observations().imagingProtocol());
            f.addProperty("imagingDoseMGy", d.observations().imagingDoseMGy());
            fractions.add(f);
        }
        o.add("fractions", fractions);
        o.add("systematicMm", axes(view.setupError().systematicMm()));
        o.add("randomMm", axes(view.setupError().randomMm()));
        JsonArray alerts = new JsonArray();
        view.alerts().forEach(a -> alerts.add(toJson(a)));
        o.add("alerts", alerts);
        o.addProperty("imagingDoseMGy", view.imagingDoseMGy());
        o.addProperty("imagingDoseLimitMGy", review.imagingDoseLimitMGy());
        o.addProperty("imagingDoseOverLimit", review.imagingDoseOverLimit());
        OfflineProtocolStatus p = review.offlineProtocol();
        JsonObject offline = new JsonObject();
        offline.addProperty("protocol", p.protocol());
        offline.addProperty("offline", p.offline());
        offline.addProperty("imagedFractionsUsed", p.imagedFractionsUsed());
        offline.add("proposedMm", axes(p.proposedMm()));
        offline.add("appliedMm", axes(p.appliedMm()));
        offline.addProperty("pending", p.pending());
        offline.addProperty("nextImagedFraction", p.nextImagedFraction());
        offline.addProperty("message", p.message());
        JsonArray applied = new JsonArray();
        for (ReferenceCorrection r : view.referenceCorrections()) {
            JsonObject j = new JsonObject();
            j.addProperty("fromFraction", r.fromFraction());
            j.addProperty("protocol", r.protocol());
            j.add("correctionMm", axes(r.correctionMm()));
            j.addProperty("basedOnFractions", r.basedOnFractions());
            j.addProperty("user", r.user());
            j.addProperty("time", r.time().toString());
            applied.add(j);
        }
        offline.add("referenceCorrections", applied);
        o.add("offlineProtocol", offline);
        o.addProperty("settingsProblem", review.settingsProblem());
        return o;
    }

    /** One alert: {@code {"fraction", "rule", "value", "threshold", "unit", "message"}}. */
    public static JsonObject toJson(Alert a) {
        JsonObject j = new JsonObject();
        j.addProperty("fraction", a.fraction());
        j.addProperty("rule", a.rule());
        j.addProperty("value", a.value());
        j.addProperty("threshold", a.threshold());
        j.addProperty("unit", a.unit());
        j.addProperty("message", a.message());
        return j;
    }

    /** The JSON as text, pretty-printed, null values kept (so every key is present). */
    public static String print(JsonObject json) {
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(json);
    }

    private static JsonElement axes(AxisValues v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.addProperty("lr", v.lr());
        o.addProperty("ap", v.ap());
        o.addProperty("si", v.si());
        return o;
    }
}
