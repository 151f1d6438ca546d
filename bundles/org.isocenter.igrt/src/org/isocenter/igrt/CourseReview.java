/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.isocenter.igrt.internal.SiteFiles;
import org.isocenter.igrt.internal.rules.ImagingDoseLimit;
import org.isocenter.margin.CorrectionProtocols;
import org.isocenter.margin.MarginRecipes;
import org.isocenter.margin.SiteProtocol;
import org.isocenter.margin.SiteProtocols;

/**
 * Everything the course review shows, computed once for the command line and the workbench: the course view
 * (fractions, set-up error, alerts, reference corrections, cumulative imaging dose in mGy), the course's imaging dose
 * limit (mGy) and the offline protocol's status from the course's site protocol. {@code settingsProblem} is a site
 * file that could not be read (then the defaults apply), else null.
 */
public record CourseReview(CourseView view, double imagingDoseLimitMGy, OfflineProtocolStatus offlineProtocol,
        String settingsProblem) {

    /**
     * Reviews course {@code courseId}; site protocols and alert settings from {@code home} or built in, read against the
     * recipes and correction protocols on offer.
     */
    public static CourseReview of(RecordStore store, long courseId, Path home, MarginRecipes recipes,
            CorrectionProtocols protocols) throws RecordStoreException {
        CourseView view = store.view(courseId);
        String problem = null;
        AlertSettings settings = AlertSettings.DEFAULTS;
        String protocol = null;
        String site = view.course().site();
        try {
            settings = AlertSettings.forSite(site, home);
            protocol = siteProtocol(site, home, recipes, protocols).map(SiteProtocol::protocolSpec).orElse(null);
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage();
        }
        return new CourseReview(view, ImagingDoseLimit.limitMGy(settings.of(new ImagingDoseLimit()), view.course()),
                OfflineProtocolStatus.of(protocol, protocols, view.fractions(), view.referenceCorrections()), problem);
    }

    /** The site's protocol: the clinic's file in {@code home/sites} when present, else the built-in one. */
    public static Optional<SiteProtocol> siteProtocol(String site, Path home, MarginRecipes recipes,
            CorrectionProtocols protocols) throws IOException {
        if (site == null || site.isBlank()) {
            return Optional.empty();
        }
        Optional<SiteFiles.SiteText> text = SiteFiles.read(site, home);
        return text.isEmpty() ? Optional.empty() : Optional.of(SiteProtocols.parse(text.get().json(), text.get().source(), recipes,
                protocols));
    }

    /** Whether the cumulative imaging dose is past the limit. */
    public boolean imagingDoseOverLimit() {
        return view.imagingDoseMGy() > imagingDoseLimitMGy;
    }
}
