package io.duisvalidator.context;

import java.util.Objects;

/**
 * A Smart Metering Inventory entry.
 *
 * @param importMpan import MPAN core (ESME), or null
 * @param exportMpan export MPAN core (ESME with export), or null
 */
public record Device(String deviceId, String deviceType, String deviceStatus, int smetsGeneration,
                     String importMpan, String exportMpan) {
    public Device {
        deviceId = Identifiers.normaliseEui(Objects.requireNonNull(deviceId, "deviceId"));
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(deviceStatus, "deviceStatus");
        if (smetsGeneration != 1 && smetsGeneration != 2) {
            throw new IllegalArgumentException("smetsGeneration must be 1 or 2: " + smetsGeneration);
        }
        importMpan = blankToNull(importMpan);
        exportMpan = blankToNull(exportMpan);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
