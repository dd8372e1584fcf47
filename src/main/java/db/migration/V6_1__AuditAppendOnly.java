package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes {@code audit_log} append-only at the database level: UPDATE and DELETE (and TRUNCATE on PostgreSQL) are
 * rejected by a trigger. PostgreSQL gets a PL/pgSQL trigger; H2 a Java trigger ({@link cn.tingfeng.audit.AppendOnlyTrigger}).
 * The application role should additionally hold only SELECT and INSERT on the table (docs/tracking.md).
 */
public class V6_1__AuditAppendOnly extends BaseJavaMigration {
    public static final String H2_TRIGGER_SQL = "create trigger audit_log_append_only before update, delete on audit_log "
            + "for each row call 'cn.tingfeng.audit.AppendOnlyTrigger'";

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
        try (Statement s = context.getConnection().createStatement()) {
            if (product.contains("postgres")) {
                s.execute("""
                        create or replace function audit_log_append_only() returns trigger language plpgsql as $$
                        begin
                            raise exception 'audit_log is append-only: % rejected', tg_op using errcode = '42501';
                        end;
                        $$""");
                s.execute("create trigger audit_log_append_only before update or delete on audit_log "
                        + "for each row execute function audit_log_append_only()");
                s.execute("create trigger audit_log_no_truncate before truncate on audit_log "
                        + "for each statement execute function audit_log_append_only()");
            } else if (product.contains("h2")) {
                s.execute(H2_TRIGGER_SQL);
            }
        }
    }
}
