package org.isocenter.igrt;

import org.isocenter.margin.AxisValues;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * The "course show" JSON of a course: patient id, the current decision of each fraction with its couch correction
 * (IEC 61217 table-top, mm and degrees) and UTC time, and the systematic (mean) and random (SD) set-up error in
 * patient axes lr/ap/si (mm; null when there are too few accepted fractions).
 */
public final class CourseShow {

    private CourseShow() {
    }

    public static JsonObject toJson(CourseView view) {
        JsonObject o = new JsonObject();
        o.addProperty("patientId", view.course().patient().id());
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
            fractions.add(f);
        }
        o.add("fractions", fractions);
        o.add("systematicMm", axes(view.setupError().systematicMm()));
        o.add("randomMm", axes(view.setupError().randomMm()));
        return o;
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
