package org.isocenter.cli.internal;

import java.util.List;
import java.util.Optional;

import org.isocenter.igrt.Course;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.DecisionRequest;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStores;
import org.isocenter.igrt.TableTopCorrection;
import org.isocenter.registration.CouchCorrection;

import com.google.gson.JsonObject;

/**
 * {@code register --record}: the fraction's decision on a matched daily image into the IGRT record store. The couch
 * correction is IEC 61217 table-top (mm, degrees). A daily image recorded before is the same fraction again (the new
 * decision supersedes the earlier one); otherwise the next fraction of the course, unless {@code --fraction} says.
 * A correction beyond the limits (REFUSED) is recorded as rejected unless another decision is given (an accept of it
 * is refused by the store).
 */
final class FractionRecorder {

    private FractionRecorder() {
    }

    static JsonObject record(RecordOptions options, CourseResolver.PlanContext plan, String dailySeriesUid,
            String dailyFrameOfReferenceUid, CouchCorrection correction, String match, String registrationFile)
            throws Exception {
        try (RecordStore store = RecordStores.open(options.db())) {
            Course course = CourseResolver.create(store, plan);
            List<FractionDecision> current = store.current(course.id());
            int fraction;
            if (options.fraction() != null) {
                fraction = options.fraction();
            } else {
                fraction = current.stream().filter(d -> d.dailySeriesUid().equals(dailySeriesUid))
                        .mapToInt(FractionDecision::fraction).findFirst()
                        .orElse(current.stream().mapToInt(FractionDecision::fraction).max().orElse(0) + 1);
            }
            Optional<FractionDecision> previous = store.current(course.id(), fraction);
            boolean refused = correction.status() == CouchCorrection.Status.REFUSED;
            Decision decision = options.decision() != null ? options.decision() : refused ? Decision.REJECTED : Decision.ACCEPTED;
            String reason = options.reason();
            if (reason.isEmpty() && refused && decision == Decision.REJECTED) {
                reason = "correction refused by the limits: " + String.join("; ", correction.messages());
            }
            DecisionRequest request = new DecisionRequest(course.id(), fraction, plan.patient().patientId(), dailySeriesUid,
                    dailyFrameOfReferenceUid, plan.referenceSeriesUid(), plan.referenceFrameOfReferenceUid(), match,
                    new TableTopCorrection(correction.lateralMm(), correction.longitudinalMm(), correction.verticalMm(),
                            correction.pitchDeg(), correction.rollDeg(), correction.yawDeg()),
                    correction.position(), correction.status().name(), decision, options.user(), null, reason, false,
                    previous.map(FractionDecision::id).orElse(null), registrationFile);
            FractionDecision d = store.record(request);
            JsonObject out = new JsonObject();
            out.addProperty("database", store.url());
            out.addProperty("courseId", course.id());
            out.addProperty("decisionId", d.id());
            out.addProperty("fraction", d.fraction());
            out.addProperty("decision", d.decision().name());
            out.addProperty("user", d.user());
            out.addProperty("time", d.time().toString());
            if (d.supersedesId() != null) {
                out.addProperty("supersedes", d.supersedesId());
            }
            return out;
        }
    }
}
