/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.isocenter.igrt.internal.SiteFiles;
import org.isocenter.margin.SiteProtocols;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The thresholds of the adaptive rules for one treatment site, from the {@code "alerts"} object of the site's
 * protocol file: {@code {"systematic-drift": {"threshold": 3, "fractions": 3}, "imaging-dose-limit": {"threshold":
 * 2000}, ...}} (threshold in the rule's unit: mm, degrees, % or mGy; {@code fractions} the number of fractions the
 * rule needs). The clinic's file {@code sites/<site>.json} in the Isocenter home wins over the built-in one; a rule
 * the file does not name takes its own defaults.
 */
public record AlertSettings(String site, String source, Map<String, Rule> rules) {

    /** One rule's settings: the threshold (in the rule's unit) and a number of fractions (N, or k in a row). */
    public record Rule(double threshold, int fractions) {
        public Rule {
            if (!Double.isFinite(threshold) || threshold < 0) {
                throw new IllegalArgumentException("a threshold must be a finite, non-negative number, got " + threshold);
            }
            if (fractions < 1) {
                throw new IllegalArgumentException("a rule's number of fractions must be at least 1, got " + fractions);
            }
        }
    }

    /** No site protocol: every rule at its defaults. */
    public static final AlertSettings DEFAULTS = new AlertSettings(null, "defaults", Map.of());

    public AlertSettings {
        rules = Map.copyOf(rules);
    }

    /** The rule's settings for this site: the file's when it names the rule, else the rule's defaults. */
    public Rule of(AdaptiveRule rule) {
        return rules.getOrDefault(rule.id(), rule.defaults());
    }

    /**
     * The settings of {@code site} (null: the defaults): {@code <home>/sites/<site>.json} when it exists, else the
     * built-in protocol of that name; a site with neither is refused, as is a file with an invalid "alerts" object.
     */
    public static AlertSettings forSite(String site, Path home) throws IOException {
        if (site == null || site.isBlank()) {
            return DEFAULTS;
        }
        SiteFiles.SiteText text = SiteFiles.read(site, home).orElseThrow(() -> new IOException("unknown treatment site '"
                + site + "': no " + home.resolve("sites").resolve(site + ".json") + " and no built-in protocol ("
                + String.join(", ", SiteProtocols.BUILT_IN) + ")"));
        return parse(site, text.json(), text.source());
    }

    /** The "alerts" object of a site protocol's JSON; {@code source} names the file in messages. */
    public static AlertSettings parse(String site, String json, String source) throws IOException {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            Map<String, Rule> rules = new LinkedHashMap<>();
            if (o.has("alerts")) {
                for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("alerts").entrySet()) {
                    JsonObject r = e.getValue().getAsJsonObject();
                    if (!r.has("threshold")) {
                        throw new IOException(source + ": alerts." + e.getKey() + ": missing 'threshold'");
                    }
                    try {
                        rules.put(e.getKey(), new Rule(r.get("threshold").getAsDouble(),
                                r.has("fractions") ? r.get("fractions").getAsInt() : 1));
                    } catch (IllegalArgumentException bad) {
                        throw new IOException(source + ": alerts." + e.getKey() + ": " + bad.getMessage());
                    }
                }
            }
            return new AlertSettings(site, source, rules);
        } catch (JsonParseException | IllegalStateException | ClassCastException | UnsupportedOperationException e) {
            throw new IOException(source + ": not a valid site protocol: " + e.getMessage(), e);
        }
    }
}
