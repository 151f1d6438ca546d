/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.contour.StructureDefaults;
import org.isocenter.contour.MarginResult;
import org.isocenter.contour.Margins;
import org.isocenter.contour.StructureMargins;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureRoles;
import org.osgi.service.component.annotations.Component;

/**
 * {@code margin --planning <CT folder> --structure CTV --margin 10|R,L,A,P,I,S --out new.dcm}: the structure grown
 * (or shrunk, negative values) by an exact anisotropic margin, written with all other structures into a new RT
 * Structure Set on the planning CT's slices, with source and result volumes; where the CT ends before the result
 * does (patient z, mm), {@code notes} says so.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=margin")
public final class MarginCommand implements CliCommand {

    private static final Set<String> OPTIONS = Set.of("--planning", "--rtstruct", "--structure", "--margin", "--name",
            "--type", "--out");

    @Override
    public String name() {
        return "margin";
    }

    @Override
    public String usage() {
        return "--planning <CT folder> [--rtstruct F] --structure NAME --margin MM|R,L,A,P,I,S [--name NEW] [--type PTV]"
                + " --out new-rtstruct.dcm  exact margin (Minkowski sum with the margin ellipsoid; negative values"
                + " shrink), written with the other structures into a new RT Structure Set";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        CliArgs a = new CliArgs(args, OPTIONS);
        Path planning = a.folder("--planning");
        Path rtstruct = a.existingFile("--rtstruct");
        String structure = a.required("--structure", "<name>");
        Margins margins;
        try {
            margins = Margins.parse(a.required("--margin", "<mm or R,L,A,P,I,S mm>"));
        } catch (IllegalArgumentException e) {
            throw new CliUsageException("--margin: " + e.getMessage());
        }
        Path out = a.newFile("--out");
        StructureEdit edit = StructureEdit.load(planning, rtstruct, progress);
        Roi source = edit.structure(structure);
        boolean target = StructureRoles.isClinicalTarget(source);
        String defaultName = source.name() + (margins.expansionPart().isZero() ? "-" : "+") + "margin";
        String name = a.text("--name", defaultName);
        edit.checkNewName(name);
        String derivedType = target ? "PTV" : source.interpretedType().equals("ORGAN") ? "AVOIDANCE" : "";
        // a given name says its type (TG-263: PTV_High → PTV, SpinalCord_PRV05 → AVOIDANCE), else from the source
        String type = a.text("--type", name.equals(defaultName) ? derivedType
                : StructureDefaults.recognizedType(name).orElse(derivedType));
        long start = System.nanoTime();
        MarginResult result = StructureMargins.compute(edit.slabs(source), margins, edit.planes(), progress);
        List<Contour> contours = result.contours();
        long computeMs = Math.round((System.nanoTime() - start) / 1e6);
        // the conventional colour of the name / type, distinct from the set's (never the CTV's own colour)
        JsonObject j = edit.writeWithNew(name, type, null, contours, out, "Isocenter margin");
        if (result.clipped()) { // the planning CT ends before the grown structure: say where and by how much
            JsonArray notes = j.has("notes") ? j.getAsJsonArray("notes") : new JsonArray();
            result.notes().forEach(notes::add);
            j.add("notes", notes);
        }
        j.add("source", StructureEdit.statistics(edit.slabs(source)));
        JsonObject m = new JsonObject();
        m.addProperty("rightMm", margins.rightMm());
        m.addProperty("leftMm", margins.leftMm());
        m.addProperty("anteriorMm", margins.anteriorMm());
        m.addProperty("posteriorMm", margins.posteriorMm());
        m.addProperty("inferiorMm", margins.inferiorMm());
        m.addProperty("superiorMm", margins.superiorMm());
        j.add("margins", m);
        j.addProperty("method", "exact Minkowski sum with the margin ellipsoid (patient LPS: left +x, posterior +y, "
                + "superior +z)");
        j.addProperty("computeMs", computeMs);
        return j;
    }
}
