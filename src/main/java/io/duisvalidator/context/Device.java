package io.duisvalidator.context;

import java.util.Set;

/**
 * A Smart Metering Inventory entry. Checked when built, with the rules and words of the CSV loader
 * ({@code inventory.csv}).
 *
 * @param deviceId        the Device ID, an EUI-64 (either case; held in upper case)
 * @param deviceType      one of {@link #TYPES} (ESME, GSME, GPF, ...), exactly
 * @param deviceStatus    one of {@link #STATUSES} (the DUIS DeviceStatus values, e.g. {@code Commissioned}), exactly
 * @param smetsGeneration 1 or 2
 * @param importMpan      import MPAN core (ESME), or null (blank is taken as null); its check digit is checked
 * @param exportMpan      export MPAN core (ESME with export), or null (blank is taken as null)
 */
public record Device(String deviceId, String deviceType, String deviceStatus, int smetsGeneration,
                     String importMpan, String exportMpan) {
    /** The device types of the Smart Metering Inventory: ESME, GSME, GPF, CHF, HCALCS, PPMID, IHD, CAD. */
    public static final Set<String> TYPES = Checks.DEVICE_TYPES;
    /** The DUIS DeviceStatus values: Pending, Whitelisted, InstalledNotCommissioned, Commissioned, ... */
    public static final Set<String> STATUSES = Checks.DEVICE_STATUSES;

    /**
     * Checks and normalises the components.
     *
     * @param deviceId        the Device ID, an EUI-64 (either case; held in upper case)
     * @param deviceType      one of {@link #TYPES} (ESME, GSME, GPF, ...), exactly
     * @param deviceStatus    one of {@link #STATUSES} (the DUIS DeviceStatus values, e.g. {@code Commissioned}), exactly
     * @param smetsGeneration 1 or 2
     * @param importMpan      import MPAN core (ESME), or null (blank is taken as null); its check digit is checked
     * @param exportMpan      export MPAN core (ESME with export), or null (blank is taken as null)
     * @throws IllegalArgumentException when a value is malformed, naming the component
     */
    public Device {
        deviceId = Checks.eui64("deviceId", deviceId);
        Checks.oneOf("deviceType", deviceType, TYPES);
        Checks.oneOf("deviceStatus", deviceStatus, STATUSES);
        Checks.generation("smetsGeneration", smetsGeneration);
        importMpan = Checks.optionalMpan("importMpan", importMpan);
        exportMpan = Checks.optionalMpan("exportMpan", exportMpan);
    }
}
