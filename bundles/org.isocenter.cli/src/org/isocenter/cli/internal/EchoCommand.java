/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.util.List;

import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.net.EchoResult;
import org.isocenter.dicom.net.VerificationClient;
import org.osgi.service.component.annotations.Component;

/** {@code echo AE@host:port}: DICOM C-ECHO (Verification) to a remote node; exit 1 when it does not answer. */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=echo")
public final class EchoCommand implements CliCommand {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String usage() {
        return "AE@host:port [--aet CALLING] [--timeout-ms N]  DICOM C-ECHO: does the node answer, round trip in ms";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        NetworkOptions o = NetworkOptions.parse(args);
        if (!o.operands().isEmpty()) {
            throw new CliUsageException("echo takes only the remote node, got also " + o.operands());
        }
        EchoResult r = new VerificationClient().echo(o.callingAeTitle(), o.remote(), o.timeoutMs());
        JsonObject j = new JsonObject();
        j.addProperty("remote", o.remote().toString());
        j.addProperty("callingAeTitle", o.callingAeTitle());
        j.addProperty("success", r.success());
        j.addProperty("roundTripMs", r.roundTripMs());
        j.addProperty("message", r.message());
        j.addProperty("ok", r.success());
        return j;
    }
}
