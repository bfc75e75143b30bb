package io.duisvalidator.internal.xml;

import java.util.Set;

/** Namespaces and element names the reader relies on. */
final class Names {
    static final String SR = "http://www.dccinterface.co.uk/ServiceUserGateway";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    /** The body elements of the eleven MP162 SRVs: the ones the project schema declares and JAXB binds. */
    static final Set<String> KNOWN_BODIES = Set.of(
            "ReadInstantaneousImportRegisters",
            "ReadInstantaneousExportRegisters",
            "RetrieveImportDailyReadLog",
            "RetrieveExportDailyReadLog",
            "ReadActiveImportProfileData",
            "ReadExportProfileData",
            "RetrieveDailyConsumptionLog",
            "CreateSchedule",
            "ReadSchedule",
            "DeleteSchedule",
            "ReadInventory");

    private Names() {
    }
}
