/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.isocenter.margin.AxisValues;
import org.isocenter.margin.CorrectionProtocol;
import org.isocenter.margin.CorrectionProtocols;

/**
 * Where an offline set-up correction protocol (NAL, eNAL, SAL from {@link CorrectionProtocols}) stands for one patient:
 * the set-up errors of the protocol's imaged fractions, made absolute again by adding the reference correction in
 * force on each, run through the protocol in fraction order exactly as the margin simulations run it. The result is
 * the protocol's proposed reference correction (the systematic set-up error to remove; patient axes LR/AP/SI, mm),
 * the correction applied so far, whether the proposal still has to be applied, and the next fraction the protocol
 * images (eNAL's weekly checks). {@code message} says it in a sentence.
 */
public record OfflineProtocolStatus(String protocol, boolean offline, int imagedFractionsUsed, AxisValues proposedMm,
        AxisValues appliedMm, boolean pending, Integer nextImagedFraction, String message) {

    /** A proposal differing from the applied correction by less than this (mm, vector length) is not pending. */
    public static final double SAME_MM = 0.05;

    /**
     * The status of {@code protocolSpec} ("nal:3", "enal:3:5", "sal:9:4"; null or "none"/"online": no offline
     * protocol; read against {@code protocols}, those on offer) over the course's current decisions (fraction order) and its applied reference corrections.
     */
    public static OfflineProtocolStatus of(String protocolSpec, CorrectionProtocols protocols, List<FractionDecision> current,
            List<ReferenceCorrection> applied) {
        AxisValues appliedNow = applied.isEmpty() ? AxisValues.ZERO : applied.get(applied.size() - 1).correctionMm();
        if (protocolSpec == null || protocolSpec.isBlank()) {
            return new OfflineProtocolStatus("none", false, 0, null, appliedNow, false, null,
                    "no offline protocol for this course's site");
        }
        CorrectionProtocol p = protocols.parse(protocolSpec).newPatient();
        if (p.online() || p.id().equals("none")) {
            return new OfflineProtocolStatus(protocolSpec, false, 0, null, appliedNow, false, null,
                    "protocol " + protocolSpec + " is not an offline protocol");
        }
        Map<Integer, FractionDecision> byFraction = new HashMap<>();
        int last = 0;
        for (FractionDecision d : current) {
            byFraction.put(d.fraction(), d);
            last = Math.max(last, d.fraction());
        }
        AxisValues proposal = AxisValues.ZERO;
        int used = 0;
        for (int fraction = 1; fraction <= last; fraction++) {
            if (!p.imaged(fraction - 1)) {
                continue;
            }
            FractionDecision d = byFraction.get(fraction);
            if (d == null || d.decision() != Decision.ACCEPTED || d.unmatched()) {
                continue; // an imaged fraction without a measured, accepted set-up error adds nothing
            }
            AxisValues absolute = d.correction().setupErrorMm(d.position()).plus(inForce(applied, fraction));
            proposal = p.correctionFor(fraction - 1, absolute, proposal);
            used++;
        }
        Integer next = null;
        for (int f = last + 1; f <= last + 400; f++) {
            if (p.imaged(f - 1)) {
                next = f;
                break;
            }
        }
        if (used == 0) {
            return new OfflineProtocolStatus(protocolSpec, true, 0, null, appliedNow, false, next,
                    "offline protocol " + protocolSpec + ": no imaged fraction recorded yet");
        }
        boolean pending = proposal.minus(appliedNow).length() >= SAME_MM;
        String sal = "";
        if (p.id().equals("sal")) { // SAL's action level shrinks with the number of images: alpha / sqrt(n)
            String[] parts = protocolSpec.strip().split(":");
            double alpha = parts.length > 1 ? Double.parseDouble(parts[1]) : 9;
            sal = String.format(java.util.Locale.ROOT, " (SAL action level now %.1f mm = %.1f / sqrt(%d))",
                    alpha / Math.sqrt(used), alpha, used);
        }
        String message = pending
                ? String.format(java.util.Locale.ROOT, "offline protocol %s proposes a reference correction of "
                        + "LR %+.1f, AP %+.1f, SI %+.1f mm from %d imaged fractions (applied so far: LR %+.1f, AP %+.1f, "
                        + "SI %+.1f mm): apply it to the reference", protocolSpec, proposal.lr(), proposal.ap(),
                        proposal.si(), used, appliedNow.lr(), appliedNow.ap(), appliedNow.si()) + sal
                : "offline protocol " + protocolSpec + ": the reference is corrected as proposed (" + used
                        + " imaged fractions)" + sal;
        return new OfflineProtocolStatus(protocolSpec, true, used, proposal, appliedNow, pending, next, message);
    }

    /** The reference correction in force on {@code fraction}: the latest applied from that fraction or before. */
    static AxisValues inForce(List<ReferenceCorrection> applied, int fraction) {
        AxisValues in = AxisValues.ZERO;
        for (ReferenceCorrection r : applied) {
            if (r.fromFraction() <= fraction) {
                in = r.correctionMm();
            }
        }
        return in;
    }
}
