package io.duisvalidator.context;

/** DCC User Roles (DUIS section 3 matrix, plus MDR from MP162). */
public enum Role {
    /** Import Supplier. */
    IS("Import Supplier"),
    /** Export Supplier. */
    ES("Export Supplier"),
    /** Gas Supplier. */
    GS("Gas Supplier"),
    /** Electricity Distributor. */
    ED("Electricity Distributor"),
    /** Gas Transporter. */
    GT("Gas Transporter"),
    /** Other User. */
    OU("Other User"),
    /** Registered Supplier Agent. */
    RSA("Registered Supplier Agent"),
    /** Meter Data Retriever (new in MP162). */
    MDR("Meter Data Retriever");

    private final String title;

    Role(String title) { this.title = title; }

    /**
     * The role's name in the SEC.
     *
     * @return e.g. {@code "Meter Data Retriever"}
     */
    public String title() { return title; }
}
