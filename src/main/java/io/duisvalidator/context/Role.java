package io.duisvalidator.context;

/** DCC User Roles (DUIS section 3 matrix, plus MDR from MP162). */
public enum Role {
    IS("Import Supplier"), ES("Export Supplier"), GS("Gas Supplier"), ED("Electricity Distributor"),
    GT("Gas Transporter"), OU("Other User"), RSA("Registered Supplier Agent"), MDR("Meter Data Retriever");

    private final String title;

    Role(String title) { this.title = title; }

    public String title() { return title; }
}
