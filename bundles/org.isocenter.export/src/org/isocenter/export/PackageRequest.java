/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to put into an {@link ExportPackage}: the RT Plan file; the folders searched for what it references (the
 * plan's folder when empty); optionally the structure set file and the planning CT folder (found by reference and
 * Frame of Reference otherwise); Spatial Registration files and couch correction records
 * ({@code igrt-decisions.log}) of IGRT sessions, given, and found in the search folders when {@code findIgrt}; the
 * DRR settings ({@code null}: no reference images) and the folder new DRR files are written to; whether DRRs that fail
 * {@link DrrQuality} (isocenter outside the planning CT, nearly blank image) are written anyway, flagged in the
 * package notes and the files' descriptions, instead of refusing the package.
 */
public record PackageRequest(Path planFile, List<Path> searchFolders, Path structureSetFile, Path planningCtFolder,
        List<Path> registrationFiles, List<Path> couchCorrectionRecords, boolean findIgrt, DrrSettings drr,
        Path drrFolder, boolean acceptPoorDrrs) {

    public PackageRequest {
        Objects.requireNonNull(planFile, "planFile");
        searchFolders = List.copyOf(Objects.requireNonNullElse(searchFolders, List.of()));
        registrationFiles = List.copyOf(Objects.requireNonNullElse(registrationFiles, List.of()));
        couchCorrectionRecords = List.copyOf(Objects.requireNonNullElse(couchCorrectionRecords, List.of()));
        if (drr != null && drrFolder == null) {
            throw new IllegalArgumentException("DRRs need a folder to be written to");
        }
    }

    /** The plan alone: references searched in its folder, IGRT objects found there too, no DRRs. */
    public static PackageRequest forPlan(Path planFile) {
        return new PackageRequest(planFile, List.of(), null, null, List.of(), List.of(), true, null, null, false);
    }

    public PackageRequest withSearchFolders(List<Path> folders) {
        return new PackageRequest(planFile, folders, structureSetFile, planningCtFolder, registrationFiles,
                couchCorrectionRecords, findIgrt, drr, drrFolder, acceptPoorDrrs);
    }

    public PackageRequest withStructureSet(Path file) {
        return new PackageRequest(planFile, searchFolders, file, planningCtFolder, registrationFiles, couchCorrectionRecords,
                findIgrt, drr, drrFolder, acceptPoorDrrs);
    }

    public PackageRequest withPlanningCt(Path folder) {
        return new PackageRequest(planFile, searchFolders, structureSetFile, folder, registrationFiles, couchCorrectionRecords,
                findIgrt, drr, drrFolder, acceptPoorDrrs);
    }

    public PackageRequest withIgrt(List<Path> registrations, List<Path> couchRecords, boolean find) {
        return new PackageRequest(planFile, searchFolders, structureSetFile, planningCtFolder, registrations, couchRecords,
                find, drr, drrFolder, acceptPoorDrrs);
    }

    /** With reference images (one DRR per beam) written into {@code folder}. */
    public PackageRequest withDrrs(DrrSettings settings, Path folder) {
        return new PackageRequest(planFile, searchFolders, structureSetFile, planningCtFolder, registrationFiles,
                couchCorrectionRecords, findIgrt, settings, folder, acceptPoorDrrs);
    }

    /**
     * With DRRs that fail {@link DrrQuality} written anyway (flagged with a warning) when {@code accept}; refused
     * otherwise, the default.
     */
    public PackageRequest withPoorDrrsAccepted(boolean accept) {
        return new PackageRequest(planFile, searchFolders, structureSetFile, planningCtFolder, registrationFiles,
                couchCorrectionRecords, findIgrt, drr, drrFolder, accept);
    }
}
