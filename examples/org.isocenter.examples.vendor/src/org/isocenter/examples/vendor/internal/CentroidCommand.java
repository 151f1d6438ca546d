/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.examples.vendor.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.examples.vendor.BoneCentroidRegistration;
import org.isocenter.registration.RegistrationRegion;
import org.isocenter.registration.RegistrationRequest;
import org.isocenter.registration.RegistrationResult;
import org.isocenter.registration.SimilarityMetric;
import org.osgi.service.component.annotations.Component;

/**
 * The example plug-in's headless command, {@code ./isocenter example-centroid --planning DIR --daily DIR}: the bone
 * centroid shift of a daily image against the planning CT (translation in LPS mm, daily minus planning), computed by
 * {@link BoneCentroidRegistration} over the whole planning CT. A Declarative Services component providing
 * {@link CliCommand}: the launcher hands it to the Equinox application, which offers every contributed command.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=example-centroid")
public final class CentroidCommand implements CliCommand {

    @Override
    public String name() {
        return "example-centroid";
    }

    @Override
    public String usage() {
        return "--planning <CT folder> --daily <series folder>  (example plug-in) bone-centroid shift of the daily "
                + "image (translation, LPS mm)";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        Path planning = null, daily = null;
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 == args.size()) {
                throw new CliUsageException(args.get(i) + " needs a value");
            }
            switch (args.get(i)) {
                case "--planning" -> planning = Path.of(args.get(i + 1));
                case "--daily" -> daily = Path.of(args.get(i + 1));
                default -> throw new CliUsageException("unknown option " + args.get(i));
            }
        }
        if (planning == null || daily == null) {
            throw new CliUsageException("--planning and --daily are both needed");
        }
        ImageVolume p = read(planning, progress), d = read(daily, progress);
        RegistrationRequest request = new RegistrationRequest(p, d, RegistrationRegion.wholeImage(p.geometry()),
                RegistrationRequest.DegreesOfFreedom.TRANSLATION_ONLY, SimilarityMetric.MUTUAL_INFORMATION, null, 1);
        RegistrationResult r = new BoneCentroidRegistration().register(request, progress);
        Vector3 c = request.region().centreMm();
        Vector3 shift = r.planningToDaily().apply(c).minus(c);
        JsonObject o = new JsonObject();
        o.addProperty("algorithm", BoneCentroidRegistration.ID);
        JsonArray t = new JsonArray();
        t.add(shift.x());
        t.add(shift.y());
        t.add(shift.z());
        o.add("translationMm", t);
        o.addProperty("fromFrameOfReference", p.frameOfReferenceUid());
        o.addProperty("toFrameOfReference", d.frameOfReferenceUid());
        return o;
    }

    private static ImageVolume read(Path folder, ProgressMonitor progress) throws Exception {
        if (!Files.isDirectory(folder)) {
            throw new CliUsageException("not a folder: " + folder.toAbsolutePath().normalize());
        }
        DicomIndex index = new DicomFolderScanner().scan(folder, progress);
        List<SeriesRecord> images = index.allSeries().stream().filter(SeriesRecord::isImageSeries).toList();
        if (images.size() != 1) {
            throw new IllegalArgumentException(folder + " holds " + images.size() + " image series, not one");
        }
        return new ImageSeriesReader().read(images.get(0).instances().stream().map(i -> i.file()).toList(), progress);
    }
}
