package io.duisvalidator.context;

import java.util.Optional;

/**
 * The Smart Metering Inventory: Device ID to type, status, SMETS generation and MPANs. The validator asks it for the
 * target device of each device request (and the device of each 5.1), so an adaptor can serve it from its own store
 * (a lambda will do); {@link Context.Builder#device(Device)} fills an in-memory one, and so does
 * {@link CsvContextLoader} from {@code inventory.csv}.
 *
 * <p>Implementations must be safe for concurrent calls. A call that throws, or does not answer within the context's
 * {@linkplain Context.Builder#lookupTimeout lookup timeout}, gives that request an ERROR decision ({@code DV-CONTEXT})
 * naming this source; the next request asks again.
 */
@FunctionalInterface
public interface DeviceInventory {
    /**
     * Looks a device up.
     *
     * @param deviceId the Device ID, an EUI-64 in upper case
     * @return the device with that id, or empty when the inventory has none (the request is then E19)
     */
    Optional<Device> device(String deviceId);
}
