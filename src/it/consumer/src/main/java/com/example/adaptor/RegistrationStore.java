package com.example.adaptor;

import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.RegistrationData;
import io.duisvalidator.context.Role;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Registration Data from the adaptor's own table (refreshed from MPAS by another job): the validator asks for the
 * appointments of one MPAN per request, so the table is never loaded whole.
 */
public final class RegistrationStore implements RegistrationData {
    private final DataSource db;

    public RegistrationStore(DataSource db) {
        this.db = db;
    }

    /** The adaptor's table, created when missing. */
    public static void createTable(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS mpas_appointment (mpan VARCHAR(13) NOT NULL, role VARCHAR(3) NOT NULL, "
                    + "party_id VARCHAR(40) NOT NULL, effective_from DATE NOT NULL, effective_to DATE)");
        }
    }

    /** Adds a row (what the MPAS refresh job does). */
    public static void add(DataSource db, Appointment a) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mpas_appointment VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, a.mpan());
            ps.setString(2, a.role().name());
            ps.setString(3, a.partyId());
            ps.setObject(4, a.effectiveFrom());
            ps.setObject(5, a.effectiveTo());
            ps.executeUpdate();
        }
    }

    @Override
    public List<Appointment> appointments(String mpan) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT role, party_id, effective_from, effective_to FROM mpas_appointment WHERE mpan = ?")) {
            ps.setString(1, mpan);
            List<Appointment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Appointment(mpan, Role.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            // the validator turns this into an ERROR decision (DV-CONTEXT) naming Registration Data
            throw new IllegalStateException("MPAS table: " + e.getMessage(), e);
        }
    }
}
