/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.contour.StructureDefaults;
import org.isocenter.contour.BooleanOperation;
import org.isocenter.contour.Margins;
import org.isocenter.contour.StructureBooleans;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.osgi.service.component.annotations.Component;

/**
 * {@code boolean --planning <CT folder> --op union|intersection|subtraction|xor|ring|crop --a S1 [--b S2] --name N
 * --out new.dcm}: a structure combined from others, plane by plane on the planning CT's slices: the four boolean
 * operations, a ring around A ({@code --inner}, {@code --outer} mm), or A cropped to B shrunk by {@code --inset} mm.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=boolean")
public final class BooleanCommand implements CliCommand {

    private static final Set<String> OPTIONS = Set.of("--planning", "--rtstruct", "--op", "--a", "--b", "--inner",
            "--outer", "--inset", "--name", "--type", "--out");

    @Override
    public String name() {
        return "boolean";
    }

    @Override
    public String usage() {
        return "--planning <CT folder> [--rtstruct F] --op union|intersection|subtraction|xor|ring|crop --a NAME [--b NAME]"
                + " [--inner MM --outer MM] [--inset MM] --name NEW [--type CONTROL] --out new-rtstruct.dcm  a structure"
                + " from others (ring: A+outer minus A+inner; crop: A inside B minus inset), into a new RT Structure Set";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        CliArgs a = new CliArgs(args, OPTIONS);
        Path planning = a.folder("--planning");
        Path rtstruct = a.existingFile("--rtstruct");
        String op = a.required("--op", "<union|intersection|subtraction|xor|ring|crop>").toLowerCase(Locale.ROOT);
        String nameA = a.required("--a", "<structure>");
        String name = a.required("--name", "<new structure name>");
        Path out = a.newFile("--out");
        boolean ring = op.equals("ring"), crop = op.equals("crop");
        BooleanOperation operation = null;
        if (!ring && !crop) {
            try {
                operation = BooleanOperation.parse(op);
            } catch (IllegalArgumentException e) {
                throw new CliUsageException("--op: " + e.getMessage() + ", ring or crop");
            }
        }
        if (!ring && !a.has("--b")) {
            throw new CliUsageException("--op " + op + " needs --b <structure>");
        }
        double inner = a.number("--inner", 0, 0, Margins.LIMIT_MM), outer = a.number("--outer", 0, 0, Margins.LIMIT_MM);
        if (ring && !(outer > inner)) {
            throw new CliUsageException("a ring needs --outer larger than --inner (mm), got " + inner + " and " + outer);
        }
        double inset = a.number("--inset", 0, 0, Margins.LIMIT_MM);
        StructureEdit edit = StructureEdit.load(planning, rtstruct, progress);
        edit.checkNewName(name);
        Roi first = edit.structure(nameA);
        Roi second = ring ? null : edit.structure(a.required("--b", "<structure>"));
        long start = System.nanoTime();
        List<Contour> contours;
        if (ring) {
            contours = StructureBooleans.ring(edit.slabs(first), Margins.isotropic(inner), Margins.isotropic(outer),
                    edit.planes(), progress);
        } else if (crop) {
            contours = StructureBooleans.cropInside(edit.slabs(first), edit.slabs(second), inset, edit.planes(), progress);
        } else {
            contours = StructureBooleans.apply(operation, edit.slabs(first), edit.slabs(second), edit.planes());
        }
        long computeMs = Math.round((System.nanoTime() - start) / 1e6);
        // the type the name says (TG-263: Ring_PTV → CONTROL, PTV_Eval → PTV), else a crop keeps A's, else CONTROL
        String type = a.text("--type", StructureDefaults.recognizedType(name)
                .orElse(crop ? first.interpretedType() : "CONTROL"));
        // colour: the name's / type's conventional one, distinct from the set's
        JsonObject j = edit.writeWithNew(name, type, null, contours, out, "Boolean result");
        j.addProperty("operation", ring ? "ring " + inner + " to " + outer + " mm around " + first.name()
                : crop ? first.name() + " inside " + second.name() + " minus " + inset + " mm"
                        : first.name() + " " + operation.name().toLowerCase(Locale.ROOT) + " " + second.name());
        j.add("a", StructureEdit.statistics(edit.slabs(first)));
        if (second != null) {
            j.add("b", StructureEdit.statistics(edit.slabs(second)));
        }
        j.addProperty("computeMs", computeMs);
        return j;
    }
}
